package io.plumbline.rules.network;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbInstance;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class DbInstancesNotPublicTest {

    private static DbInstance instance(String name, Value<Boolean> pa) {
        DbInstance i = new DbInstance("aws_rds_cluster_instance." + name, "aws_rds_cluster_instance", at());
        i.publiclyAccessible = pa;
        return i;
    }

    @Test
    void privateInstancesPassPublicOnesFailUnknownStaysUnknown() {
        DbInstance gone = instance("gone", explicit(true));
        gone.change = ChangeAction.DELETE;
        DbInstance standalone = new DbInstance("aws_db_instance.legacy", "aws_db_instance", at());
        standalone.publiclyAccessible = explicit(true);
        Result r = run(new DbInstancesNotPublic(),
                instance("private", explicit(false)),
                instance("tf_default", defaulted(Defaults.TF_RDS_INSTANCE_PUBLICLY_ACCESSIBLE)),
                instance("cfn_default_group", defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_DEFAULT_GROUP)),
                instance("public", explicit(true)),
                instance("unknown", unknown("unresolved parameter Public")),
                instance("absent", Value.notInInput()),
                gone, standalone);
        expect(r, "aws_rds_cluster_instance.private", Status.PASS);
        Finding d = expect(r, "aws_rds_cluster_instance.tf_default", Status.PASS, "defaulted");
        assertTrue(evidenceShows(d, "publiclyAccessible", "(default: terraform-provider-aws"), describe(d));
        expect(r, "aws_rds_cluster_instance.cfn_default_group", Status.FAIL, "'default'");
        expect(r, "aws_rds_cluster_instance.public", Status.FAIL, "publicly accessible");
        expect(r, "aws_rds_cluster_instance.unknown", Status.UNKNOWN, "unresolved parameter Public");
        expect(r, "aws_rds_cluster_instance.absent", Status.UNKNOWN);
        expect(r, "aws_db_instance.legacy", Status.FAIL);
        assertTrue(r.findings().stream().noneMatch(f -> f.resource().equals("aws_rds_cluster_instance.gone")));
    }
}
