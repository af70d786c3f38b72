package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.ref;
import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.Defaults;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Protocols;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.SgRule.PeerKind;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * EC2 network collectors: VPCs, subnets, security groups with their rules, route tables (routes and subnet
 * associations), network ACLs (entries and subnet associations), NAT gateways and internet gateways (with the VPC they
 * are attached to).
 */
public final class Ec2Collector implements Collector {

    public static final String DESCRIBE_VPCS = "ec2:DescribeVpcs";
    public static final String DESCRIBE_SUBNETS = "ec2:DescribeSubnets";
    public static final String DESCRIBE_SECURITY_GROUPS = "ec2:DescribeSecurityGroups";
    public static final String DESCRIBE_ROUTE_TABLES = "ec2:DescribeRouteTables";
    public static final String DESCRIBE_NETWORK_ACLS = "ec2:DescribeNetworkAcls";
    public static final String DESCRIBE_NAT_GATEWAYS = "ec2:DescribeNatGateways";
    public static final String DESCRIBE_INTERNET_GATEWAYS = "ec2:DescribeInternetGateways";

    private Ec2Client ec2;
    private CollectContext ctx;

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY,
                Kind.NAT_GATEWAY, Kind.NETWORK_ACL, Kind.SECURITY_GROUP);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (Ec2Client client = clients.ec2(ctx.region())) {
            this.ec2 = client;
            ctx.collect(Kind.VPC, "VPCs", DESCRIBE_VPCS, this::vpcs);
            ctx.collect(Kind.SUBNET, "subnets", DESCRIBE_SUBNETS, this::subnets);
            ctx.collect(Kind.SECURITY_GROUP, "security groups", DESCRIBE_SECURITY_GROUPS, this::securityGroups);
            ctx.collect(Kind.ROUTE_TABLE, "route tables", DESCRIBE_ROUTE_TABLES, this::routeTables);
            ctx.collect(Kind.NETWORK_ACL, "network ACLs", DESCRIBE_NETWORK_ACLS, this::networkAcls);
            ctx.collect(Kind.NAT_GATEWAY, "NAT gateways", DESCRIBE_NAT_GATEWAYS, this::natGateways);
            ctx.collect(Kind.INTERNET_GATEWAY, "internet gateways", DESCRIBE_INTERNET_GATEWAYS,
                    this::internetGateways);
        }
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        if (tags != null) for (Tag t : tags) m.put(t.key(), t.value());
        return m;
    }

    public List<Vpc> vpcs() {
        List<Vpc> out = new ArrayList<>();
        for (var page : ec2.describeVpcsPaginator(b -> { })) {
            for (var x : page.vpcs()) {
                String arn = ctx.arn("ec2", x.ownerId(), "vpc/" + x.vpcId());
                Provenance p = ctx.at(arn, DESCRIBE_VPCS);
                Vpc r = new Vpc(arn, "ec2:Vpc", p);
                ctx.nameByTag(r, x.vpcId(), tags(x.tags()), p);
                r.cidrBlock = v(x.cidrBlock(), p);
                r.ipv6CidrBlocks = v(x.ipv6CidrBlockAssociationSet().stream().map(a -> a.ipv6CidrBlock()).toList(), p);
                r.isDefault = v(x.isDefault(), p);
                out.add(r);
            }
        }
        return out;
    }

    public List<Subnet> subnets() {
        List<Subnet> out = new ArrayList<>();
        for (var page : ec2.describeSubnetsPaginator(b -> { })) {
            for (var x : page.subnets()) {
                String arn = x.subnetArn() != null ? x.subnetArn()
                        : ctx.arn("ec2", x.ownerId(), "subnet/" + x.subnetId());
                Provenance p = ctx.at(arn, DESCRIBE_SUBNETS);
                Subnet r = new Subnet(arn, "ec2:Subnet", p);
                ctx.nameByTag(r, x.subnetId(), tags(x.tags()), p);
                r.vpc = ref(x.vpcId(), p);
                r.availabilityZone = v(x.availabilityZone(), p);
                r.availabilityZoneId = v(x.availabilityZoneId(), p);
                r.cidrBlock = v(x.cidrBlock(), p);
                r.ipv6CidrBlock = v(x.ipv6CidrBlockAssociationSet().isEmpty() ? null
                        : x.ipv6CidrBlockAssociationSet().get(0).ipv6CidrBlock(), p);
                r.mapPublicIpOnLaunch = v(x.mapPublicIpOnLaunch(), p);
                out.add(r);
            }
        }
        return out;
    }

    public List<SecurityGroup> securityGroups() {
        List<SecurityGroup> out = new ArrayList<>();
        for (var page : ec2.describeSecurityGroupsPaginator(b -> { })) {
            for (var x : page.securityGroups()) {
                String arn = x.securityGroupArn() != null ? x.securityGroupArn()
                        : ctx.arn("ec2", x.ownerId(), "security-group/" + x.groupId());
                Provenance p = ctx.at(arn, DESCRIBE_SECURITY_GROUPS);
                SecurityGroup r = new SecurityGroup(arn, "ec2:SecurityGroup", p);
                ctx.nameByTag(r, x.groupId(), tags(x.tags()), p);
                r.addAlias(x.groupName());
                r.vpc = ref(x.vpcId(), p);
                r.groupName = v(x.groupName(), p);
                r.description = v(x.description(), p);
                for (IpPermission perm : x.ipPermissions()) rules(r, x.groupId(), Direction.INGRESS, perm, p);
                for (IpPermission perm : x.ipPermissionsEgress()) rules(r, x.groupId(), Direction.EGRESS, perm, p);
                r.rulesComplete = v(true, p);
                out.add(r);
            }
        }
        return out;
    }

    /** One SgRule per peer of one IpPermission. */
    private static void rules(SecurityGroup g, String groupId, Direction d, IpPermission perm, Provenance p) {
        Value<String> protocol = v(Protocols.normalise(perm.ipProtocol()), p);
        // "-1" (and other port-less protocols) come without ports: the rule covers every port (SgRule.allPorts).
        Value<Integer> from = v(perm.fromPort(), p);
        Value<Integer> to = v(perm.toPort(), p);
        Value<Ref> noGroup = v(null, p);
        Value<String> noCidr = v(null, p);
        for (var r : perm.ipRanges()) {
            g.rules.add(new SgRule(d, protocol, from, to, PeerKind.CIDR_IPV4, v(r.cidrIp(), p), noGroup,
                    r.description(), g.address(), p));
        }
        for (var r : perm.ipv6Ranges()) {
            g.rules.add(new SgRule(d, protocol, from, to, PeerKind.CIDR_IPV6, v(r.cidrIpv6(), p), noGroup,
                    r.description(), g.address(), p));
        }
        for (var r : perm.prefixListIds()) {
            g.rules.add(new SgRule(d, protocol, from, to, PeerKind.PREFIX_LIST, v(r.prefixListId(), p),
                    ref(r.prefixListId(), p), r.description(), g.address(), p));
        }
        for (var r : perm.userIdGroupPairs()) {
            boolean self = groupId.equals(r.groupId());
            g.rules.add(new SgRule(d, protocol, from, to, self ? PeerKind.SELF : PeerKind.SECURITY_GROUP, noCidr,
                    ref(r.groupId(), p), r.description(), g.address(), p));
        }
    }

    public List<RouteTable> routeTables() {
        List<RouteTable> out = new ArrayList<>();
        for (var page : ec2.describeRouteTablesPaginator(b -> { })) {
            for (var x : page.routeTables()) {
                String arn = ctx.arn("ec2", x.ownerId(), "route-table/" + x.routeTableId());
                Provenance p = ctx.at(arn, DESCRIBE_ROUTE_TABLES);
                RouteTable r = new RouteTable(arn, "ec2:RouteTable", p);
                ctx.nameByTag(r, x.routeTableId(), tags(x.tags()), p);
                r.vpc = ref(x.vpcId(), p);
                boolean main = false;
                for (var a : x.associations()) {
                    // associations being removed (or already gone) no longer route the subnet
                    String state = a.associationState() == null ? null : a.associationState().stateAsString();
                    if ("disassociating".equals(state) || "disassociated".equals(state) || "failed".equals(state)) {
                        continue;
                    }
                    if (Boolean.TRUE.equals(a.main())) main = true;
                    if (a.subnetId() != null) r.subnets.add(ref(a.subnetId(), p));
                }
                r.main = v(main, p);
                for (var rt : x.routes()) r.routes.add(route(rt, p));
                r.routesComplete = v(true, p);
                out.add(r);
            }
        }
        return out;
    }

    public List<NetworkAcl> networkAcls() {
        List<NetworkAcl> out = new ArrayList<>();
        for (var page : ec2.describeNetworkAclsPaginator(b -> { })) {
            for (var x : page.networkAcls()) {
                String arn = ctx.arn("ec2", x.ownerId(), "network-acl/" + x.networkAclId());
                Provenance p = ctx.at(arn, DESCRIBE_NETWORK_ACLS);
                NetworkAcl r = new NetworkAcl(arn, "ec2:NetworkAcl", p);
                ctx.nameByTag(r, x.networkAclId(), tags(x.tags()), p);
                r.vpc = ref(x.vpcId(), p);
                r.isDefault = v(x.isDefault(), p);
                for (var e : x.entries()) r.entries.add(entry(e, p));
                // the API returns every entry, including the final "*" deny (32767) of each direction
                r.entriesComplete = v(true, p);
                for (var a : x.associations()) {
                    if (a.subnetId() != null) r.subnets.add(ref(a.subnetId(), p));
                }
                out.add(r);
            }
        }
        return out;
    }

    /** One entry, normalised as the Terraform and CloudFormation sources do: protocol name, lower-case action. */
    private static NaclEntry entry(software.amazon.awssdk.services.ec2.model.NetworkAclEntry e, Provenance p) {
        var range = e.portRange();
        return new NaclEntry(v(e.ruleNumber(), p), Boolean.TRUE.equals(e.egress()), v(Protocols.normalise(e.protocol()), p),
                v(e.ruleActionAsString() == null ? null : e.ruleActionAsString().toLowerCase(java.util.Locale.ROOT), p),
                v(e.cidrBlock(), p), v(e.ipv6CidrBlock(), p), v(range == null ? null : range.from(), p),
                v(range == null ? null : range.to(), p), p);
    }

    public List<NatGateway> natGateways() {
        List<NatGateway> out = new ArrayList<>();
        for (var page : ec2.describeNatGatewaysPaginator(b -> { })) {
            for (var x : page.natGateways()) {
                String state = x.stateAsString();
                // deleted and failed gateways stay listed for a while but forward nothing; routes to them are
                // blackholes (the route's own state says so)
                if ("deleted".equals(state) || "deleting".equals(state) || "failed".equals(state)) continue;
                String arn = ctx.arn("ec2", null, "natgateway/" + x.natGatewayId());
                Provenance p = ctx.at(arn, DESCRIBE_NAT_GATEWAYS);
                NatGateway r = new NatGateway(arn, "ec2:NatGateway", p);
                ctx.nameByTag(r, x.natGatewayId(), tags(x.tags()), p);
                r.subnet = ref(x.subnetId(), p);
                r.connectivityType = x.connectivityTypeAsString() != null ? v(x.connectivityTypeAsString(), p)
                        // absent only from gateways that predate private NAT (2021), which are all public
                        : Value.defaulted(Defaults.NAT_CONNECTIVITY_TYPE, p);
                out.add(r);
            }
        }
        return out;
    }

    public List<InternetGateway> internetGateways() {
        List<InternetGateway> out = new ArrayList<>();
        for (var page : ec2.describeInternetGatewaysPaginator(b -> { })) {
            for (var x : page.internetGateways()) {
                String arn = ctx.arn("ec2", x.ownerId(), "internet-gateway/" + x.internetGatewayId());
                Provenance p = ctx.at(arn, DESCRIBE_INTERNET_GATEWAYS);
                InternetGateway r = new InternetGateway(arn, "ec2:InternetGateway", p);
                ctx.nameByTag(r, x.internetGatewayId(), tags(x.tags()), p);
                String vpc = null;
                for (var a : x.attachments()) {
                    String st = a.stateAsString();
                    // "available" is the attached state of an internet gateway attachment
                    if (!"detached".equals(st) && !"detaching".equals(st)) vpc = a.vpcId();
                }
                r.vpc = ref(vpc, p);
                out.add(r);
            }
        }
        return out;
    }

    private static Route route(software.amazon.awssdk.services.ec2.model.Route rt, Provenance p) {
        RouteTarget type;
        String target;
        String gw = rt.gatewayId();
        if ("local".equals(gw)) {
            type = RouteTarget.LOCAL;
            target = null;
        } else if (gw != null && gw.startsWith("igw-")) {
            type = RouteTarget.INTERNET_GATEWAY;
            target = gw;
        } else if (gw != null && gw.startsWith("vgw-")) {
            type = RouteTarget.VIRTUAL_PRIVATE_GATEWAY;
            target = gw;
        } else if (gw != null && gw.startsWith("vpce-")) {
            type = RouteTarget.VPC_ENDPOINT;
            target = gw;
        } else if (rt.natGatewayId() != null) {
            type = RouteTarget.NAT_GATEWAY;
            target = rt.natGatewayId();
        } else if (rt.egressOnlyInternetGatewayId() != null) {
            type = RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY;
            target = rt.egressOnlyInternetGatewayId();
        } else if (rt.transitGatewayId() != null) {
            type = RouteTarget.TRANSIT_GATEWAY;
            target = rt.transitGatewayId();
        } else if (rt.vpcPeeringConnectionId() != null) {
            type = RouteTarget.VPC_PEERING;
            target = rt.vpcPeeringConnectionId();
        } else if (rt.instanceId() != null) {
            type = RouteTarget.INSTANCE;
            target = rt.instanceId();
        } else if (rt.networkInterfaceId() != null) {
            type = RouteTarget.NETWORK_INTERFACE;
            target = rt.networkInterfaceId();
        } else if (gw != null) {
            type = RouteTarget.OTHER;
            target = gw;
        } else {
            type = RouteTarget.UNKNOWN;
            target = null;
        }
        return new Route(v(rt.destinationCidrBlock(), p), v(rt.destinationIpv6CidrBlock(), p),
                v(rt.destinationPrefixListId(), p), type, ref(target, p), v(rt.stateAsString(), p), p);
    }
}
