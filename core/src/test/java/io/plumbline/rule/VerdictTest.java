package io.plumbline.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Default;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static final Provenance AT = Provenance.inFile("plan.json", 12, 5, "/x");

    @Test
    void nothingCheckedIsUnknownNeverPass() {
        assertEquals(Status.UNKNOWN, new Verdict("ok").status());
    }

    @Test
    void unknownValueMakesTheCheckUnknownWithItsReason() {
        Verdict v = new Verdict("ok").check("storage_encrypted", Value.<Boolean>unknown("known only after apply", AT),
                Boolean.TRUE::equals, "true", "not encrypted");
        assertEquals(Status.UNKNOWN, v.status());
        assertTrue(v.message().contains("known only after apply"), v.message());
    }

    @Test
    void failureWinsOverUnknownAndPass() {
        Verdict v = new Verdict("ok")
                .check("a", Value.explicit(true, AT), Boolean.TRUE::equals, "true", "a off")
                .check("b", Value.<Boolean>unknown("why", AT), Boolean.TRUE::equals, "true", "b off")
                .check("c", Value.explicit(false, AT), Boolean.TRUE::equals, "true", "c off");
        assertEquals(Status.FAIL, v.status());
        assertEquals("c off", v.message());
        assertEquals(3, v.evidence().size());
    }

    @Test
    void defaultedValuesDecideAndSaySo() {
        Value<Integer> retention = Value.defaulted(Default.of(1, "RDS API default"), AT);
        Verdict v = new Verdict("ok").check("backup_retention_period", retention, n -> n >= 7, ">= 7", "too short");
        assertEquals(Status.FAIL, v.status());
        assertTrue(v.evidence().get(0).actual().contains("default"), v.evidence().get(0).actual());
    }

    @Test
    void sensitiveValuesNeverDisplay() {
        Value<String> pw = Value.explicit("Plumbline-Fake-Secret-1", AT).asSensitive();
        assertFalse(pw.display().contains("Fake-Secret"));
        assertFalse(Evidence.of("master_password", pw, "(none)").actual().contains("Fake-Secret"));
        assertEquals("Plumbline-Fake-Secret-1", pw.get(), "rules can still read it");
    }
}
