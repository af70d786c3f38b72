package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbClusterParameterGroup;
import io.plumbline.rule.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuroraPostgresRequiresTlsTest {
    private final AuroraPostgresRequiresTls rule = new AuroraPostgresRequiresTls();

    static DbCluster cluster(String name, String engine, String version, Value<String> group) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.engine = engine == null ? unknown("known after apply") : explicit(engine);
        c.engineVersion = version == null ? unknown("known after apply") : explicit(version);
        c.parameterGroup = group;
        return c;
    }

    static DbClusterParameterGroup group(String name, Value<Map<String, String>> parameters) {
        DbClusterParameterGroup g = new DbClusterParameterGroup("aws_rds_cluster_parameter_group." + name,
                "aws_rds_cluster_parameter_group", at());
        g.name = explicit(name + "-pg");
        g.addAlias(name + "-pg");
        g.parameters = parameters;
        return g;
    }

    @Test
    void theGroupsForceSslDecides() {
        Result r = run(rule,
                group("tls", explicit(Map.of("rds.force_ssl", "1"))),
                group("plain", explicit(Map.of("rds.force_ssl", "0", "timezone", "UTC"))),
                group("silent", explicit(Map.of("timezone", "UTC"))),
                group("later", unknown("known after apply")),
                cluster("by_name", "aurora-postgresql", "16.4", explicit("tls-pg")),
                cluster("by_address", "aurora-postgresql", "16.4", explicit("aws_rds_cluster_parameter_group.tls")),
                cluster("off", "aurora-postgresql", "16.4", explicit("plain-pg")),
                cluster("silent16", "aurora-postgresql", "16.4", explicit("silent-pg")),
                cluster("params_unknown", "aurora-postgresql", "16.4", explicit("later-pg")),
                cluster("elsewhere", "aurora-postgresql", "16.4", explicit("shared-tls-group")));
        expect(r, "aws_rds_cluster.by_name", Status.PASS, "rds.force_ssl = 1");
        expect(r, "aws_rds_cluster.by_address", Status.PASS, "rds.force_ssl = 1");
        expect(r, "aws_rds_cluster.off", Status.FAIL, "rds.force_ssl = 0", "clear text");
        expect(r, "aws_rds_cluster.silent16", Status.FAIL, "does not set rds.force_ssl", "defaults to 0");
        expect(r, "aws_rds_cluster.params_unknown", Status.UNKNOWN, "known after apply");
        expect(r, "aws_rds_cluster.elsewhere", Status.UNKNOWN, "not in this input");
    }

    @Test
    void theEngineDefaultDependsOnEngineAndMajorVersion() {
        Value<String> none = defaulted(Defaults.RDS_DEFAULT_CLUSTER_PARAMETER_GROUP);
        Result r = run(rule,
                cluster("aurora16", "aurora-postgresql", "16.4", none),
                cluster("aurora17", "aurora-postgresql", "17.2", none),
                cluster("default_named", "aurora-postgresql", "15.3", explicit("default.aurora-postgresql15")),
                cluster("version_unknown", "aurora-postgresql", null, none),
                cluster("rds_pg16", "postgres", "16.1", none),
                cluster("rds_pg14", "postgres", "14.9", none),
                cluster("mysql", "aurora-mysql", "8.0.mysql_aurora.3.05.2", none),
                cluster("engine_unknown", null, "16.4", none),
                cluster("group_unknown", "aurora-postgresql", "16.4", unknown("known after apply")));
        expect(r, "aws_rds_cluster.aurora16", Status.FAIL, "defaults to 0");
        expect(r, "aws_rds_cluster.aurora17", Status.UNKNOWN, "explicitly");
        expect(r, "aws_rds_cluster.default_named", Status.FAIL, "default");
        expect(r, "aws_rds_cluster.version_unknown", Status.UNKNOWN, "engine version is unknown");
        expect(r, "aws_rds_cluster.rds_pg16", Status.PASS, "defaults rds.force_ssl to 1");
        expect(r, "aws_rds_cluster.rds_pg14", Status.FAIL, "defaults to 0");
        expect(r, "aws_rds_cluster.mysql", Status.NOT_APPLICABLE, "PostgreSQL only");
        expect(r, "aws_rds_cluster.engine_unknown", Status.UNKNOWN, "engine is unknown");
        expect(r, "aws_rds_cluster.group_unknown", Status.UNKNOWN, "parameter group is unknown");
    }
}
