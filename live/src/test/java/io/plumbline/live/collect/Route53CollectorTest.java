package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.Clients;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedEdge;
import io.plumbline.model.edge.Route53HealthCheck;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class Route53CollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private CollectContext collect() {
        return SeedEdge.collectCleanly(moto, new Route53Collector(), Clients.GLOBAL_REGION);
    }

    private static Route53HealthCheck byId(CollectContext ctx, String id) {
        return ctx.resources().stream().map(Route53HealthCheck.class::cast).filter(h -> h.awsId.is(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + id));
    }

    @Test
    void healthChecksAreReadWithTheirSettingsAndTags() {
        assertTrue(new Route53Collector().global());
        String https = SeedEdge.httpsHealthCheck(moto);
        String tcp = SeedEdge.tcpHealthCheck(moto);
        CollectContext ctx = collect();
        assertEquals(2, ctx.resources().size());

        Route53HealthCheck h = byId(ctx, https);
        assertEquals("arn:aws:route53:::healthcheck/" + https, h.address());
        assertEquals("HTTPS", h.type.get());
        assertEquals("api.example.com", h.fqdn.get());
        assertEquals(443, h.port.get());
        assertEquals("/health", h.resourcePath.get());
        assertEquals(3, h.failureThreshold.get());
        assertEquals(10, h.requestInterval.get());
        assertTrue(h.enableSni.get());
        assertFalse(h.inverted.get());
        assertEquals(Route53Collector.LIST_HEALTH_CHECKS, h.type.provenance().operation());
        assertEquals(h.address(), h.type.provenance().arn());
        assertEquals(Map.of("Name", "api-primary"), h.tags.get());
        assertEquals(Route53Collector.LIST_TAGS_FOR_RESOURCE, h.tags.provenance().operation());
        assertEquals("api-primary", h.name.get());
        assertTrue(h.aliases().contains(https), "references by id resolve");

        Route53HealthCheck t = byId(ctx, tcp);
        assertEquals("TCP", t.type.get());
        assertNull(t.fqdn.get());
        assertEquals("192.0.2.10", t.ipAddress.get());
        assertEquals(10, t.failureThreshold.get());
        assertEquals(30, t.requestInterval.get());
        assertTrue(t.inverted.get());
        assertNull(t.name.get());
    }
}
