package io.plumbline.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;

/**
 * Seeds moto for the drift test (writing clients, no read-only interceptor), writes the Terraform plan that manages
 * what was seeded, and changes the live side by hand afterwards.
 */
public final class SeedDrift {

    static final String ACCOUNT = "123456789012";
    static final String VPC_CIDR = "10.30.0.0/16";
    static final String VPC_NAME = "drift-vpc";
    static final String GROUP = "drift-db";
    static final String CLUSTER = "drift-db";
    static final int RETENTION = 7;

    /** What moto returned: the ids a refreshed Terraform state would hold, and the computed cluster settings. */
    public record Seeded(String vpc, String group, DBCluster cluster) {
        public String vpcArn() {
            return "arn:aws:ec2:" + MotoServer.REGION + ":" + ACCOUNT + ":vpc/" + vpc;
        }

        public String groupArn() {
            return "arn:aws:ec2:" + MotoServer.REGION + ":" + ACCOUNT + ":security-group/" + group;
        }
    }

    static Ec2Client ec2(MotoServer moto) {
        return Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    static RdsClient rds(MotoServer moto) {
        return RdsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    /** A VPC, a security group admitting 5432 from the VPC, an encrypted Aurora cluster with 7 days of backups. */
    public static Seeded seed(MotoServer moto) {
        String vpc;
        String group;
        try (Ec2Client ec2 = ec2(moto)) {
            vpc = ec2.createVpc(b -> b.cidrBlock(VPC_CIDR).tagSpecifications(TagSpecification.builder()
                    .resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value(VPC_NAME).build())
                    .build())).vpc().vpcId();
            group = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName(GROUP).description("postgres from the vpc"))
                    .groupId();
            ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(5432).toPort(5432)
                    .ipRanges(IpRange.builder().cidrIp(VPC_CIDR).description("postgres").build()).build()));
        }
        try (RdsClient rds = rds(moto)) {
            rds.createDBCluster(b -> b.dbClusterIdentifier(CLUSTER).engine("aurora-postgresql")
                    .engineVersion("15.4").masterUsername("app").masterUserPassword("not-a-secret-123")
                    .storageEncrypted(true).backupRetentionPeriod(RETENTION).deletionProtection(false)
                    .vpcSecurityGroupIds(group));
            DBCluster c = rds.describeDBClusters(b -> b.dbClusterIdentifier(CLUSTER)).dbClusters().get(0);
            return new Seeded(vpc, group, c);
        }
    }

    /** Drift by hand: SSH from anywhere added to the group in the console. */
    public static void openSsh(MotoServer moto, String group) {
        try (Ec2Client ec2 = ec2(moto)) {
            ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(22).toPort(22)
                    .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("debug").build()).build()));
        }
    }

    /** Drift by hand: backup retention lowered in the console. */
    public static void shortenRetention(MotoServer moto, int days) {
        try (RdsClient rds = rds(moto)) {
            rds.modifyDBCluster(b -> b.dbClusterIdentifier(CLUSTER).backupRetentionPeriod(days).applyImmediately(true));
        }
    }

    // ------------------------------------------------------------------ the plan managing what was seeded

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code terraform show -json} of a plan with nothing to do (every action "no-op"), in the shape of the corpus
     * plans: resource_changes whose before and after hold the refreshed state (the real ids moto returned), and the
     * configuration with the provider's region and the references between the resources.
     */
    public static String plan(Seeded s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", "1.2");
        root.put("terraform_version", "1.9.8");
        ArrayNode changes = root.putArray("resource_changes");

        ObjectNode vpc = JSON.createObjectNode();
        vpc.put("id", s.vpc());
        vpc.put("arn", s.vpcArn());
        vpc.put("cidr_block", VPC_CIDR);
        vpc.put("assign_generated_ipv6_cidr_block", false);
        vpc.put("ipv6_cidr_block", "");
        vpc.put("enable_dns_support", true);
        vpc.put("instance_tenancy", "default");
        vpc.put("owner_id", ACCOUNT);
        vpc.putObject("tags").put("Name", VPC_NAME);
        vpc.putObject("tags_all").put("Name", VPC_NAME);
        changes.add(change("aws_vpc", "main", vpc));

        ObjectNode sg = JSON.createObjectNode();
        sg.put("id", s.group());
        sg.put("arn", s.groupArn());
        sg.put("name", GROUP);
        sg.put("name_prefix", "");
        sg.put("description", "postgres from the vpc");
        sg.put("vpc_id", s.vpc());
        sg.put("owner_id", ACCOUNT);
        sg.put("revoke_rules_on_delete", false);
        sg.set("ingress", JSON.createArrayNode().add(rule("tcp", 5432, VPC_CIDR, "postgres")));
        sg.set("egress", JSON.createArrayNode().add(rule("-1", 0, "0.0.0.0/0", "")));
        sg.putObject("tags");
        sg.putObject("tags_all");
        sg.putNull("timeouts");
        changes.add(change("aws_security_group", "db", sg));

        DBCluster c = s.cluster();
        ObjectNode db = JSON.createObjectNode();
        db.put("id", CLUSTER);
        db.put("arn", c.dbClusterArn());
        db.put("cluster_identifier", CLUSTER);
        db.put("engine", c.engine());
        db.put("engine_mode", c.engineMode() == null ? "provisioned" : c.engineMode());
        db.put("engine_version", c.engineVersion());
        db.put("storage_encrypted", c.storageEncrypted());
        db.put("kms_key_id", c.kmsKeyId() == null ? "" : c.kmsKeyId());
        db.put("backup_retention_period", RETENTION);
        db.put("deletion_protection", false);
        db.put("skip_final_snapshot", true);
        db.putNull("final_snapshot_identifier");
        db.put("db_subnet_group_name", c.dbSubnetGroup() == null ? "" : c.dbSubnetGroup());
        db.put("db_cluster_parameter_group_name", c.dbClusterParameterGroup());
        ArrayNode azs = db.putArray("availability_zones");
        c.availabilityZones().forEach(azs::add);
        db.putArray("vpc_security_group_ids").add(s.group());
        db.put("iam_database_authentication_enabled", Boolean.TRUE.equals(c.iamDatabaseAuthenticationEnabled()));
        db.putNull("manage_master_user_password");
        db.put("master_username", "app");
        db.putArray("enabled_cloudwatch_logs_exports");
        db.putNull("snapshot_identifier");
        db.putNull("global_cluster_identifier");
        db.putObject("tags");
        db.putObject("tags_all");
        changes.add(change("aws_rds_cluster", "db", db));

        ObjectNode config = root.putObject("configuration");
        ObjectNode aws = config.putObject("provider_config").putObject("aws");
        aws.put("name", "aws");
        aws.put("full_name", "registry.terraform.io/hashicorp/aws");
        aws.putObject("expressions").putObject("region").put("constant_value", MotoServer.REGION);
        ArrayNode resources = config.putObject("root_module").putArray("resources");
        ObjectNode cv = configResource(resources, "aws_vpc", "main");
        cv.putObject("cidr_block").put("constant_value", VPC_CIDR);
        ObjectNode cs = configResource(resources, "aws_security_group", "db");
        cs.putObject("name").put("constant_value", GROUP);
        cs.putObject("vpc_id").putArray("references").add("aws_vpc.main.id").add("aws_vpc.main");
        ObjectNode cd = configResource(resources, "aws_rds_cluster", "db");
        cd.putObject("cluster_identifier").put("constant_value", CLUSTER);
        cd.putObject("backup_retention_period").put("constant_value", RETENTION);
        cd.putObject("storage_encrypted").put("constant_value", true);
        cd.putObject("vpc_security_group_ids").putArray("references").add("aws_security_group.db.id")
                .add("aws_security_group.db");
        return root.toPrettyString();
    }

    private static ObjectNode rule(String protocol, int port, String cidr, String description) {
        ObjectNode r = JSON.createObjectNode();
        r.putArray("cidr_blocks").add(cidr);
        r.put("description", description);
        r.put("from_port", port);
        r.put("to_port", port);
        r.put("protocol", protocol);
        r.putArray("ipv6_cidr_blocks");
        r.putArray("prefix_list_ids");
        r.putArray("security_groups");
        r.put("self", false);
        return r;
    }

    private static ObjectNode change(String type, String name, ObjectNode state) {
        ObjectNode rc = JSON.createObjectNode();
        rc.put("address", type + "." + name);
        rc.put("mode", "managed");
        rc.put("type", type);
        rc.put("name", name);
        rc.put("provider_name", "registry.terraform.io/hashicorp/aws");
        ObjectNode ch = rc.putObject("change");
        ch.putArray("actions").add("no-op");
        ch.set("before", state.deepCopy());
        ch.set("after", state);
        ch.putObject("after_unknown");
        ch.putObject("before_sensitive");
        ch.putObject("after_sensitive");
        return rc;
    }

    private static ObjectNode configResource(ArrayNode resources, String type, String name) {
        ObjectNode r = resources.addObject();
        r.put("address", type + "." + name);
        r.put("mode", "managed");
        r.put("type", type);
        r.put("name", name);
        r.put("provider_config_key", "aws");
        return r.putObject("expressions");
    }

}
