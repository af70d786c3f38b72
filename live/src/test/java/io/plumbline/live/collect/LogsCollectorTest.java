package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.Clients;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedEdge;
import io.plumbline.model.Certainty;
import io.plumbline.model.ops.LogGroup;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class LogsCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static LogGroup byName(CollectContext ctx, String name) {
        return ctx.resources().stream().map(LogGroup.class::cast).filter(g -> g.name.is(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no log group " + name + " in " + ctx.resources()));
    }

    @Test
    void retentionAndKeyAreReadAndTheirAbsenceIsExplicit() {
        SeedEdge.logGroups(moto);
        CollectContext ctx = new CollectContext(SeedEdge.ACCOUNT, MotoServer.REGION);
        new LogsCollector().collect(new Clients(moto.options()), ctx);
        assertTrue(ctx.notCollected().isEmpty(), () -> "not collected: " + ctx.notCollected());

        LogGroup app = byName(ctx, "/platform/app");
        assertEquals("arn:aws:logs:eu-west-1:123456789012:log-group:/platform/app", app.address());
        assertEquals(365, app.retentionDays.get());
        assertEquals(SeedEdge.LOGS_KEY, app.kmsKey.get().target());
        assertEquals(LogsCollector.DESCRIBE_LOG_GROUPS, app.retentionDays.provenance().operation());
        assertEquals(app.address(), app.retentionDays.provenance().arn());
        assertTrue(app.tags.isUnknown(), "tags are not read (one call per group): unknown, never empty");
        assertTrue(app.aliases().contains("/platform/app"));

        LogGroup debug = byName(ctx, "/platform/debug");
        // Never expires, no customer key: explicit nulls (the API's absence), not unknown.
        assertEquals(Certainty.EXPLICIT, debug.retentionDays.certainty());
        assertNull(debug.retentionDays.get());
        assertEquals(Certainty.EXPLICIT, debug.kmsKey.certainty());
        assertNull(debug.kmsKey.get());
        assertTrue(debug.tags.isUnknown());
    }
}
