package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.model.Certainty;
import io.plumbline.model.Value;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.security.OidcProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * moto does not serve config:SelectResourceConfig (it returns queued results only to an in-process caller, never
 * runs the query), so these configuration items are HAND-WRITTEN from AWS documentation: the CI envelope and the
 * property paths of awslabs/aws-config-resource-schema (AWS::CloudFront::Distribution: configuration.distributionConfig.*
 * in Config casing; AWS::IAM::OIDCProvider: PascalCase Cloud Control properties) and the SelectResourceConfig result
 * format of the Config developer guide (each result a JSON document in a string, tags as [{key, value}]). They are
 * not recorded AWS output.
 */
class ConfigItemsTest {

    /** Hand-written: a SelectResourceConfig result for "SELECT accountId, awsRegion, arn, resourceId, resourceType,
     * tags, configuration WHERE resourceType = 'AWS::CloudFront::Distribution'". */
    static final String DISTRIBUTION = """
            {"accountId":"123456789012","awsRegion":"us-east-1","resourceType":"AWS::CloudFront::Distribution",
             "resourceId":"E2QWRUHAPOMQZL","arn":"arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL",
             "tags":[{"key":"Name","value":"front-door"}],
             "configuration":{"domainName":"d111111abcdef8.cloudfront.net","distributionConfig":{
               "aliases":{"quantity":1,"items":["shop.example.com"]},
               "webACLId":"arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0c5e1f0a",
               "defaultCacheBehavior":{"targetOriginId":"alb","viewerProtocolPolicy":"redirect-to-https"},
               "cacheBehaviors":{"quantity":1,"items":[{"pathPattern":"/api/*","viewerProtocolPolicy":"https-only"}]},
               "viewerCertificate":{"cloudFrontDefaultCertificate":false,
                 "acmCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/abc",
                 "sslSupportMethod":"sni-only","minimumProtocolVersion":"TLSv1.2_2021"},
               "logging":{"enabled":true,"includeCookies":false,"bucket":"edge-logs.s3.amazonaws.com","prefix":"cf/"},
               "origins":{"quantity":1,"items":[{"id":"alb","domainName":"alb.example.com",
                 "customOriginConfig":{"httpPort":80,"httpsPort":443,"originProtocolPolicy":"https-only",
                   "originSslProtocols":{"quantity":1,"items":["TLSv1.2"]}}}]},
               "enabled":true}}}""";

    @Test
    void selectResultOfADistributionGivesTheCollectorsShape() {
        ConfigItems.Item item = ConfigItems.parse(DISTRIBUTION);
        assertEquals("AWS::CloudFront::Distribution", item.resourceType());
        assertEquals("us-east-1", item.awsRegion());
        assertEquals(Map.of("Name", "front-door"), item.tags());
        CloudFrontDistribution d = ConfigItems.cloudFront(item);
        assertEquals("arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL", d.address());
        assertEquals("arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0c5e1f0a", d.webAcl.get().target());
        assertEquals(List.of("redirect-to-https", "https-only"), d.viewerProtocolPolicies.get());
        assertEquals("TLSv1.2_2021", d.minimumProtocolVersion.get());
        assertEquals("sni-only", d.sslSupportMethod.get());
        assertFalse(d.defaultCertificate.get());
        assertEquals("edge-logs.s3.amazonaws.com", d.loggingBucket.get());
        assertEquals(List.of("alb.example.com"), d.originDomains.get());
        assertEquals(List.of("https-only"), d.originProtocolPolicies.get());
        assertEquals(List.of("TLSv1.2"), d.originSslProtocols.get());
        assertEquals(List.of("shop.example.com"), d.aliases.get());
        assertTrue(d.enabled.get());
        assertEquals(ConfigItems.SELECT_RESOURCE_CONFIG, d.webAcl.provenance().operation());
        assertEquals("123456789012", d.webAcl.provenance().account());
        assertEquals(d.address(), d.webAcl.provenance().arn());
    }

