package io.plumbline.features.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Certainty;
import io.plumbline.model.Default;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading attributes by name from the typed model, keeping each value's certainty and place. */
class AttributePathTest {
    static final Provenance AT = Provenance.inFile("plan.json", 1, 40, "/resource_changes/3/change/after/x");

    static DbCluster cluster() {
        DbCluster c = new DbCluster("module.db.aws_rds_cluster.this", "aws_rds_cluster", Provenance.inFile("plan.json", 1, 2, "/resource_changes/3"));
        c.backupRetentionPeriod = Value.explicit(1, AT);
        c.storageEncrypted = Value.unknown("known only after apply", AT);
        c.kmsKey = Value.defaulted(Default.of(null, "no key given"), Provenance.NONE);
        return c;
    }

    @Test
    void wordsNameAFieldWithoutCaseOrSpaces() {
        List<Found> f = AttributePath.parse("their backup retention period").resolve(cluster());
        assertEquals(1, f.size());
        assertEquals("backupRetentionPeriod", f.get(0).path());
        assertEquals(1, f.get(0).value());
        assertEquals(Certainty.EXPLICIT, f.get(0).certainty());
        assertEquals(AT, f.get(0).where());
        assertEquals("backupRetentionPeriod = 1 at plan.json:1:40 /resource_changes/3/change/after/x", f.get(0).describe());
        assertEquals("backupRetentionPeriod", AttributePath.parse("backupRetentionPeriod").resolve(cluster()).get(0).path());
        assertEquals("kmsKey", AttributePath.parse("the KMS key").resolve(cluster()).get(0).path());
    }

    @Test
    void flagAndAliasesAreOnlyWords() {
        assertEquals("storageEncrypted", AttributePath.parse("their storage encrypted flag").resolve(cluster()).get(0).path());
        assertEquals("storageEncrypted", AttributePath.parse("storage encryption").resolve(cluster()).get(0).path());
        assertEquals("backupRetentionPeriod", AttributePath.parse("backup retention").resolve(cluster()).get(0).path());
    }

    @Test
    void anUnknownValueIsFoundUnknownWithItsReason() {
        Found f = AttributePath.parse("storage encrypted").resolve(cluster()).get(0);
        assertFalse(f.known());
        assertTrue(f.describe().contains("is unknown (known only after apply)"), f.describe());
    }

    @Test
    void aDefaultedValueIsKnownAndSaysWhoseDefaultItIs() {
        Found f = AttributePath.parse("kms key").resolve(cluster()).get(0);
        assertTrue(f.known());
        assertNull(f.value());
        assertEquals(Certainty.DEFAULTED, f.certainty());
        assertTrue(f.describe().contains("(default: no key given)"), f.describe());
        assertEquals(cluster().location(), f.where(), "a value without a place of its own points at its resource");
    }

    @Test
    void anAttributeTheKindDoesNotHaveIsAnErrorListingTheAttributes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttributePath.parse("their colour").resolve(cluster()));
        assertTrue(e.getMessage().contains("no attribute 'colour' on a DbCluster"), e.getMessage());
        assertTrue(e.getMessage().contains("backupRetentionPeriod"), e.getMessage());
    }

    @Test
    void aNestedAttributeReadsEveryElement() {
        S3Bucket b = new S3Bucket("aws_s3_bucket.logs", "aws_s3_bucket", AT);
        b.replicationRules = Value.explicit(List.of(
                new ReplicationRule(Value.explicit("Enabled", AT), Value.explicit(new Ref("aws_s3_bucket.r"), AT),
                        Value.notInInput(), Value.notInInput()),
                new ReplicationRule(Value.explicit("Disabled", AT), Value.unknown("known only after apply", AT),
                        Value.notInInput(), Value.notInInput())), AT);
        AttributePath p = AttributePath.parse("the status of their replication rules");
        assertEquals(List.of("replication rules", "status"), p.segments());
        List<Found> f = p.resolve(b);
        assertEquals(2, f.size());
        assertEquals("replicationRules[0].status", f.get(0).path());
        assertEquals("Disabled", f.get(1).value());
        List<Found> dest = AttributePath.parse("destination bucket of their replication rules").resolve(b);
        assertEquals(new Ref("aws_s3_bucket.r"), dest.get(0).value());
        assertFalse(dest.get(1).known());
    }

    @Test
    void aNestedAttributeOfAnEmptyListIsFoundAsNothingNotAsAPass() {
        S3Bucket b = new S3Bucket("aws_s3_bucket.logs", "aws_s3_bucket", AT);
        b.replicationRules = Value.explicit(List.of(), AT);
        List<Found> f = AttributePath.parse("status of their replication rules").resolve(b);
        assertEquals(1, f.size());
        assertTrue(f.get(0).empty());
        assertEquals(Outcome.FAIL, Claim.is(Expected.parse("\"Enabled\"")).check(f.get(0)).outcome());
        b.replicationRules = Value.unknown("known only after apply", AT);
        Found u = AttributePath.parse("status of their replication rules").resolve(b).get(0);
        assertFalse(u.known());
        assertEquals(Outcome.UNDECIDED, Claim.is(Expected.parse("\"Enabled\"")).check(u).outcome());
    }

    @Test
    void plainListsOfRecordsAreReadToo() {
        LoadBalancer lb = new LoadBalancer("aws_lb.public", "aws_lb", AT);
        lb.listeners.add(new Listener("aws_lb_listener.https", Value.explicit(443, AT), Value.explicit("HTTPS", AT),
                Value.explicit("ELBSecurityPolicy-TLS13-1-2-2021-06", AT), Value.explicit("arn:aws:acm:x", AT),
                Value.explicit("forward", AT), Value.explicit(null, AT), Value.notInInput(), AT));
        List<Found> f = AttributePath.parse("the protocol of their listeners").resolve(lb);
        assertEquals("HTTPS", f.get(0).value());
        assertEquals("listeners[0].protocol", f.get(0).path());
    }

    @Test
    void sensitiveValuesAreNeverShown() {
        DbCluster c = cluster();
        c.engine = Value.explicit("aurora-postgresql", AT).asSensitive();
        Found f = AttributePath.parse("engine").resolve(c).get(0);
        assertFalse(f.describe().contains("aurora-postgresql"), f.describe());
        assertTrue(f.describe().contains("(sensitive)"), f.describe());
    }
}
