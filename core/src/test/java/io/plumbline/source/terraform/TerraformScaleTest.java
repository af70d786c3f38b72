package io.plumbline.source.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A generated 10,000-resource plan in which most links are unknown and must be followed through the configuration
 * (count.index selections over 1,000 instances): reading stays linear. The CI gate's budget is 1.5 s for the whole
 * process; this test only guards against quadratic work, with a bound loose enough for a cold, shared machine.
 */
class TerraformScaleTest {

    static final int UNITS = 1000; // 10 resources each

    static String plan(int units) {
        StringBuilder rc = new StringBuilder(units * 4000);
        String[] types = {"aws_subnet", "aws_security_group", "aws_security_group_rule", "aws_s3_bucket",
            "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block", "aws_rds_cluster", "aws_rds_cluster_instance",
            "aws_route_table", "aws_route_table_association"};
        String[] names = {"s", "g", "r", "b", "v", "p", "c", "ci", "rt", "a"};
        boolean first = true;
        for (int t = 0; t < types.length; t++) {
            for (int i = 0; i < units; i++) {
                if (!first) rc.append(",\n");
                first = false;
                rc.append("{\"address\":\"").append(types[t]).append('.').append(names[t]).append('[').append(i)
                        .append("]\",\"mode\":\"managed\",\"type\":\"").append(types[t]).append("\",\"name\":\"")
                        .append(names[t]).append("\",\"index\":").append(i)
                        .append(",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],")
                        .append("\"before\":null,\"after\":").append(after(types[t], i)).append(",\"after_unknown\":")
                        .append(unknown(types[t])).append(",\"before_sensitive\":false,\"after_sensitive\":{}}}");
            }
        }
        String cfg = "{\"provider_config\":{\"aws\":{\"name\":\"aws\",\"expressions\":{\"region\":{\"constant_value\":\"eu-west-1\"}}}},"
                + "\"root_module\":{\"resources\":["
                + cfg("aws_subnet", "s", "\"vpc_id\":{\"references\":[\"aws_vpc.main.id\",\"aws_vpc.main\"]}") + ","
                + cfg("aws_security_group", "g", "\"vpc_id\":{\"references\":[\"aws_vpc.main.id\",\"aws_vpc.main\"]}") + ","
                + cfg("aws_security_group_rule", "r", "\"security_group_id\":{\"references\":[\"aws_security_group.g\",\"count.index\"]},"
                + "\"source_security_group_id\":{\"references\":[\"aws_security_group.g\",\"count.index\"]}") + ","
                + cfg("aws_s3_bucket", "b", "") + ","
                + cfg("aws_s3_bucket_versioning", "v", "\"bucket\":{\"references\":[\"aws_s3_bucket.b\",\"count.index\"]}") + ","
                + cfg("aws_s3_bucket_public_access_block", "p", "\"bucket\":{\"references\":[\"aws_s3_bucket.b\",\"count.index\"]}") + ","
                + cfg("aws_rds_cluster", "c", "\"storage_encrypted\":{\"constant_value\":true}") + ","
                + cfg("aws_rds_cluster_instance", "ci", "\"cluster_identifier\":{\"references\":[\"aws_rds_cluster.c\",\"count.index\"]}") + ","
                + cfg("aws_route_table", "rt", "\"vpc_id\":{\"references\":[\"aws_vpc.main.id\",\"aws_vpc.main\"]}") + ","
                + cfg("aws_route_table_association", "a", "\"route_table_id\":{\"references\":[\"aws_route_table.rt\",\"count.index\"]},"
                + "\"subnet_id\":{\"references\":[\"aws_subnet.s\",\"count.index\"]}")
                + "]}}";
        return "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"planned_values\":{\"root_module\":{}},"
                + "\"resource_changes\":[\n" + rc + "\n],\"configuration\":" + cfg + "}";
    }

    private static String cfg(String type, String name, String exprs) {
        return "{\"address\":\"" + type + "." + name + "\",\"mode\":\"managed\",\"type\":\"" + type + "\",\"name\":\"" + name
                + "\",\"provider_config_key\":\"aws\",\"expressions\":{" + exprs + "},\"schema_version\":0,"
                + "\"count_expression\":{\"references\":[\"var.n\"]}}";
    }

