package io.plumbline.rules.backups;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class AuroraBackupRetentionTest {

    private static DbCluster cluster(String name, Value<Integer> days) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.backupRetentionPeriod = days;
        return c;
    }

    @Test
    void retentionAtOrAboveTheProfilePassesBelowFailsUnknownStaysUnknown() {
        Result r = run(new AuroraBackupRetention(),
                cluster("seven", explicit(7)),
                cluster("max", explicit(35)),
                cluster("six", explicit(6)),
                cluster("default", defaulted(Defaults.RDS_BACKUP_RETENTION)),
                cluster("unset", unknown()),
                cluster("absent", Value.notInInput()));
        expect(r, "aws_rds_cluster.seven", Status.PASS, "7 days");
        expect(r, "aws_rds_cluster.max", Status.PASS);
        expect(r, "aws_rds_cluster.six", Status.FAIL, "6 days", "at least 7 days");
        expect(r, "aws_rds_cluster.default", Status.FAIL,
                "backup retention is 1 day (default: RDS API CreateDBCluster BackupRetentionPeriod default 1), "
                        + "the profile requires at least 7 days");
        expect(r, "aws_rds_cluster.unset", Status.UNKNOWN, "known only after apply");
        expect(r, "aws_rds_cluster.absent", Status.UNKNOWN);
    }
}
