package io.plumbline.features.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.core.backend.Pending;
import io.plumbline.features.Undecided;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A step's conclusion: a failure names the resource, the value and its place; unknown is never a pass. */
class TallyTest {

    @Test
    void anyFailureFailsAndNamesEachFailingResource() {
        Tally t = new Tally("backup retention period is at least 7", "DB cluster resources")
                .add("AuroraCluster", Outcome.PASS, "backupRetentionPeriod = 14 at t.yaml:1353:30")
                .add("module.aurora.aws_rds_cluster.this", Outcome.FAIL,
                        "backupRetentionPeriod = 1 at plan.json:1:234107 (expected: at least 7)")
                .add("X", Outcome.UNDECIDED, "backupRetentionPeriod is unknown (known only after apply)");
        AssertionError e = assertThrows(AssertionError.class, t::conclude);
        assertTrue(e.getMessage().startsWith("not met for 1 of 3 DB cluster resources: backup retention period is at least 7"),
                e.getMessage());
        assertTrue(e.getMessage().contains("FAIL module.aurora.aws_rds_cluster.this: backupRetentionPeriod = 1 at plan.json:1:234107"),
                e.getMessage());
        assertTrue(e.getMessage().contains("UNDECIDED X"), e.getMessage());
    }

    @Test
    void anUnknownWithoutFailureIsUndecidedAndUndecidedIsPendingToCucumberAndAbortedToJUnit() {
        Tally t = new Tally("claim", "things").add("a", Outcome.PASS, "ok").add("b", Outcome.UNDECIDED, "unknown (why)");
        Undecided u = assertThrows(Undecided.class, t::conclude);
        assertTrue(u.getMessage().startsWith("undecided: 1 of 2 things could not be decided: claim"), u.getMessage());
        assertTrue(u.getMessage().contains("unknown (why)"), u.getMessage());
        assertTrue(Undecided.class.isAnnotationPresent(Pending.class));
        assertTrue(u instanceof TestAbortedException);
    }

    @Test
    void nothingToCheckIsUndecidedNotAVacuousPass() {
        Undecided u = assertThrows(Undecided.class, () -> new Tally("claim", "EBS volume resources").conclude());
        assertTrue(u.getMessage().contains("no EBS volume resources in this input"), u.getMessage());
    }

    @Test
    void aPassReturnsItsEvidence() {
        String ev = new Tally("claim", "things").add("a", Outcome.PASS, "a = 1 at f:1").conclude();
        assertEquals("met by the one things: claim\n  PASS a: a = 1 at f:1", ev);
    }
}
