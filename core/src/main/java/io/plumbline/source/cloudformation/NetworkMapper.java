package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Defaults;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Protocols;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.ResRef;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** VPCs, subnets, route tables, gateways, network ACLs and instances, with the resources that configure them. */
final class NetworkMapper extends FamilyMapper {

    NetworkMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return switch (r.type()) {
            case "AWS::EC2::VPC" -> vpc(r);
            case "AWS::EC2::Subnet" -> subnet(r);
            case "AWS::EC2::RouteTable" -> routeTable(r);
            case "AWS::EC2::InternetGateway" -> new InternetGateway(r.id(), r.type(), r.loc());
            case "AWS::EC2::NatGateway" -> natGateway(r);
            case "AWS::EC2::NetworkAcl" -> networkAcl(r);
            case "AWS::EC2::Instance" -> instance(r);
            default -> null;
        };
    }

    @Override
    Set<String> foldingTypes() {
        return Set.of("AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::NetworkAclEntry",
                "AWS::EC2::SubnetNetworkAclAssociation", "AWS::EC2::VPCGatewayAttachment");
    }

    @Override
    Resource fold(Res r) {
        return switch (r.type()) {
            case "AWS::EC2::Route" -> foldRoute(r);
            case "AWS::EC2::SubnetRouteTableAssociation" -> foldRouteTableAssociation(r);
            case "AWS::EC2::NetworkAclEntry" -> foldNaclEntry(r);
            case "AWS::EC2::SubnetNetworkAclAssociation" -> foldNaclAssociation(r);
            case "AWS::EC2::VPCGatewayAttachment" -> foldGatewayAttachment(r);
            default -> super.fold(r);
        };
    }

    private Vpc vpc(Res r) {
        Vpc v = new Vpc(r.id(), r.type(), r.loc());
        Ev p = r.props();
        Ev cidr = get(p, "CidrBlock");
        v.cidrBlock = cidr == null && get(p, "Ipv4IpamPoolId") != null
                ? Value.unknown("the VPC's CIDR block is allocated from an IPAM pool at deploy time", r.loc())
                : c.str(cidr);
        v.isDefault = Value.defaulted(Defaults.CFN_VPC_NOT_DEFAULT, r.loc());
        v.tags = c.tags(get(p, "Tags"));
        nameFromTag(v);
        return v;
    }

    private Subnet subnet(Res r) {
        Subnet s = new Subnet(r.id(), r.type(), r.loc());
        Ev p = r.props();
        s.vpc = c.ref(get(p, "VpcId"));
        s.availabilityZone = c.str(get(p, "AvailabilityZone"));
        s.availabilityZoneId = c.str(get(p, "AvailabilityZoneId"));
        s.cidrBlock = c.str(get(p, "CidrBlock"));
        s.ipv6CidrBlock = c.str(get(p, "Ipv6CidrBlock"));
        s.mapPublicIpOnLaunch = c.bool(get(p, "MapPublicIpOnLaunch"), Defaults.CFN_SUBNET_MAP_PUBLIC_IP, r.loc());
        s.tags = c.tags(get(p, "Tags"));
        nameFromTag(s);
        return s;
    }

    private RouteTable routeTable(Res r) {
        RouteTable t = new RouteTable(r.id(), r.type(), r.loc());
        t.vpc = c.ref(get(r.props(), "VpcId"));
        t.main = Value.defaulted(Defaults.CFN_ROUTE_TABLE_NOT_MAIN, r.loc());
        t.tags = c.tags(get(r.props(), "Tags"));
        nameFromTag(t);
        return t;
    }

    private NatGateway natGateway(Res r) {
        NatGateway n = new NatGateway(r.id(), r.type(), r.loc());
        n.subnet = c.ref(get(r.props(), "SubnetId"));
        n.connectivityType = c.str(get(r.props(), "ConnectivityType"), Defaults.CFN_NAT_CONNECTIVITY, r.loc());
        n.tags = c.tags(get(r.props(), "Tags"));
        nameFromTag(n);
        return n;
    }

    private NetworkAcl networkAcl(Res r) {
        NetworkAcl n = new NetworkAcl(r.id(), r.type(), r.loc());
        n.vpc = c.ref(get(r.props(), "VpcId"));
        n.isDefault = Value.defaulted(Defaults.CFN_NACL_NOT_DEFAULT, r.loc());
        return n;
    }

    private Instance instance(Res r) {
        Instance i = new Instance(r.id(), r.type(), r.loc());
        Ev p = r.props();
        Ev primaryEni = primaryInterface(get(p, "NetworkInterfaces"));
        Ev subnet = get(p, "SubnetId");
        i.subnet = subnet != null ? c.ref(subnet) : c.ref(get(primaryEni, "SubnetId"));
        Ev sgIds = get(p, "SecurityGroupIds");
        Ev sgNames = get(p, "SecurityGroups");
        if (sgIds != null) i.securityGroups = c.refs(sgIds);
        else if (sgNames != null) i.securityGroups = c.refs(sgNames);
        else i.securityGroups = c.refs(get(primaryEni, "GroupSet"));
        i.associatePublicIp = c.bool(get(primaryEni, "AssociatePublicIpAddress"));
        i.availabilityZone = c.str(get(p, "AvailabilityZone"));
        i.tags = c.tags(get(p, "Tags"));
        nameFromTag(i);
        return i;
    }

    /** The network interface with DeviceIndex 0 (or the first one). */
    static Ev primaryInterface(Ev interfaces) {
        List<Ev> list = items(interfaces);
        if (list == null) return interfaces;
        for (Ev e : list) if ("0".equals(text(get(e, "DeviceIndex")))) return e;
        return list.isEmpty() ? null : list.get(0);
    }

    private static final String[][] ROUTE_TARGETS = {
        {"GatewayId", null}, {"NatGatewayId", "NAT_GATEWAY"}, {"EgressOnlyInternetGatewayId", "EGRESS_ONLY_INTERNET_GATEWAY"},
        {"TransitGatewayId", "TRANSIT_GATEWAY"}, {"VpcPeeringConnectionId", "VPC_PEERING"},
        {"VpcEndpointId", "VPC_ENDPOINT"}, {"NetworkInterfaceId", "NETWORK_INTERFACE"}, {"InstanceId", "INSTANCE"},
        {"CarrierGatewayId", "OTHER"}, {"LocalGatewayId", "OTHER"}, {"CoreNetworkArn", "OTHER"}};

    private Resource foldRoute(Res r) {
        Ev p = r.props();
        RouteTable t = target(r, get(p, "RouteTableId"), RouteTable.class, "RouteTableId", "a route table");
        if (t == null) return null;
        if (r.uncertain() != null) {
            if (t.routesComplete.isKnown()) t.routesComplete = Value.unknown("the route " + existence(r), r.loc());
            return t;
        }
        Route.RouteTarget kind = Route.RouteTarget.UNKNOWN;
        Value<Ref> target = Value.notInInput();
        for (String[] candidate : ROUTE_TARGETS) {
            Ev v = get(p, candidate[0]);
            if (v == null) continue;
            target = c.ref(v);
            kind = candidate[1] != null ? Route.RouteTarget.valueOf(candidate[1]) : gatewayKind(v);
            break;
        }
        t.routes.add(new Route(c.str(get(p, "DestinationCidrBlock")), c.str(get(p, "DestinationIpv6CidrBlock")),
                c.str(get(p, "DestinationPrefixListId")), kind, target, Value.notInInput(), r.loc()));
        return t;
    }

    private Route.RouteTarget gatewayKind(Ev v) {
        if (v instanceof ResRef rr) {
            String type = types.get(rr.logicalId());
            if ("AWS::EC2::InternetGateway".equals(type)) return Route.RouteTarget.INTERNET_GATEWAY;
            if ("AWS::EC2::VPNGateway".equals(type)) return Route.RouteTarget.VIRTUAL_PRIVATE_GATEWAY;
            return Route.RouteTarget.OTHER;
        }
        if (v instanceof Lit l && l.value() != null) {
            String id = l.text();
            if (id.startsWith("igw-")) return Route.RouteTarget.INTERNET_GATEWAY;
            if (id.startsWith("vgw-")) return Route.RouteTarget.VIRTUAL_PRIVATE_GATEWAY;
            if (id.equals("local")) return Route.RouteTarget.LOCAL;
            return Route.RouteTarget.OTHER;
        }
        return Route.RouteTarget.UNKNOWN;
    }

    private Resource foldRouteTableAssociation(Res r) {
        Ev p = r.props();
        RouteTable t = target(r, get(p, "RouteTableId"), RouteTable.class, "RouteTableId", "a route table");
        if (t == null) return null;
        t.subnets.add(associatedSubnet(r));
        return t;
    }

    /** The subnet of a route-table or network-ACL association; unknown when the association may not exist. */
    private Value<Ref> associatedSubnet(Res r) {
        return r.uncertain() != null ? Value.unknown("the association " + existence(r), r.loc())
                : c.ref(get(r.props(), "SubnetId"));
    }

    private Resource foldNaclEntry(Res r) {
        Ev p = r.props();
        NetworkAcl n = target(r, get(p, "NetworkAclId"), NetworkAcl.class, "NetworkAclId", "a network ACL");
        if (n == null) return null;
        Value<Boolean> egress = c.bool(get(p, "Egress"), Defaults.CFN_NACL_ENTRY_EGRESS, r.loc());
        if (r.uncertain() != null || !egress.isPresent()) {
            String why = r.uncertain() != null ? "the entry " + existence(r)
                    : "whether entry " + r.id() + " is egress is not known: " + egress.note();
            if (n.entriesComplete.isKnown()) n.entriesComplete = Value.unknown(why, r.loc());
            return n;
        }
        Ev range = get(p, "PortRange");
        n.entries.add(new NaclEntry(c.integer(get(p, "RuleNumber")), egress.get(),
                c.str(get(p, "Protocol")).map(Protocols::normalise),
                c.str(get(p, "RuleAction")).map(a -> a.toLowerCase(Locale.ROOT)),
                c.str(get(p, "CidrBlock")), c.str(get(p, "Ipv6CidrBlock")),
                c.integer(get(range, "From")), c.integer(get(range, "To")), r.loc()));
        return n;
    }

    private Resource foldNaclAssociation(Res r) {
        Ev p = r.props();
        NetworkAcl n = target(r, get(p, "NetworkAclId"), NetworkAcl.class, "NetworkAclId", "a network ACL");
        if (n == null) return null;
        n.subnets.add(associatedSubnet(r));
        return n;
    }

    private Resource foldGatewayAttachment(Res r) {
        Ev p = r.props();
        Ev igw = get(p, "InternetGatewayId");
        if (igw == null) return null; // a VPN gateway attachment: not an internet gateway, kept generic
        InternetGateway g = target(r, igw, InternetGateway.class, "InternetGatewayId", "an internet gateway");
        if (g == null) return null;
        g.vpc = r.uncertain() != null ? Value.unknown("the attachment " + existence(r), r.loc())
                : c.ref(get(p, "VpcId"));
        return g;
    }
}
