package io.plumbline.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CapacityTypes;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionStatusCodeEnum;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * Seeds into moto, through writing SDK clients, the scenario that {@code parity/scenario.cfn.yaml} describes as a
 * CloudFormation template: the same resources under the same physical names (Name tags, GroupName, DBClusterIdentifier,
 * DBInstanceIdentifier, ReplicationGroupId, subnet group names, BucketName, load balancer Name, KMS alias). Keep the two
 * in step: {@link ParityTest} pairs resources by those names.
 *
 * <p>A slice of the reference architecture with deliberate violations: one VPC with public, app and data subnets in
 * eu-west-1a/b/c (the public ones routed to an internet gateway, and — a violation — data subnet c too); an
 * internet-facing ALB (HTTPS 443, HTTP 80) in front of an app instance, and a second app instance open to all
 * traffic from the whole VPC; a compliant Aurora PostgreSQL cluster (CMK,
 * 7 days, deletion protection, two instances in distinct AZs) and a non-compliant one (unencrypted, 1 day, no deletion
 * protection, one publicly accessible instance, a security group with SSH and PostgreSQL open too wide); a compliant
 * and a non-compliant Redis replication group; a rotating and a non-rotating KMS key; four buckets tagged with the
 * profile's bucket roles.
 */
final class SeedParity {

    static final String REGION = MotoServer.REGION;
    static final String VPC_CIDR = "10.40.0.0/16";
    static final String[] ZONES = {"a", "b", "c"};
    static final String[] TIERS = {"public", "app", "data"};
    static final String TIER_TAG = "plumbline:tier";
    static final String ROLE_TAG = "plumbline:role";
    static final String HTTPS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /** What moto returned, by the names the template uses. */
    record Seeded(String vpc, Map<String, String> subnets, Map<String, String> groups, String dataKeyArn,
                  String certificateArn) {
    }

    private SeedParity() {
    }

    private static TagSpecification tags(ResourceType type, String name, String tier) {
        List<Tag> t = new ArrayList<>();
        t.add(Tag.builder().key("Name").value(name).build());
        if (tier != null) t.add(Tag.builder().key(TIER_TAG).value(tier).build());
        return TagSpecification.builder().resourceType(type).tags(t).build();
    }

    /** Third octet of a subnet's /24: public 0-2, app 10-12, data 20-22. */
    static String cidr(int tier, int zone) {
        return "10.40." + (tier * 10 + zone) + ".0/24";
    }

    static final String EKS_ROLE = "arn:aws:iam::123456789012:role/parity-eks";

