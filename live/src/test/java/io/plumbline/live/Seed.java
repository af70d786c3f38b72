package io.plumbline.live;

import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.rds.RdsClient;

/** Seeds moto through the SDK (writing clients, without the read-only interceptor). */
public final class Seed {

    public static final String CLUSTER = "orders-db";

    public record Ids(String vpc, List<String> subnets, String sshGroup, String appGroup) {
    }

    public static Ec2Client ec2(MotoServer moto) {
        return Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    public static RdsClient rds(MotoServer moto) {
        return RdsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    private static TagSpecification name(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key("Name").value(name).build())
                .build();
    }

    /** A VPC with 3 subnets in 3 AZs, a group opening 22 to 0.0.0.0/0, a group allowing 5432 from that group. */
    public static Ids network(MotoServer moto) {
        try (Ec2Client ec2 = ec2(moto)) {
            String vpc = ec2.createVpc(b -> b.cidrBlock("10.20.0.0/16")
                    .tagSpecifications(name(ResourceType.VPC, "audit-vpc"))).vpc().vpcId();
            List<String> azs = List.of("a", "b", "c");
            List<String> subnets = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                subnets.add(ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.20." + n + ".0/24")
                        .availabilityZone(MotoServer.REGION + azs.get(n))
                        .tagSpecifications(name(ResourceType.SUBNET, "private-" + azs.get(n)))).subnet().subnetId());
            }
            String ssh = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("bastion-ssh")
                    .description("ssh from anywhere")).groupId();
            ec2.authorizeSecurityGroupIngress(b -> b.groupId(ssh).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(22).toPort(22)
                    .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("anywhere").build()).build()));
            String app = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("db")
                    .description("postgres from bastion")).groupId();
            ec2.authorizeSecurityGroupIngress(b -> b.groupId(app).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(5432).toPort(5432)
                    .userIdGroupPairs(g -> g.groupId(ssh)).build()));
            return new Ids(vpc, subnets, ssh, app);
        }
    }

    /** Aurora PostgreSQL, storage not encrypted, 1 day of backups, 2 instances. */
    public static void aurora(MotoServer moto) {
        try (RdsClient rds = rds(moto)) {
            rds.createDBCluster(b -> b.dbClusterIdentifier(CLUSTER).engine("aurora-postgresql")
                    .engineVersion("15.4").masterUsername("app").masterUserPassword("not-a-secret-123")
                    .storageEncrypted(false).backupRetentionPeriod(1));
            for (int i = 1; i <= 2; i++) {
                int n = i;
                rds.createDBInstance(b -> b.dbInstanceIdentifier(CLUSTER + "-" + n).dbClusterIdentifier(CLUSTER)
                        .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
            }
        }
    }
}