    @Test
    void emptyWebAclAndDisabledLoggingAreExplicitAbsences() {
        // Hand-written: the same CI shape with WebACLId "" and logging off.
        String ci = DISTRIBUTION.replace("\"arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0c5e1f0a\"", "\"\"")
                .replace("\"logging\":{\"enabled\":true", "\"logging\":{\"enabled\":false");
        CloudFrontDistribution d = ConfigItems.cloudFront(ConfigItems.parse(ci));
        assertEquals(Certainty.EXPLICIT, d.webAcl.certainty());
        assertNull(d.webAcl.get());
        assertEquals(Certainty.EXPLICIT, d.loggingBucket.certainty());
        assertNull(d.loggingBucket.get());
    }

    @Test
    void propertiesTheQueryDidNotSelectStayNotInInput() {
        // Hand-written: "SELECT resourceId, resourceType, configuration.distributionConfig.webACLId WHERE ...".
        String ci = "{\"resourceId\":\"E1\",\"resourceType\":\"AWS::CloudFront::Distribution\","
                + "\"configuration\":{\"distributionConfig\":{\"webACLId\":\"\"}}}";
        CloudFrontDistribution d = ConfigItems.cloudFront(ConfigItems.parse(ci));
        assertNull(d.webAcl.get());
        assertSame(Value.notInInput(), d.viewerProtocolPolicies);
        assertSame(Value.notInInput(), d.loggingBucket);
        assertSame(Value.notInInput(), d.minimumProtocolVersion);
        assertSame(Value.notInInput(), d.enabled);
        assertSame(Value.notInInput(), d.tags);
    }

    @Test
    void batchGetStyleItemsWithConfigurationAsAStringAndOtherCasingAreRead() {
        // Hand-written: a BatchGetResourceConfig baseConfigurationItem (configuration is a JSON string; tags a map),
        // for a Cloud Control type with PascalCase properties.
        String ci = """
                {"version":"1.3","accountId":"123456789012","awsRegion":"us-east-1",
                 "resourceType":"AWS::IAM::OIDCProvider",
                 "resourceId":"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
                 "arn":"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
                 "tags":{"cluster":"platform"},
                 "configuration":"{\\"Url\\":\\"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC\\",\\"ClientIdList\\":[\\"sts.amazonaws.com\\"],\\"ThumbprintList\\":[\\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\\"]}",
                 "supplementaryConfiguration":{}}""";
        ConfigItems.Item item = ConfigItems.parse(ci);
        assertEquals("sts.amazonaws.com", item.path("configuration.clientidlist").get(0).asText(),
                "paths match whatever the casing");
        OidcProvider o = ConfigItems.oidcProvider(item);
        assertEquals("oidc.eks.eu-west-1.amazonaws.com/id/ABC", o.url.get(), "stored without https://, as IAM does");
        assertEquals(List.of("sts.amazonaws.com"), o.clientIds.get());
        assertEquals(List.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"), o.thumbprints.get());
        assertEquals(Map.of("cluster", "platform"), o.tags.get());
        assertTrue(o.aliases().contains("oidc.eks.eu-west-1.amazonaws.com/id/ABC"));
    }

    @Test
    void supplementaryConfigurationStringsAreParsedAndBadInputIsRejected() {
        // Hand-written after the AWS::S3::Bucket CI: supplementaryConfiguration values are JSON strings.
        String ci = "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"b\",\"configuration\":{\"name\":\"b\"},"
                + "\"supplementaryConfiguration\":{\"BucketVersioningConfiguration\":"
                + "\"{\\\"status\\\":\\\"Enabled\\\",\\\"isMfaDeleteEnabled\\\":null}\"}}";
        ConfigItems.Item item = ConfigItems.parse(ci);
        assertEquals("Enabled",
                item.path("supplementaryConfiguration.BucketVersioningConfiguration.status").asText());
        assertTrue(item.path("configuration.nothing.here").isMissingNode());
        assertThrows(IllegalArgumentException.class, () -> ConfigItems.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> ConfigItems.parse("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> ConfigItems.cloudFront(item));
        assertEquals(2, ConfigItems.parseAll(List.of(DISTRIBUTION, ci)).size());
    }
}