    private static String after(String type, int i) {
        return switch (type) {
            case "aws_subnet" -> "{\"availability_zone\":\"eu-west-1" + "abc".charAt(i % 3) + "\",\"cidr_block\":\"10."
                    + (i / 256) + "." + (i % 256) + ".0/24\",\"map_public_ip_on_launch\":false,\"tags\":{\"Name\":\"s" + i
                    + "\",\"plumbline:tier\":\"app\"}}";
            case "aws_security_group" -> "{\"name\":\"g" + i + "\",\"description\":\"d\",\"ingress\":[{\"cidr_blocks\":[\"10.0.0.0/8\","
                    + "\"192.168.0.0/16\"],\"description\":\"\",\"from_port\":443,\"ipv6_cidr_blocks\":[],\"prefix_list_ids\":[],"
                    + "\"protocol\":\"tcp\",\"security_groups\":[],\"self\":false,\"to_port\":443}],\"egress\":[],\"tags\":null}";
            case "aws_security_group_rule" -> "{\"type\":\"ingress\",\"from_port\":22,\"to_port\":22,\"protocol\":\"tcp\","
                    + "\"cidr_blocks\":null,\"self\":false}";
            case "aws_s3_bucket" -> "{\"bucket\":\"bucket-" + i + "\",\"force_destroy\":false,\"tags\":{\"plumbline:role\":\"logs\"}}";
            case "aws_s3_bucket_versioning" -> "{\"versioning_configuration\":[{\"status\":\"Enabled\",\"mfa_delete\":null}]}";
            case "aws_s3_bucket_public_access_block" -> "{\"block_public_acls\":true,\"block_public_policy\":true,"
                    + "\"ignore_public_acls\":true,\"restrict_public_buckets\":true}";
            case "aws_rds_cluster" -> "{\"cluster_identifier\":\"db-" + i + "\",\"engine\":\"aurora-postgresql\",\"storage_encrypted\":true,"
                    + "\"deletion_protection\":true,\"skip_final_snapshot\":false,\"master_password\":\"pw-" + i + "\"}";
            case "aws_rds_cluster_instance" -> "{\"identifier\":\"db-" + i + "-1\",\"instance_class\":\"db.r6g.large\"}";
            case "aws_route_table" -> "{\"route\":[{\"cidr_block\":\"0.0.0.0/0\",\"nat_gateway_id\":\"nat-" + i + "\"}],\"tags\":null}";
            default -> "{}";
        };
    }

    private static String unknown(String type) {
        return switch (type) {
            case "aws_subnet", "aws_security_group", "aws_route_table" -> "{\"id\":true,\"arn\":true,\"vpc_id\":true}";
            case "aws_security_group_rule" -> "{\"id\":true,\"security_group_id\":true,\"source_security_group_id\":true}";
            case "aws_s3_bucket_versioning" -> "{\"id\":true,\"bucket\":true}";
            case "aws_s3_bucket_public_access_block" -> "{\"id\":true,\"bucket\":true}";
            case "aws_rds_cluster" -> "{\"id\":true,\"arn\":true,\"kms_key_id\":true,\"backup_retention_period\":true}";
            case "aws_rds_cluster_instance" -> "{\"id\":true,\"cluster_identifier\":true,\"publicly_accessible\":true}";
            case "aws_route_table_association" -> "{\"id\":true,\"route_table_id\":true,\"subnet_id\":true}";
            default -> "{\"id\":true,\"arn\":true}";
        };
    }

    @Test
    void tenThousandResourcesReadInLinearTime() {
        byte[] small = plan(UNITS / 10).getBytes(StandardCharsets.UTF_8);
        byte[] big = plan(UNITS).getBytes(StandardCharsets.UTF_8);
        Inputs.load("warm.json", small, SourceOptions.DEFAULT); // class loading and a first JIT pass

        long t0 = System.nanoTime();
        Model m = Inputs.load("big.json", big, SourceOptions.DEFAULT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("Terraform plan of %d resources (%.1f MB): read in %d ms%n", UNITS * 10, big.length / 1e6, ms);

        InputFile in = m.inputs().get(0);
        assertEquals(UNITS * 10, in.declared());
        assertEquals(UNITS * 4, in.folded(), "rules, versioning, public access blocks and associations fold");
        assertEquals(UNITS * 6, in.modelled());
        SecurityGroup g = m.byAddress("aws_security_group.g[777]").map(SecurityGroup.class::cast).orElseThrow();
        assertEquals(java.util.List.of("aws_security_group_rule.r[777]"), g.folded());
        assertEquals(3, g.rules.size());
        S3Bucket b = m.byAddress("aws_s3_bucket.b[999]").map(S3Bucket.class::cast).orElseThrow();
        assertEquals("Enabled", b.versioning.get());
        assertTrue(b.blockPublicAcls.is(true));
        RouteTable rt = m.byAddress("aws_route_table.rt[500]").map(RouteTable.class::cast).orElseThrow();
        assertEquals("aws_subnet.s[500]", rt.subnets.get(0).get().target());
        DbCluster c = m.byAddress("aws_rds_cluster.c[42]").map(DbCluster.class::cast).orElseThrow();
        assertEquals(1, m.referrers(c, DbInstance.class, i -> i.cluster).size());

        assertTrue(ms < 6000, "reading 10,000 resources took " + ms + " ms");
    }
}
