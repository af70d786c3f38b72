package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.Clients;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedEdge;
import io.plumbline.model.Certainty;
import io.plumbline.model.Kind;
import io.plumbline.model.edge.CloudFrontDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.wafv2.model.Scope;

@ExtendWith(MotoServer.class)
class CloudFrontCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private CollectContext collect() {
        return SeedEdge.collectCleanly(moto, new CloudFrontCollector(), Clients.GLOBAL_REGION);
    }

    private static CloudFrontDistribution byId(CollectContext ctx, String id) {
        return ctx.resources().stream().map(CloudFrontDistribution.class::cast).filter(d -> d.awsId.is(id))
                .findFirst().orElseThrow(() -> new AssertionError("no distribution " + id + " in " + ctx.resources()));
    }

    @Test
    void isGlobal() {
        assertTrue(new CloudFrontCollector().global());
        assertEquals("cloudfront", new CloudFrontCollector().service());
    }

    @Test
    void compliantDistributionIsReadWithEveryEdgeSetting() {
        String acl = SeedEdge.protectiveAcl(moto, Scope.CLOUDFRONT, SeedEdge.GLOBAL, "edge");
        String id = SeedEdge.compliantDistribution(moto, acl);
        CollectContext ctx = collect();
        CloudFrontDistribution d = byId(ctx, id);
        assertEquals(Kind.CLOUDFRONT_DISTRIBUTION, d.kind());
        assertEquals("arn:aws:cloudfront::" + SeedEdge.ACCOUNT + ":distribution/" + id, d.address());
        assertEquals(acl, d.webAcl.get().target());
        assertEquals(Certainty.EXPLICIT, d.webAcl.certainty());
        assertEquals(d.address(), d.webAcl.provenance().arn());
        assertEquals(CloudFrontCollector.LIST_DISTRIBUTIONS, d.webAcl.provenance().operation());
        assertEquals(List.of("redirect-to-https", "https-only"), d.viewerProtocolPolicies.get());
        assertEquals("TLSv1.2_2021", d.minimumProtocolVersion.get());
        assertEquals(SeedEdge.CERT, d.acmCertificateArn.get());
        assertEquals("sni-only", d.sslSupportMethod.get());
        assertFalse(d.defaultCertificate.get());
        assertEquals(List.of("shop.example.com"), d.aliases.get());
        assertEquals(List.of("alb.example.com"), d.originDomains.get());
        assertEquals(List.of("https-only"), d.originProtocolPolicies.get());
        assertEquals(List.of("TLSv1.2"), d.originSslProtocols.get());
        assertTrue(d.enabled.get());
        assertEquals(new io.plumbline.model.Ref("edge-logs.s3.amazonaws.com"), d.loggingBucket.get());
        assertEquals(CloudFrontCollector.GET_DISTRIBUTION_CONFIG, d.loggingBucket.provenance().operation());
        assertEquals(Map.of("Name", "front-door"), d.tags.get());
        assertEquals("front-door", d.name.get());
        assertTrue(d.aliases().contains(id));
    }

    @Test
    void openDistributionShowsWhatIsMissing() {
        String id = SeedEdge.openDistribution(moto);
        CloudFrontDistribution d = byId(collect(), id);
        // WebACLId "" = no web ACL: an explicit null, not unknown.
        assertEquals(Certainty.EXPLICIT, d.webAcl.certainty());
        assertNull(d.webAcl.get());
        assertEquals(List.of("allow-all"), d.viewerProtocolPolicies.get());
        assertTrue(d.defaultCertificate.get());
        assertNull(d.acmCertificateArn.get());
        assertNull(d.sslSupportMethod.get());
        assertEquals(List.of("http-only"), d.originProtocolPolicies.get());
        assertEquals(List.of("TLSv1", "TLSv1.2"), d.originSslProtocols.get());
        // Logging off: explicit null bucket.
        assertEquals(Certainty.EXPLICIT, d.loggingBucket.certainty());
        assertNull(d.loggingBucket.get());
        assertEquals(Map.of(), d.tags.get());
    }

    @Test
    void noDistributionsIsAnEmptyCollectedKind() {
        CollectContext ctx = collect();
        assertTrue(ctx.resources().isEmpty());
        assertFalse(ctx.failed(CloudFrontCollector.LIST_DISTRIBUTIONS));
    }
}
