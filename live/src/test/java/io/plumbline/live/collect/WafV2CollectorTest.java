package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.Clients;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedEdge;
import io.plumbline.model.Certainty;
import io.plumbline.model.security.WafWebAcl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.wafv2.model.Scope;

@ExtendWith(MotoServer.class)
class WafV2CollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private CollectContext collect(WafV2Collector c, String region) {
        CollectContext ctx = new CollectContext(SeedEdge.ACCOUNT, region);
        c.collect(new Clients(moto.options()), ctx);
        return ctx;
    }

    private static List<WafWebAcl> acls(CollectContext ctx) {
        return ctx.resources().stream().map(WafWebAcl.class::cast).toList();
    }

    @Test
    void cloudFrontScopeIsCollectedOncePerAccountAndRegionalScopePerRegion() {
        assertTrue(WafV2Collector.cloudFront().global(), "CLOUDFRONT scope runs once per account, in us-east-1");
        assertFalse(WafV2Collector.regional().global());
        assertEquals("wafv2", WafV2Collector.cloudFront().service());
        String edge = SeedEdge.protectiveAcl(moto, Scope.CLOUDFRONT, SeedEdge.GLOBAL, "edge");
        String alb = SeedEdge.protectiveAcl(moto, Scope.REGIONAL, MotoServer.REGION, "alb");

        List<WafWebAcl> global = acls(collect(WafV2Collector.cloudFront(), Clients.GLOBAL_REGION));
        assertEquals(List.of(edge), global.stream().map(WafWebAcl::address).toList());
        assertEquals("CLOUDFRONT", global.get(0).scope.get());

        // The regional collector never lists CLOUDFRONT-scope ACLs, whatever region it runs in.
        List<WafWebAcl> regional = acls(collect(WafV2Collector.regional(), MotoServer.REGION));
        assertEquals(List.of(alb), regional.stream().map(WafWebAcl::address).toList());
        assertEquals("REGIONAL", regional.get(0).scope.get());
        assertTrue(acls(collect(WafV2Collector.regional(), Clients.GLOBAL_REGION)).isEmpty());
    }

    @Test
    void protectiveAclListsOnlyBlockingManagedGroups() {
        String arn = SeedEdge.protectiveAcl(moto, Scope.REGIONAL, MotoServer.REGION, "alb");
        CollectContext ctx = collect(WafV2Collector.regional(), MotoServer.REGION);
        WafWebAcl w = acls(ctx).get(0);
        assertEquals(arn, w.address());
        assertEquals("alb", w.name.get());
        assertEquals("block", w.defaultAction.get());
        assertEquals(WafV2Collector.GET_WEB_ACL, w.defaultAction.provenance().operation());
        assertEquals(arn, w.defaultAction.provenance().arn());
        assertEquals(2, w.ruleCount.get());
        // KnownBadInputs is in count mode (monitor only): not a protecting group.
        assertEquals(List.of("AWSManagedRulesCommonRuleSet"), w.managedRuleGroups.get());
        assertEquals(List.of("arn:aws:logs:eu-west-1:123456789012:log-group:aws-waf-logs-alb"),
                w.loggingDestinations.get());
        assertEquals(WafV2Collector.LIST_LOGGING_CONFIGURATIONS, w.loggingDestinations.provenance().operation());
        assertEquals(Map.of("team", "edge"), w.tags.get());
        // moto 5.2.5 does not implement wafv2:ListResourcesForWebACL (HTTP 500): the associations are UNKNOWN,
        // naming the failed operation; the ACL itself is still collected.
        assertEquals(Certainty.UNKNOWN, w.associatedLoadBalancers.certainty());
        assertEquals(WafV2Collector.LIST_RESOURCES_FOR_WEB_ACL, w.associatedLoadBalancers.provenance().operation());
        assertTrue(ctx.failed(WafV2Collector.LIST_RESOURCES_FOR_WEB_ACL));
        assertFalse(ctx.failed(WafV2Collector.LIST_WEB_ACLS));
    }

    @Test
    void openAclAllowsWithoutRulesOrLogs() {
        SeedEdge.openAcl(moto, Scope.CLOUDFRONT, SeedEdge.GLOBAL, "open");
        CollectContext ctx = collect(WafV2Collector.cloudFront(), Clients.GLOBAL_REGION);
        assertTrue(ctx.notCollected().isEmpty(), () -> "not collected: " + ctx.notCollected());
        WafWebAcl w = acls(ctx).get(0);
        assertEquals("allow", w.defaultAction.get());
        assertEquals(0, w.ruleCount.get());
        assertEquals(List.of(), w.managedRuleGroups.get());
        assertEquals(List.of(), w.loggingDestinations.get());
        assertEquals(Certainty.EXPLICIT, w.loggingDestinations.certainty());
        // CLOUDFRONT scope: distributions link to their ACL; ListResourcesForWebACL is not called.
        assertSame(io.plumbline.model.Value.notInInput(), w.associatedLoadBalancers);
    }
}
