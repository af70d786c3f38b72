package io.plumbline.live;

import io.plumbline.live.collect.CollectContext;
import io.plumbline.live.collect.Collector;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Gap;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Seeds moto for the network and compute collectors (writing clients, no read-only interceptor), and runs collectors
 * directly into a model the way {@link LiveAudit} assembles one.
 */
public final class SeedCompute {

    public static final String ACCOUNT = "123456789012";
    public static final String TIER = "plumbline:tier";

    private SeedCompute() {
    }

    /** The three-tier network: ids of what was created. */
    public record Net(String vpc, String igw, String nat, String publicA, String publicB, String appA, String dataA,
                      String dataB, String publicTable, String natTable, String dataTable, String dataAcl,
                      String openSubnet, String closedSubnet, String closedAcl) {
    }

    public static Ec2Client ec2(MotoServer moto) {
        return Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    public static ElasticLoadBalancingV2Client elb(MotoServer moto) {
        return ElasticLoadBalancingV2Client.builder().endpointOverride(moto.endpoint())
                .region(Region.of(MotoServer.REGION)).credentialsProvider(MotoServer.CREDENTIALS)
                .overrideConfiguration(MotoServer.seedingOverrides()).build();
    }

    public static AutoScalingClient autoscaling(MotoServer moto) {
        return AutoScalingClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    public static EksClient eks(MotoServer moto) {
        return EksClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    public static TagSpecification tags(ResourceType type, String name, String tier) {
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.builder().key("Name").value(name).build());
        if (tier != null) tags.add(Tag.builder().key(TIER).value(tier).build());
        return TagSpecification.builder().resourceType(type).tags(tags).build();
    }

    private static String subnet(Ec2Client ec2, String vpc, String cidr, String az, String name, String tier) {
        return ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(cidr).availabilityZone(MotoServer.REGION + az)
                .tagSpecifications(tags(ResourceType.SUBNET, name, tier))).subnet().subnetId();
    }

    /** Replaces the (default) ACL association of {@code subnet} with {@code acl}. */
    public static void associateAcl(Ec2Client ec2, String vpc, String subnet, String acl) {
        var current = ec2.describeNetworkAcls(b -> b.filters(f -> f.name("association.subnet-id").values(subnet)))
                .networkAcls();
        for (var n : current) {
            for (var a : n.associations()) {
                if (subnet.equals(a.subnetId())) {
                    ec2.replaceNetworkAclAssociation(b -> b.associationId(a.networkAclAssociationId()).networkAclId(acl));
                    return;
                }
            }
        }
        throw new IllegalStateException("no ACL association for " + subnet + " in " + vpc);
    }

    /**
     * VPC 10.30.0.0/16 with an attached internet gateway; public subnets (a, b) routed to it; a NAT gateway in public-a;
     * app-a routed to the NAT; data-a on a local-only table with a custom ACL (5432 from app-a, nothing else);
     * data-b wrongly routed to the NAT; two more public subnets for instances: "open" (default ACL, allows all) and
     * "closed" (a new custom ACL: only the final deny entries).
     */
    public static Net network(MotoServer moto) {
        try (Ec2Client ec2 = ec2(moto)) {
            String vpc = ec2.createVpc(b -> b.cidrBlock("10.30.0.0/16")
                    .tagSpecifications(tags(ResourceType.VPC, "three-tier", null))).vpc().vpcId();
            String pubA = subnet(ec2, vpc, "10.30.0.0/24", "a", "public-a", "public");
            String pubB = subnet(ec2, vpc, "10.30.1.0/24", "b", "public-b", "public");
            String appA = subnet(ec2, vpc, "10.30.10.0/24", "a", "app-a", "app");
            String dataA = subnet(ec2, vpc, "10.30.20.0/24", "a", "data-a", "data");
            String dataB = subnet(ec2, vpc, "10.30.21.0/24", "b", "data-b", "data");
            String open = subnet(ec2, vpc, "10.30.30.0/24", "a", "open", null);
            String closed = subnet(ec2, vpc, "10.30.31.0/24", "a", "closed", null);

            String igw = ec2.createInternetGateway(b -> b.tagSpecifications(
                    tags(ResourceType.INTERNET_GATEWAY, "igw", null))).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(b -> b.internetGatewayId(igw).vpcId(vpc));

            String pubTable = ec2.createRouteTable(b -> b.vpcId(vpc)
                    .tagSpecifications(tags(ResourceType.ROUTE_TABLE, "public", null))).routeTable().routeTableId();
            ec2.createRoute(b -> b.routeTableId(pubTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            for (String s : List.of(pubA, pubB, open, closed)) {
                ec2.associateRouteTable(b -> b.routeTableId(pubTable).subnetId(s));
            }

            String eip = ec2.allocateAddress(b -> b.domain("vpc")).allocationId();
            String nat = ec2.createNatGateway(b -> b.subnetId(pubA).allocationId(eip)
                    .tagSpecifications(tags(ResourceType.NATGATEWAY, "nat-a", null))).natGateway().natGatewayId();
            String natTable = ec2.createRouteTable(b -> b.vpcId(vpc)
                    .tagSpecifications(tags(ResourceType.ROUTE_TABLE, "private-nat", null))).routeTable().routeTableId();
            ec2.createRoute(b -> b.routeTableId(natTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
            ec2.associateRouteTable(b -> b.routeTableId(natTable).subnetId(appA));
            ec2.associateRouteTable(b -> b.routeTableId(natTable).subnetId(dataB));

            String dataTable = ec2.createRouteTable(b -> b.vpcId(vpc)
                    .tagSpecifications(tags(ResourceType.ROUTE_TABLE, "data", null))).routeTable().routeTableId();
            ec2.associateRouteTable(b -> b.routeTableId(dataTable).subnetId(dataA));

            String acl = ec2.createNetworkAcl(b -> b.vpcId(vpc)
                    .tagSpecifications(tags(ResourceType.NETWORK_ACL, "data-acl", null))).networkAcl().networkAclId();
            ec2.createNetworkAclEntry(b -> b.networkAclId(acl).ruleNumber(100).egress(false).protocol("6")
                    .ruleAction(RuleAction.ALLOW).cidrBlock("10.30.10.0/24").portRange(r -> r.from(5432).to(5432)));
            ec2.createNetworkAclEntry(b -> b.networkAclId(acl).ruleNumber(200).egress(false).protocol("-1")
                    .ruleAction(RuleAction.DENY).cidrBlock("0.0.0.0/0"));
            ec2.createNetworkAclEntry(b -> b.networkAclId(acl).ruleNumber(100).egress(true).protocol("6")
                    .ruleAction(RuleAction.ALLOW).cidrBlock("10.30.10.0/24").portRange(r -> r.from(1024).to(65535)));
            associateAcl(ec2, vpc, dataA, acl);

            String closedAcl = ec2.createNetworkAcl(b -> b.vpcId(vpc)
                    .tagSpecifications(tags(ResourceType.NETWORK_ACL, "deny-all", null))).networkAcl().networkAclId();
            associateAcl(ec2, vpc, closed, closedAcl);
            return new Net(vpc, igw, nat, pubA, pubB, appA, dataA, dataB, pubTable, natTable, dataTable, acl, open,
                    closed, closedAcl);
        }
    }

    /** A security group in {@code vpc} that opens tcp {@code port} to 0.0.0.0/0. */
    public static String openGroup(MotoServer moto, String vpc, String name, int port) {
        try (Ec2Client ec2 = ec2(moto)) {
            String g = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName(name).description(name)).groupId();
            ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                    .fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
            return g;
        }
    }

    /** Runs the collectors for the default account in {@link MotoServer#REGION}, assembled as LiveAudit does. */
    public static Model collect(MotoServer moto, Collector... collectors) {
        return collect(moto.endpoint(), collectors);
    }

    public static Model collect(URI endpoint, Collector... collectors) {
        AuditOptions o = new AuditOptions(endpoint, List.of(MotoServer.REGION), MotoServer.CREDENTIALS,
                Duration.ofSeconds(30), RetryMode.ADAPTIVE_V2);
        Clients clients = new Clients(o);
        List<Resource> resources = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (Collector c : collectors) {
            CollectContext ctx = new CollectContext(ACCOUNT, MotoServer.REGION);
            c.collect(clients, ctx);
            resources.addAll(ctx.resources());
            diagnostics.addAll(ctx.diagnostics());
            for (var n : ctx.notCollected()) {
                if (n.kind() != null) gaps.add(new Gap(n.account(), n.region(), n.kind(), n.operation(), n.reason()));
            }
        }
        resources.sort(Comparator.comparing(Resource::address));
        return new Model(resources, List.of(), diagnostics, gaps);
    }

    /** A loopback proxy to moto that answers AccessDenied for the given services or query-protocol actions. */
    public static final class Denying implements AutoCloseable {
        private final DenyingProxy proxy;

        public Denying(MotoServer moto, Set<String> denied) throws java.io.IOException {
            this.proxy = new DenyingProxy(moto.endpoint(), denied);
        }

        public URI endpoint() {
            return proxy.endpoint();
        }

        @Override
        public void close() {
            proxy.close();
        }
    }
}
