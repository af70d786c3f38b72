package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Templates.corpus;
import static io.plumbline.source.cloudformation.Templates.defaulted;
import static io.plumbline.source.cloudformation.Templates.explicit;
import static io.plumbline.source.cloudformation.Templates.get;
import static io.plumbline.source.cloudformation.Templates.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Certainty;
import io.plumbline.model.Defaults;
import io.plumbline.model.InputFile;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.WafWebAcl;
import io.plumbline.model.storage.S3Bucket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What specific corpus templates become in the model. */
class CorpusMappingTest {

    private static int lineOf(String file, String text) throws Exception {
        List<String> lines = Files.readAllLines(CorpusWalkTest.corpus().resolve(file));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    private static List<SgRule> rules(SecurityGroup g, SgRule.Direction d) {
        return g.rules.stream().filter(r -> r.direction() == d).toList();
    }

    @Test
    void widdixAuroraClusterWithItsInstancesAndPolicies() throws Exception {
        String file = "widdix__rds-aurora.yaml";
        Model m = corpus(file);
        InputFile in = m.inputs().get(0);
        assertEquals(18, in.declared());
        assertEquals(11, in.excluded(), "alarms, record sets and the secret attachment have false conditions");
        assertTrue(m.byAddress("DatabaseACPUUtilizationTooHighAlarm").isEmpty());

        DbCluster cluster = get(m, "DBCluster", DbCluster.class);
        explicit("Snapshot", cluster.deletionPolicy);
        assertEquals(lineOf(file, "DeletionPolicy: Snapshot # default"), cluster.deletionPolicy.provenance().line());
        explicit("Snapshot", cluster.updateReplacePolicy);
        explicit(false, cluster.storageEncrypted);
        defaulted(false, cluster.deletionProtection);
        explicit(30, cluster.backupRetentionPeriod);
        explicit("provisioned", cluster.engineMode);
        unknown("parameter Engine has no value", cluster.engine);
        defaulted(null, cluster.kmsKey);
        explicit(List.of(new Ref("ClusterSecurityGroup")), cluster.securityGroups);
        assertTrue(m.resolve(cluster.subnetGroup.get(), DbSubnetGroup.class).isPresent());
        unknown("Fn::ImportValue", m.resolve(cluster.subnetGroup.get(), DbSubnetGroup.class).get().subnets);

        List<DbInstance> members = m.referrers(cluster, DbInstance.class, i -> i.cluster);
        assertEquals(List.of("DBInstanceA", "DBInstanceB"), members.stream().map(DbInstance::address).toList());
        for (DbInstance i : members) {
            defaulted(false, i.publiclyAccessible);
            assertEquals(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_PRIVATE.description(), i.publiclyAccessible.note());
            defaulted(1, i.promotionTier);
            assertTrue(i.availabilityZone.isUnknown(), "RDS picks the AZ");
            explicit("db.t2.small", i.instanceClass);
        }

        SecurityGroup sg = get(m, "ClusterSecurityGroup", SecurityGroup.class);
        assertTrue(m.byAddress("ClusterSecurityGroupInSSHBastion").isEmpty(), "its condition is false");
        SgRule ingress = rules(sg, SgRule.Direction.INGRESS).get(0);
        unknown("Fn::ImportValue", ingress.peerGroup());
        unknown("parameter Engine has no value", ingress.fromPort());
    }

    @Test
    void deletionAndReplacePoliciesDefaultWhenAbsent() {
        Model m = Templates.yaml("""
                Resources:
                  Db:
                    Type: AWS::RDS::DBCluster
                    Properties: {Engine: aurora-postgresql, StorageEncrypted: 'true', DeletionProtection: 'True'}
                  Retained:
                    Type: AWS::RDS::DBCluster
                    DeletionPolicy: Delete
                    UpdateReplacePolicy: Retain
                    Properties: {Engine: aurora-postgresql, SnapshotIdentifier: snap-1}
                  Standalone:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro}
                  DefaultGroup:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: aurora-mysql, DBClusterIdentifier: !Ref Db, DBSubnetGroupName: default}
                """);
        DbCluster db = get(m, "Db", DbCluster.class);
        defaulted("Snapshot", db.deletionPolicy);
        defaulted("Delete", db.updateReplacePolicy);
        explicit(true, db.storageEncrypted);
        explicit(true, db.deletionProtection);
        DbCluster retained = get(m, "Retained", DbCluster.class);
        explicit("Delete", retained.deletionPolicy);
        explicit("Retain", retained.updateReplacePolicy);
        unknown("inherited from the snapshot", retained.storageEncrypted);
        defaulted(true, get(m, "Standalone", DbInstance.class).publiclyAccessible);
        defaulted(false, get(m, "Standalone", DbInstance.class).multiAz);
        defaulted(true, get(m, "DefaultGroup", DbInstance.class).publiclyAccessible);
    }

    @Test
    void widdixThreeAzVpcSubnetsRoutesAndNetworkAcls() {
        Model m = corpus("widdix__vpc-3azs.yaml");
        InputFile in = m.inputs().get(0);
        assertEquals(48, in.declared());
        assertEquals(30, in.folded());
        List<Subnet> subnets = m.all(Subnet.class);
        assertEquals(6, subnets.size());
        Map<String, String> azIndex = subnets.stream().collect(Collectors.toMap(Subnet::address,
                s -> s.availabilityZone.note().substring(0, "AZ index 0".length())));
        assertEquals("AZ index 0", azIndex.get("SubnetAPublic"));
        assertEquals("AZ index 0", azIndex.get("SubnetAPrivate"));
        assertEquals("AZ index 1", azIndex.get("SubnetBPublic"));
        assertEquals("AZ index 2", azIndex.get("SubnetCPrivate"));
        explicit(true, get(m, "SubnetAPublic", Subnet.class).mapPublicIpOnLaunch);
        defaulted(false, get(m, "SubnetAPrivate", Subnet.class).mapPublicIpOnLaunch);
        explicit("10.0.0.0/20", get(m, "SubnetAPublic", Subnet.class).cidrBlock);

        InternetGateway igw = get(m, "InternetGateway", InternetGateway.class);
        explicit(new Ref("VPC"), igw.vpc);
        assertEquals(List.of("VPCGatewayAttachment"), igw.folded());

        RouteTable publicA = get(m, "RouteTablePublic", RouteTable.class);
        defaulted(false, publicA.main);
        Route defaultRoute = publicA.routes.stream().filter(r -> r.destinationCidr().is("0.0.0.0/0")).findFirst()
                .orElseThrow();
        assertEquals(Route.RouteTarget.INTERNET_GATEWAY, defaultRoute.targetType());
        explicit(new Ref("InternetGateway"), defaultRoute.target());
        assertEquals(List.of(new Ref("SubnetAPublic")), publicA.subnets.stream().map(v -> v.get()).toList());
        RouteTable privateA = get(m, "RouteTablePrivate", RouteTable.class);
        assertTrue(privateA.routes.stream().noneMatch(r -> r.targetType() == Route.RouteTarget.INTERNET_GATEWAY));
        assertEquals(Route.RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY, privateA.routes.get(0).targetType());
        explicit(true, privateA.routesComplete);

        NetworkAcl nacl = get(m, "NetworkAclPublic", NetworkAcl.class);
        assertEquals(4, nacl.entries.size());
        NaclEntry in99 = nacl.entries.stream().filter(e -> !e.egress() && e.cidr().is("0.0.0.0/0")).findFirst()
                .orElseThrow();
        explicit(99, in99.ruleNumber());
        explicit("-1", in99.protocol());
        explicit("allow", in99.action());
        assertEquals(2, nacl.entries.stream().filter(NaclEntry::egress).count());
        assertEquals(List.of(new Ref("SubnetAPublic"), new Ref("SubnetBPublic"), new Ref("SubnetCPublic")),
                nacl.subnets.stream().map(v -> v.get()).toList());
        defaulted(false, nacl.isDefault);
    }

    @Test
    void widdixRedisReplicationGroup() {
        Model m = corpus("widdix__elasticache-redis.yaml");
        CacheReplicationGroup g = get(m, "ReplicationGroup", CacheReplicationGroup.class);
        assertFalse(g.serverless);
        explicit("redis", g.engine);
        explicit(true, g.atRestEncryption);
        defaulted(null, g.kmsKey);
        explicit(true, g.transitEncryption);
        assertTrue(g.transitEncryptionMode.isUnknown());
        explicit(true, g.multiAz);
        explicit(true, g.automaticFailover);
        explicit(1, g.numNodeGroups);
        explicit(1, g.replicasPerNodeGroup);
        explicit(35, g.snapshotRetentionLimit);
        explicit(List.of(new Ref("SecurityGroup")), g.securityGroups);
        assertTrue(m.resolve(g.subnetGroup.get(), CacheSubnetGroup.class).isPresent());
        SecurityGroup sg = get(m, "SecurityGroup", SecurityGroup.class);
        SgRule ingress = rules(sg, SgRule.Direction.INGRESS).get(0);
        explicit(6379, ingress.fromPort());
        assertEquals(SgRule.PeerKind.SECURITY_GROUP, ingress.peerKind());
    }

    @Test
    void atRestEncryptionDefaultDependsOnTheEngine() {
        Model m = Templates.yaml("""
                Parameters:
                  Engine: {Type: String}
                Resources:
                  Omitted: {Type: AWS::ElastiCache::ReplicationGroup, Properties: {ReplicationGroupDescription: a}}
                  Valkey: {Type: AWS::ElastiCache::ReplicationGroup, Properties: {Engine: valkey, NumCacheClusters: 3}}
                  Unknown: {Type: AWS::ElastiCache::ReplicationGroup, Properties: {Engine: !Ref Engine}}
                  Serverless: {Type: AWS::ElastiCache::ServerlessCache, Properties: {Engine: valkey, ServerlessCacheName: s}}
                """);
        CacheReplicationGroup omitted = get(m, "Omitted", CacheReplicationGroup.class);
        defaulted("redis", omitted.engine);
        defaulted(false, omitted.atRestEncryption);
        defaulted(1, omitted.numCacheClusters);
        defaulted(false, omitted.multiAz);
        defaulted(0, omitted.snapshotRetentionLimit);
        CacheReplicationGroup valkey = get(m, "Valkey", CacheReplicationGroup.class);
        defaulted(true, valkey.atRestEncryption);
        explicit(3, valkey.numCacheClusters);
        unknown("depends on the engine, which is not known", get(m, "Unknown", CacheReplicationGroup.class).atRestEncryption);
        CacheReplicationGroup serverless = get(m, "Serverless", CacheReplicationGroup.class);
        assertTrue(serverless.serverless);
        defaulted(true, serverless.atRestEncryption);
        defaulted(true, serverless.multiAz);
        assertEquals(Kind.CACHE_REPLICATION_GROUP, serverless.kind());
    }

    @Test
    void cfnNagKeyRotationFalseString() throws Exception {
        String file = "cfn-nag__kms-key-rotation-false-string.json";
        KmsKey key = get(corpus(file), "myKeyRotationExplicitlyFalseString", KmsKey.class);
        explicit(false, key.rotationEnabled);
        assertEquals(lineOf(file, "\"EnableKeyRotation\""), key.rotationEnabled.provenance().line());
        defaulted(true, key.enabled);
        defaulted("CUSTOMER", key.keyManager);
        assertTrue(key.policy.get().contains("\"kms:*\""));
    }

    @Test
    void checkovNodeGroupWithOpenRemoteAccess() {
        NodeGroup n = get(corpus("checkov__eks-nodegroup-remote-access-failed.yaml"), "Resource0", NodeGroup.class);
        explicit(new Ref("test"), n.cluster);
        explicit("SshKeyString", n.sshKey);
        defaulted(List.of(), n.sshSourceSecurityGroups);
        assertTrue(n.sshSourceSecurityGroups.note().contains("0.0.0.0/0"));
        explicit(3, n.minSize);
        explicit(5, n.desiredSize);
        explicit(7, n.maxSize);
        explicit(Map.of("Key1", "Value1", "Key2", "Value2"), n.labels);
        defaulted("ON_DEMAND", n.capacityType);
        explicit(List.of(new Ref("subnet-6782e71e"), new Ref("subnet-e7e761ac")), n.subnets);
    }

    @Test
    void ecsRefarchSecurityGroupsReferenceEachOther() {
        Model m = corpus("ecs-refarch__security-groups.yaml");
        SecurityGroup hosts = get(m, "ECSHostSecurityGroup", SecurityGroup.class);
        SgRule fromLb = rules(hosts, SgRule.Direction.INGRESS).get(0);
        assertEquals(SgRule.PeerKind.SECURITY_GROUP, fromLb.peerKind());
        assertEquals("LoadBalancerSecurityGroup",
                m.resolve(fromLb.peerGroup().get(), SecurityGroup.class).orElseThrow().address());
        explicit("-1", fromLb.protocol());
        assertTrue(fromLb.allPorts());
        List<SgRule> egress = rules(hosts, SgRule.Direction.EGRESS);
        assertEquals(2, egress.size(), "CloudFormation's implied allow-all egress, IPv4 and IPv6");
        assertEquals(Set.of("0.0.0.0/0", "::/0"), egress.stream().map(r -> r.peerCidr().get()).collect(Collectors.toSet()));
        for (SgRule r : egress) {
            assertEquals(Certainty.DEFAULTED, r.peerCidr().certainty());
            defaulted("-1", r.protocol());
            assertEquals("ECSHostSecurityGroup", r.origin());
        }
        unknown("parameter VPC has no value", hosts.vpc);
        SgRule world = rules(get(m, "LoadBalancerSecurityGroup", SecurityGroup.class), SgRule.Direction.INGRESS).get(0);
        explicit("0.0.0.0/0", world.peerCidr());
        assertEquals(SgRule.PeerKind.CIDR_IPV4, world.peerKind());
    }

    @Test
    void cdkSecurityGroupsHaveExplicitOrNoImpliedEgress() {
        Model m = corpus("solutions-constructs__cdk-alb-fargate-public-http.json");
        SecurityGroup alb = get(m, "testconstructlbalbSecurityGroup5F187AF4", SecurityGroup.class);
        List<SgRule> egress = rules(alb, SgRule.Direction.EGRESS);
        assertEquals(1, egress.size(), "a standalone egress rule replaces the implied one: " + egress);
        assertEquals(SgRule.PeerKind.SECURITY_GROUP, egress.get(0).peerKind());
        explicit(new Ref("testconstructsgA602AA29"), egress.get(0).peerGroup());
        explicit(8080, egress.get(0).fromPort());
        assertTrue(alb.folded().contains(egress.get(0).origin()));
        explicit(true, alb.rulesComplete);

        SecurityGroup target = get(m, "testconstructsgA602AA29", SecurityGroup.class);
        List<SgRule> targetEgress = rules(target, SgRule.Direction.EGRESS);
        assertEquals(1, targetEgress.size());
        explicit("0.0.0.0/0", targetEgress.get(0).peerCidr());
        explicit("-1", targetEgress.get(0).protocol());
        SgRule fromAlb = rules(target, SgRule.Direction.INGRESS).get(0);
        explicit(new Ref("testconstructlbalbSecurityGroup5F187AF4"), fromAlb.peerGroup());

        SecurityGroup ecr = get(m, "albfarallnewpublichttpECRAPIsecuritygroupC34307CE", SecurityGroup.class);
        explicit("10.0.0.0/16", rules(ecr, SgRule.Direction.INGRESS).get(0).peerCidr());

        LoadBalancer lb = get(m, "testconstructlbalb33E0EB59", LoadBalancer.class);
        assertEquals(1, lb.listeners.size());
        explicit(80, lb.listeners.get(0).port());
        explicit("forward", lb.listeners.get(0).defaultActionType());
        explicit(true, lb.accessLogsEnabled);
        explicit(false, lb.internal);
        S3Bucket logs = get(m, "testconstructlb40BC0490", S3Bucket.class);
        assertTrue(logs.policy.get().contains("\"aws:SecureTransport\":\"false\""), logs.policy.get());

        Model memcached = corpus("solutions-constructs__cdk-lambda-elasticache-memcached.json");
        SecurityGroup cache = get(memcached, "lammemnewResourceslammemnewResourcescachesg08EE8773", SecurityGroup.class);
        assertEquals(SgRule.PeerKind.SELF, rules(cache, SgRule.Direction.INGRESS).get(0).peerKind());
        explicit("tcp", rules(cache, SgRule.Direction.INGRESS).get(0).protocol());

        Model route53 = corpus("solutions-constructs__cdk-route53-alb-public.json");
        SecurityGroup closed = get(route53, "newalbstacknewalbstackalbSecurityGroup7BBB827C", SecurityGroup.class);
        List<SgRule> closedEgress = rules(closed, SgRule.Direction.EGRESS);
        assertEquals(1, closedEgress.size());
        explicit("255.255.255.255/32", closedEgress.get(0).peerCidr());
        explicit("icmp", closedEgress.get(0).protocol());

        Model waf = corpus("solutions-constructs__cdk-wafv2-alb.json");
        WafWebAcl acl = waf.all(WafWebAcl.class).get(0);
        explicit("REGIONAL", acl.scope);
        assertTrue(acl.managedRuleGroups.get().containsAll(
                List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet")));
        Subnet publicSubnet = get(waf, "VpcPublicSubnet2Subnet691E08A3", Subnet.class);
        unknown("AZ index 1 of the region's AZs", publicSubnet.availabilityZone);
        RouteTable privateRt = get(waf, "VpcPrivateSubnet1RouteTableB2C5B500", RouteTable.class);
        assertEquals(Route.RouteTarget.NAT_GATEWAY, privateRt.routes.get(0).targetType());
    }
}
