package io.plumbline.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClientsTest {

    @Test
    void globalServicesAreSignedForTheirPartitionsRegion() {
        assertEquals("us-east-1", Clients.globalRegion("eu-west-1"));
        assertEquals("us-east-1", Clients.globalRegion(null));
        assertEquals("cn-north-1", Clients.globalRegion("cn-northwest-1"));
        assertEquals("us-gov-west-1", Clients.globalRegion("us-gov-east-1"));
    }

    @Test
    void aConfiguredEndpointMakesS3AddressBucketsByPath() {
        Properties none = new Properties();
        assertFalse(Clients.configuredEndpoint(Map.of(), none));
        assertTrue(Clients.configuredEndpoint(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), none));
        assertTrue(Clients.configuredEndpoint(Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:4566"), none));
        Properties prop = new Properties();
        prop.setProperty("aws.endpointUrl", "http://127.0.0.1:4566");
        assertTrue(Clients.configuredEndpoint(Map.of(), prop));
        assertFalse(Clients.configuredEndpoint(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), none), "the SDK ignores it then, and so do we");
        assertFalse(Clients.configuredEndpoint(Map.of("AWS_ENDPOINT_URL", " "), none));
    }
}
