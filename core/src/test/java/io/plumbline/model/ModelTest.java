package io.plumbline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static final Provenance AT = Provenance.inFile("a.json", 1, 1, null);

    private static DbCluster cluster(String file) {
        return new DbCluster("module.db.aws_rds_cluster.this", "aws_rds_cluster", Provenance.inFile(file, 1, 1, null));
    }

    private static DbInstance instance(String file, int i) {
        DbInstance d = new DbInstance("module.db.aws_rds_cluster_instance.this[" + i + "]", "aws_rds_cluster_instance",
                Provenance.inFile(file, 2, 1, null));
        d.cluster = Value.explicit(new Ref("module.db.aws_rds_cluster.this"), AT);
        return d;
    }

    @Test
    void referencesResolveWithinTheirOwnInputWhenAddressesRepeatAcrossInputs() {
        DbCluster a = cluster("a.json");
        DbCluster b = cluster("b.json");
        Model merged = Model.merge(List.of(
                new Model(List.of(a, instance("a.json", 0), instance("a.json", 1)), List.of(), List.of()),
                new Model(List.of(b, instance("b.json", 0)), List.of(), List.of())));
        assertEquals(2, merged.referrers(a, DbInstance.class, i -> i.cluster).size());
        assertEquals(1, merged.referrers(b, DbInstance.class, i -> i.cluster).size());
        DbInstance fromB = merged.all(DbInstance.class).get(2);
        assertSame(b, merged.resolve(fromB, fromB.cluster.get()).orElseThrow());
    }

    @Test
    void aliasesResolveAcrossInputs() {
        DbCluster a = cluster("network.json");
        a.addAlias("arn:aws:rds:eu-west-1:111122223333:cluster:payments");
        DbInstance other = instance("app.json", 0);
        other.cluster = Value.explicit(new Ref("arn:aws:rds:eu-west-1:111122223333:cluster:payments"), AT);
        Model merged = Model.merge(List.of(new Model(List.of(a), List.of(), List.of()),
                new Model(List.of(other), List.of(), List.of())));
        assertSame(a, merged.resolve(other, other.cluster.get()).orElseThrow());
    }

    @Test
    void unfilledFieldsAreUnknownNeverAValue() {
        DbCluster c = cluster("a.json");
        assertTrue(c.storageEncrypted.isUnknown());
        assertTrue(c.backupRetentionPeriod.isUnknown());
        assertEquals("not present in this input", c.deletionProtection.note());
    }
}
