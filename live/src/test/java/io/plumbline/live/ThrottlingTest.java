package io.plumbline.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Gap;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * Throttling as AWS answers it (RequestLimitExceeded from EC2, Throttling from RDS), injected by a loopback proxy in
 * front of moto: the SDK's adaptive retry rides out a burst and the audit is complete and identical; throttling that
 * never stops becomes a gap naming the error, after a bounded number of attempts, and never aborts the audit.
 */
@ExtendWith(MotoServer.class)
class ThrottlingTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static List<String> addresses(Model m) {
        return m.resources().stream().map(Resource::address).sorted().toList();
    }

    private static AuditOptions through(DenyingProxy proxy) {
        return new AuditOptions(proxy.endpoint(), List.of(MotoServer.REGION), MotoServer.CREDENTIALS,
                Duration.ofSeconds(60), RetryMode.ADAPTIVE_V2, 4, null);
    }

    @Test
    void aBurstOfThrottlingIsRiddenOutAndTheAuditIsComplete() throws Exception {
        Seed.network(moto);
        Seed.aurora(moto);
        Model direct = LiveAudit.collect(moto.options());
        try (DenyingProxy proxy = DenyingProxy.throttling(moto.endpoint(), Map.of("ec2", 2, "rds", 2))) {
            Model throttled = LiveAudit.collect(through(proxy));
            assertEquals(4, proxy.throttled(), "the proxy did throttle");
            assertTrue(throttled.gaps().isEmpty(), () -> "retries recovered every call: " + throttled.gaps());
            assertEquals(addresses(direct), addresses(throttled));
        }
    }

    @Test
    void endlessThrottlingBecomesAGapAfterBoundedRetries() throws Exception {
        Seed.aurora(moto);
        try (DenyingProxy proxy = DenyingProxy.throttling(moto.endpoint(), Map.of("rds", Integer.MAX_VALUE))) {
            Model m = LiveAudit.collect(through(proxy));
            List<Gap> rds = m.gaps().stream().filter(g -> g.operation().startsWith("rds:")).toList();
            assertFalse(rds.isEmpty(), "RDS is a gap");
            assertTrue(rds.stream().anyMatch(g -> g.kind() == Kind.DB_CLUSTER && g.reason().contains("Throttling")),
                    () -> "" + rds);
            assertTrue(m.all(io.plumbline.model.data.DbCluster.class).isEmpty());
            assertFalse(m.all(io.plumbline.model.network.Vpc.class).isEmpty(), "the rest was collected");
            // adaptive retry makes a bounded number of attempts per call (3 by default), it does not spin; the RDS
            // collector makes five calls (clusters, instances, subnet groups, cluster snapshots, global clusters)
            int calls = proxy.requests("rds");
            assertTrue(calls >= 3 && calls <= 3 * 5, () -> "RDS requests: " + calls);
        }
    }
}