    static Seeded seed(MotoServer moto) {
        Map<String, String> subnets = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        String vpc;
        try (Ec2Client ec2 = SeedData.ec2(moto)) {
            vpc = ec2.createVpc(b -> b.cidrBlock(VPC_CIDR).tagSpecifications(tags(ResourceType.VPC, "parity-vpc", null)))
                    .vpc().vpcId();
            for (int t = 0; t < TIERS.length; t++) {
                for (int z = 0; z < ZONES.length; z++) {
                    String name = "parity-" + TIERS[t] + "-" + ZONES[z];
                    String block = cidr(t, z);
                    String tier = TIERS[t];
                    String az = REGION + ZONES[z];
                    subnets.put(name, ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(block).availabilityZone(az)
                            .tagSpecifications(tags(ResourceType.SUBNET, name, tier))).subnet().subnetId());
                }
            }
            String igw = ec2.createInternetGateway(b -> b.tagSpecifications(
                    tags(ResourceType.INTERNET_GATEWAY, "parity-igw", null))).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(b -> b.internetGatewayId(igw).vpcId(vpc));
            String rt = ec2.createRouteTable(b -> b.vpcId(vpc).tagSpecifications(
                    tags(ResourceType.ROUTE_TABLE, "parity-public-rt", null))).routeTable().routeTableId();
            ec2.createRoute(b -> b.routeTableId(rt).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            for (String s : List.of("parity-public-a", "parity-public-b", "parity-public-c",
                    "parity-data-c" /* violation: a data subnet routed to the internet gateway */)) {
                ec2.associateRouteTable(b -> b.routeTableId(rt).subnetId(subnets.get(s)));
            }

            // violation: app subnets a and b share the NAT gateway of eu-west-1a
            String eip = ec2.allocateAddress(b -> b.domain("vpc")).allocationId();
            String nat = ec2.createNatGateway(b -> b.subnetId(subnets.get("parity-public-a")).allocationId(eip)
                    .tagSpecifications(tags(ResourceType.NATGATEWAY, "parity-nat-a", null))).natGateway()
                    .natGatewayId();
            String appRt = ec2.createRouteTable(b -> b.vpcId(vpc).tagSpecifications(
                    tags(ResourceType.ROUTE_TABLE, "parity-app-rt", null))).routeTable().routeTableId();
            ec2.createRoute(b -> b.routeTableId(appRt).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
            for (String s : List.of("parity-app-a", "parity-app-b")) {
                ec2.associateRouteTable(b -> b.routeTableId(appRt).subnetId(subnets.get(s)));
            }

            String alb = group(ec2, vpc, "parity-alb", "public", "HTTPS and HTTP from the internet");
            String app = group(ec2, vpc, "parity-app", "app", "app nodes");
            String db = group(ec2, vpc, "parity-db", "data", "Aurora from the app tier");
            String redis = group(ec2, vpc, "parity-redis", "data", "Redis from the app tier");
            String legacy = group(ec2, vpc, "parity-legacy-db", null, "legacy database, opened by hand");
            String wide = group(ec2, vpc, "parity-app-wide", null, "debug access to the app tier");
            cidrIngress(ec2, alb, 443, "0.0.0.0/0");
            cidrIngress(ec2, alb, 80, "0.0.0.0/0");
            groupIngress(ec2, app, 8080, alb);
            groupIngress(ec2, db, 5432, app);
            groupIngress(ec2, redis, 6379, app);
            cidrIngress(ec2, legacy, 22, "0.0.0.0/0");   // violation: SSH from anywhere
            cidrIngress(ec2, legacy, 5432, VPC_CIDR);    // violation: the public subnets reach the database
            // violation: all traffic from the whole VPC into an app node (udp from the public tier, the data tier...)
            ec2.authorizeSecurityGroupIngress(b -> b.groupId(wide).ipPermissions(IpPermission.builder()
                    .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp(VPC_CIDR).build()).build()));
            groups.putAll(Map.of("parity-alb", alb, "parity-app", app, "parity-db", db, "parity-redis", redis,
                    "parity-legacy-db", legacy, "parity-app-wide", wide));

            String ami = ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            ec2.runInstances(b -> b.imageId(ami).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)
                    .subnetId(subnets.get("parity-app-a")).securityGroupIds(app)
                    .tagSpecifications(tags(ResourceType.INSTANCE, "parity-app-1", null)));
            ec2.runInstances(b -> b.imageId(ami).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)
                    .subnetId(subnets.get("parity-app-b")).securityGroupIds(wide)
                    .tagSpecifications(tags(ResourceType.INSTANCE, "parity-app-2", null)));
        }

        String dataKey;
        try (KmsClient kms = SeedData.kms(moto)) {
            dataKey = key(kms, "parity-data", true);
            String open = key(kms, "parity-norotate", false); // violation: no automatic rotation
            kms.putKeyPolicy(b -> b.keyId(open).policyName("default").policy(OPEN_KEY_POLICY)); // violation: ENC-012
        }

        try (RdsClient rds = SeedData.rds(moto)) {
            rds.createDBSubnetGroup(b -> b.dbSubnetGroupName("parity-db").dbSubnetGroupDescription("data subnets")
                    .subnetIds(subnets.get("parity-data-a"), subnets.get("parity-data-b"), subnets.get("parity-data-c")));
            rds.createDBCluster(b -> b.dbClusterIdentifier("parity-aurora").engine("aurora-postgresql")
                    .engineVersion("15.4").masterUsername("app").masterUserPassword("not-a-secret-123")
                    .storageEncrypted(true).kmsKeyId(dataKey).backupRetentionPeriod(7).deletionProtection(true)
                    .dbSubnetGroupName("parity-db").vpcSecurityGroupIds(groups.get("parity-db")));
            instance(rds, "parity-aurora-1", "parity-aurora", "a", false);
            instance(rds, "parity-aurora-2", "parity-aurora", "b", false);
            // violations: unencrypted, 1 day of backups, no deletion protection, one public instance, wide group
            rds.createDBCluster(b -> b.dbClusterIdentifier("parity-legacy").engine("aurora-postgresql")
                    .engineVersion("15.4").masterUsername("app").masterUserPassword("not-a-secret-123")
                    .storageEncrypted(false).backupRetentionPeriod(1).deletionProtection(false)
                    .dbSubnetGroupName("parity-db").vpcSecurityGroupIds(groups.get("parity-legacy-db")));
            instance(rds, "parity-legacy-1", "parity-legacy", "c", true);
        }

        try (ElastiCacheClient ec = SeedData.elastiCache(moto)) {
            ec.createCacheSubnetGroup(b -> b.cacheSubnetGroupName("parity-cache").cacheSubnetGroupDescription("data")
                    .subnetIds(subnets.get("parity-data-a"), subnets.get("parity-data-b"), subnets.get("parity-data-c")));
            ec.createReplicationGroup(b -> b.replicationGroupId("parity-sessions").replicationGroupDescription("sessions")
                    .engine("redis").cacheNodeType("cache.t3.micro").numNodeGroups(1).replicasPerNodeGroup(1)
                    .automaticFailoverEnabled(true).multiAZEnabled(true).cacheSubnetGroupName("parity-cache")
                    .securityGroupIds(groups.get("parity-redis")).atRestEncryptionEnabled(true).kmsKeyId(dataKey)
                    .transitEncryptionEnabled(true).transitEncryptionMode("required").port(6379));
            // violations: no at-rest or transit encryption, single AZ, no failover, no replica
            ec.createReplicationGroup(b -> b.replicationGroupId("parity-cache-legacy")
                    .replicationGroupDescription("legacy cache").engine("redis").cacheNodeType("cache.t3.micro")
                    .numNodeGroups(1).replicasPerNodeGroup(0).automaticFailoverEnabled(false).multiAZEnabled(false)
                    .cacheSubnetGroupName("parity-cache").securityGroupIds(groups.get("parity-redis"))
                    .atRestEncryptionEnabled(false).transitEncryptionEnabled(false).port(6379));
            // moto lists a replication group's member ids but DescribeCacheClusters returns none of them, so the
            // subnet group and security groups AWS reports on the members are missing. Real cache clusters are created
            // under the member ids, in the group's subnet group and security group: they stand in for the members
            // (seeded through moto over HTTP, not a hand-written response; see SeedData.memberStandIns).
            memberStandIns(ec, "parity-sessions", 2, groups.get("parity-redis"));
            memberStandIns(ec, "parity-cache-legacy", 1, groups.get("parity-redis"));
        }

        try (EksClient eks = SeedCompute.eks(moto)) {
            // violations: the control plane in two AZs; the critical node group spans three AZs with a minimum of two
            eks.createCluster(b -> b.name("parity-eks").roleArn(EKS_ROLE).version("1.31")
                    .resourcesVpcConfig(v -> v.subnetIds(subnets.get("parity-app-a"), subnets.get("parity-app-b"))
                            .securityGroupIds(groups.get("parity-app")).endpointPublicAccess(false)
                            .endpointPrivateAccess(true)));
            eks.createNodegroup(b -> b.clusterName("parity-eks").nodegroupName("parity-nodes").nodeRole(EKS_ROLE)
                    .subnets(subnets.get("parity-app-a"), subnets.get("parity-app-b"), subnets.get("parity-app-c"))
                    .capacityType(CapacityTypes.ON_DEMAND).scalingConfig(c -> c.minSize(2).desiredSize(3).maxSize(6))
                    .labels(Map.of("plumbline.io/criticality", "critical")).instanceTypes("m6i.large")
                    // explicit: without it moto invents a key pair with SSH open to the world
                    .remoteAccess(r -> r.ec2SshKey("parity-ops").sourceSecurityGroups(groups.get("parity-app"))));
        }

        String cert = certificate(moto, "parity-alb");
        try (ElasticLoadBalancingV2Client elb = SeedCompute.elb(moto)) {
            String arn = elb.createLoadBalancer(b -> b.name("parity-alb")
                    .subnets(subnets.get("parity-public-a"), subnets.get("parity-public-b"), subnets.get("parity-public-c"))
                    .securityGroups(groups.get("parity-alb")).scheme(LoadBalancerSchemeEnum.INTERNET_FACING)
                    .type(LoadBalancerTypeEnum.APPLICATION)).loadBalancers().get(0).loadBalancerArn();
            elb.createListener(b -> b.loadBalancerArn(arn).protocol(ProtocolEnum.HTTPS).port(443).sslPolicy(HTTPS_POLICY)
                    .certificates(c -> c.certificateArn(cert))
                    .defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f
                            .statusCode("200").contentType("text/plain").messageBody("ok"))));
            elb.createListener(b -> b.loadBalancerArn(arn).protocol(ProtocolEnum.HTTP).port(80)
                    .defaultActions(a -> a.type(ActionTypeEnum.REDIRECT).redirectConfig(r -> r.protocol("HTTPS")
                            .port("443").statusCode(RedirectActionStatusCodeEnum.HTTP_301))));
        }

        try (S3Client s3 = SeedData.s3(moto, REGION)) {
            bucket(s3, "parity-tfstate", "tfstate", "Enabled");
            bucket(s3, "parity-logs", "logs", null);            // violation: never versioned
            bucket(s3, "parity-backups", "backups", "Suspended"); // violation: versioning suspended
            bucket(s3, "parity-artifacts", "artifacts", null);  // not a protected role
            for (String b : List.of("parity-tfstate", "parity-backups", "parity-artifacts")) blockPublicAccess(s3, b, true);
            blockPublicAccess(s3, "parity-logs", false);        // violation: public policies not blocked
            encrypt(s3, "parity-tfstate", dataKey);
            encrypt(s3, "parity-backups", dataKey);
            encrypt(s3, "parity-logs", null);                   // violation: SSE-S3
            s3.putBucketPolicy(b -> b.bucket("parity-tfstate").policy(tlsPolicy("parity-tfstate",
                    "\"Bool\":{\"aws:SecureTransport\":\"false\"}")));
            s3.putBucketPolicy(b -> b.bucket("parity-backups").policy(tlsPolicy("parity-backups", // violation
                    "\"Bool\":{\"aws:SecureTransport\":\"false\"}").replace("\"arn:aws:s3:::parity-backups\",", "")));
            // REP-001: to a bucket outside the account's audited region, placed by the profile (*-usw2).
            s3.putBucketReplication(b -> b.bucket("parity-tfstate").replicationConfiguration(c -> c
                    .role("arn:aws:iam::123456789012:role/parity-replication").rules(r -> r.id("to-us-west-2")
                            .status("Enabled").priority(1).filter(f -> f.prefix(""))
                            .deleteMarkerReplication(d -> d.status("Enabled"))
                            .destination(d -> d.bucket("arn:aws:s3:::parity-tfstate-usw2")))));
        }
        try (var sm = SeedData.secrets(moto)) {
            sm.createSecret(b -> b.name("parity/app-db").secretString("not-read")
                    .addReplicaRegions(r -> r.region("us-west-2")));
            sm.createSecret(b -> b.name("parity/legacy-db").secretString("not-read")); // violation: no replica
        }
        try (var ecr = SeedData.ecr(moto)) {
            ecr.createRepository(b -> b.repositoryName("parity/app"));   // violation: no filter selects it
            ecr.createRepository(b -> b.repositoryName("team-api"));
            ecr.putReplicationConfiguration(b -> b.replicationConfiguration(c -> c.rules(r -> r
                    .destinations(d -> d.region("us-west-2").registryId(SeedData.ACCOUNT))
                    .repositoryFilters(f -> f.filter("team-").filterType("PREFIX_MATCH")))));
        }
        return new Seeded(vpc, subnets, groups, dataKey, cert);
    }

    private static String group(Ec2Client ec2, String vpc, String name, String tier, String description) {
        return ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName(name).description(description)
                .tagSpecifications(tags(ResourceType.SECURITY_GROUP, name, tier))).groupId();
    }

    private static void cidrIngress(Ec2Client ec2, String group, int port, String cidr) {
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp(cidr).build()).build()));
    }

    private static void groupIngress(Ec2Client ec2, String group, int port, String source) {
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(port).toPort(port).userIdGroupPairs(UserIdGroupPair.builder().groupId(source).build())
                .build()));
    }

    private static String key(KmsClient kms, String alias, boolean rotate) {
        // KeyUsage and MultiRegion given explicitly: moto omits them from DescribeKey when CreateKey had none
        var meta = kms.createKey(b -> b.description(alias).keyUsage("ENCRYPT_DECRYPT").multiRegion(false))
                .keyMetadata();
        if (rotate) kms.enableKeyRotation(b -> b.keyId(meta.keyId()));
        kms.createAlias(b -> b.aliasName("alias/" + alias).targetKeyId(meta.keyId()));
        return meta.arn();
    }

    private static void instance(RdsClient rds, String id, String cluster, String zone, boolean publiclyAccessible) {
        rds.createDBInstance(b -> b.dbInstanceIdentifier(id).dbClusterIdentifier(cluster).engine("aurora-postgresql")
                .dbInstanceClass("db.r6g.large").availabilityZone(REGION + zone)
                .publiclyAccessible(publiclyAccessible));
    }

    private static void memberStandIns(ElastiCacheClient ec, String group, int members, String securityGroup) {
        for (int i = 1; i <= members; i++) {
            String member = String.format("%s-%03d", group, i);
            String zone = REGION + ZONES[i - 1];
            ec.createCacheCluster(b -> b.cacheClusterId(member).replicationGroupId(group).engine("redis")
                    .cacheNodeType("cache.t3.micro").numCacheNodes(1).cacheSubnetGroupName("parity-cache")
                    .securityGroupIds(securityGroup).preferredAvailabilityZone(zone));
        }
    }

    /** moto checks that a listener's certificate exists; an IAM server certificate needs no ACM client. */
    private static String certificate(MotoServer moto, String name) {
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build()) {
            return iam.uploadServerCertificate(b -> b.serverCertificateName(name).certificateBody("test-body")
                    .privateKey("test-key")).serverCertificateMetadata().arn();
        }
    }

    static final String OPEN_KEY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":"
            + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\","
            + "\"Resource\":\"*\"}]}";

    private static String tlsPolicy(String bucket, String condition) {
        String arn = "arn:aws:s3:::" + bucket;
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":[\"" + arn + "\",\"" + arn + "/*\"],\"Condition\":{" + condition + "}}]}";
    }

    private static void blockPublicAccess(S3Client s3, String name, boolean policy) {
        s3.putPublicAccessBlock(b -> b.bucket(name).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .blockPublicPolicy(policy).ignorePublicAcls(true).restrictPublicBuckets(true)));
    }

    private static void encrypt(S3Client s3, String name, String kmsKeyArn) {
        s3.putBucketEncryption(b -> b.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> {
                    if (kmsKeyArn == null) d.sseAlgorithm("AES256");
                    else d.sseAlgorithm("aws:kms").kmsMasterKeyID(kmsKeyArn);
                }))));
    }

    private static void bucket(S3Client s3, String name, String role, String versioning) {
        s3.createBucket(b -> b.bucket(name).createBucketConfiguration(c -> c
                .locationConstraint(BucketLocationConstraint.fromValue(REGION))));
        s3.putBucketTagging(b -> b.bucket(name).tagging(t -> t.tagSet(x -> x.key(ROLE_TAG).value(role))));
        if (versioning != null) {
            s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(versioning)));
        }
    }
}
