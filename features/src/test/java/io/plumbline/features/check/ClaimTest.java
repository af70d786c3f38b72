package io.plumbline.features.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assertions on a value: pass, fail, or undecided when the value is unknown. */
class ClaimTest {
    static final Provenance AT = Provenance.inFile("t.yaml", 12, 5, "/Resources/X/Properties/Y");

    static Found found(Object value) {
        return Found.of("attr", Value.explicit(value, AT), AT);
    }

    static Outcome check(Claim c, Object value) {
        return c.check(found(value)).outcome();
    }

    @Test
    void isComparesBooleansNumbersStringsAndNotSet() {
        assertEquals(Outcome.PASS, check(Claim.is(Expected.parse("true")), true));
        assertEquals(Outcome.PASS, check(Claim.is(Expected.parse("true")), "true"), "CloudFormation writes booleans as strings");
        assertEquals(Outcome.FAIL, check(Claim.is(Expected.parse("true")), false));
        assertEquals(Outcome.PASS, check(Claim.is(Expected.parse("443")), 443));
        assertEquals(Outcome.PASS, check(Claim.is(Expected.parse("443")), "443"));
        assertEquals(Outcome.PASS, check(Claim.is(Expected.parse("\"ALLOW\"")), "allow"), "AWS spells the same word both ways");
        assertEquals(Outcome.PASS, check(Claim.is(Expected.parse("\"aws_kms_key.rds\"")), new Ref("aws_kms_key.rds")));
        assertEquals(Outcome.PASS, check(Claim.is(Expected.parse("not set")), null));
        assertEquals(Outcome.FAIL, check(Claim.is(Expected.parse("not set")), "x"));
        assertEquals(Outcome.FAIL, check(Claim.is(Expected.parse("7")), true));
    }

    @Test
    void anUnknownValueIsUndecidedNeverPassed() {
        Found unknown = Found.of("attr", Value.unknown("known only after apply", AT), AT);
        for (Claim c : List.of(Claim.is(Expected.parse("true")), Claim.atLeast(7), Claim.atMost(30), Claim.present(),
                Claim.oneOf(Expected.parseList("\"a\", \"b\"")), Claim.includes(Expected.parseList("\"a\"")))) {
            Claim.Verdict v = c.check(unknown);
            assertEquals(Outcome.UNDECIDED, v.outcome(), c.description());
            assertTrue(v.evidence().contains("known only after apply"), v.evidence());
        }
    }

    @Test
    void numbersCompareByValueAndNotSetIsNotANumber() {
        assertEquals(Outcome.PASS, check(Claim.atLeast(7), 14));
        assertEquals(Outcome.PASS, check(Claim.atLeast(7), 7));
        assertEquals(Outcome.FAIL, check(Claim.atLeast(7), 1));
        assertEquals(Outcome.FAIL, check(Claim.atLeast(7), null));
        assertEquals(Outcome.PASS, check(Claim.atLeast(7), "35"));
        assertEquals(Outcome.PASS, check(Claim.atMost(30), 30));
        assertEquals(Outcome.FAIL, check(Claim.atMost(30), 90));
    }

    @Test
    void aFailureSaysWhatWasFoundWhereAndWhatWasExpected() {
        Claim.Verdict v = Claim.atLeast(7).check(found(1));
        assertEquals("attr = 1 at t.yaml:12:5 (expected: at least 7)", v.evidence());
    }

    @Test
    void listValuesAreCheckedElementByElementAndAnEmptyListFails() {
        Claim c = Claim.oneOf(Expected.parseList("\"redirect-to-https\", \"https-only\""));
        assertEquals(Outcome.PASS, check(c, List.of("https-only", "redirect-to-https")));
        Claim.Verdict v = c.check(found(List.of("https-only", "allow-all")));
        assertEquals(Outcome.FAIL, v.outcome());
        assertTrue(v.evidence().contains("attr[1] = allow-all"), v.evidence());
        assertEquals(Outcome.FAIL, check(c, List.of()));
        Found mixed = Found.of("subnets", Value.explicit(List.of(Value.explicit("a", AT), Value.unknown("?", AT)), AT), AT);
        assertEquals(Outcome.UNDECIDED, Claim.is(Expected.parse("\"a\"")).check(mixed).outcome());
    }

    @Test
    void includesAndPresent() {
        Claim c = Claim.includes(Expected.parseList("\"api\", \"audit\""));
        assertEquals(Outcome.PASS, check(c, List.of("api", "audit", "scheduler")));
        assertEquals(Outcome.FAIL, check(c, List.of("api")));
        assertEquals(Outcome.FAIL, check(c, null));
        assertEquals(Outcome.PASS, check(Claim.includes(Expected.parseList("\"k\"")), Map.of("k", "v")));
        assertEquals(Outcome.PASS, check(Claim.present(), "x"));
        assertEquals(Outcome.FAIL, check(Claim.present(), " "));
        assertEquals(Outcome.FAIL, check(Claim.present(), List.of()));
        assertEquals(Outcome.FAIL, check(Claim.present(), null));
    }

    @Test
    void valuesParse() {
        assertEquals(Expected.Type.NOT_SET, Expected.parse("not set").type());
        assertEquals(Expected.Type.SECONDARY_REGION, Expected.parse("the secondary region").type());
        assertEquals(3, Expected.parseList("\"a\", \"b\" or \"c\"").size());
        assertThrows(IllegalArgumentException.class, () -> Expected.parse("maybe"));
        assertThrows(IllegalStateException.class, () -> Expected.parse("the primary region").matches("eu-west-1"),
                "a region must be resolved against the profile first");
    }

    @Test
    void theWorstVerdictWins() {
        Claim.Verdict pass = new Claim.Verdict(Outcome.PASS, "p");
        Claim.Verdict open = new Claim.Verdict(Outcome.UNDECIDED, "u");
        Claim.Verdict fail = new Claim.Verdict(Outcome.FAIL, "f");
        assertEquals(Outcome.FAIL, Claim.all(List.of(pass, open, fail)).outcome());
        assertEquals("f", Claim.all(List.of(pass, open, fail)).evidence());
        assertEquals(Outcome.UNDECIDED, Claim.all(List.of(pass, open)).outcome());
        assertEquals(Outcome.PASS, Claim.all(List.of(pass, pass)).outcome());
    }
}
