package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Default;
import io.plumbline.model.Defaults;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.GenericResource;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.EbsVolume;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.edge.Route53HealthCheck;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Protocols;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.ops.EcrRepository;
import io.plumbline.model.ops.LogGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.Secret;
import io.plumbline.model.security.WafWebAcl;
import io.plumbline.model.storage.LifecycleRule;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.ResRef;
import io.plumbline.source.cloudformation.Ev.Unk;
import io.plumbline.source.tree.MapNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps evaluated CloudFormation resources onto the model: typed resources first ({@link #primary}), then the
 * resources that only configure another one are folded into it ({@link #fold}), then what needs the whole template
 * ({@link #finish}: default security group egress, backup selections by tag, secret rotation).
 */
final class ResourceMapper {

    /** One resource of the template, evaluated. {@code uncertain} says why its existence is unknown (else null). */
    record Res(String id, String type, MapNode node, Provenance loc, Ev props, Ev deletionPolicy,
               Ev updateReplacePolicy, String uncertain) {
    }

    static final Set<String> FOLDING_TYPES = Set.of(
            "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress", "AWS::EC2::Route",
            "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::NetworkAclEntry",
            "AWS::EC2::SubnetNetworkAclAssociation", "AWS::EC2::VPCGatewayAttachment",
            "AWS::ElasticLoadBalancingV2::Listener", "AWS::KMS::Alias", "AWS::Backup::BackupSelection",
            "AWS::SecretsManager::RotationSchedule", "AWS::S3::BucketPolicy");

    private static final Pattern RATE_DAYS = Pattern.compile("rate\\(\\s*(\\d+)\\s+days?\\s*\\)");

    private final Conv c;
    private final DeliveryMapper deliveries;
    private final Value<String> region;
    private final List<Diagnostic> diagnostics;
    private final Map<String, Resource> built = new LinkedHashMap<>();
    private final Map<String, String> types;
    private Map<String, Resource> byAlias;
    /** Resources whose name is an unknown expression, by that expression (same template text and inputs). */
    private final Map<String, Resource> byNameExpression = new HashMap<>();
    private final Map<SecurityGroup, Boolean> inlineEgress = new IdentityHashMap<>();
    private final Map<SecurityGroup, List<Res>> standaloneEgress = new IdentityHashMap<>();
    private final Map<BackupPlan, List<Res>> selections = new IdentityHashMap<>();
    private final Map<Secret, Res> rotations = new IdentityHashMap<>();
    private final Map<S3Bucket, Res> bucketPolicies = new IdentityHashMap<>();

    ResourceMapper(Conv conv, Value<String> region, Map<String, String> types, List<Diagnostic> diagnostics) {
        this.c = conv;
        this.deliveries = new DeliveryMapper(conv);
        this.region = region;
        this.types = types;
        this.diagnostics = diagnostics;
    }

    // ------------------------------------------------------------------ typed resources

    /** The typed (or generic) resource for a resource that is not a folding type. */
    Resource primary(Res r) {
        Resource out = switch (r.type()) {
            case "AWS::EC2::VPC" -> vpc(r);
            case "AWS::EC2::Subnet" -> subnet(r);
            case "AWS::EC2::RouteTable" -> routeTable(r);
            case "AWS::EC2::InternetGateway" -> new InternetGateway(r.id(), r.type(), r.loc());
            case "AWS::EC2::NatGateway" -> natGateway(r);
            case "AWS::EC2::NetworkAcl" -> networkAcl(r);
            case "AWS::EC2::SecurityGroup" -> securityGroup(r);
            case "AWS::EC2::Instance" -> instance(r);
            case "AWS::ElasticLoadBalancingV2::LoadBalancer" -> loadBalancer(r);
            case "AWS::EKS::Cluster" -> eksCluster(r);
            case "AWS::EKS::Nodegroup" -> nodeGroup(r);
            case "AWS::AutoScaling::AutoScalingGroup" -> autoScalingGroup(r);
            case "AWS::EC2::LaunchTemplate" -> launchTemplate(r);
            case "AWS::EC2::Volume" -> volume(r);
            case "AWS::RDS::DBCluster" -> dbCluster(r);
            case "AWS::RDS::DBInstance" -> dbInstance(r);
            case "AWS::RDS::DBSubnetGroup" -> dbSubnetGroup(r);
            case "AWS::ElastiCache::ReplicationGroup" -> replicationGroup(r);
            case "AWS::ElastiCache::ServerlessCache" -> serverlessCache(r);
            case "AWS::ElastiCache::SubnetGroup" -> cacheSubnetGroup(r);
            case "AWS::KMS::Key" -> kmsKey(r);
            case "AWS::S3::Bucket" -> bucket(r);
            case "AWS::SecretsManager::Secret" -> secret(r);
            case "AWS::ECR::Repository" -> ecrRepository(r);
            case "AWS::CloudFront::Distribution" -> distribution(r);
            case "AWS::WAFv2::WebACL" -> webAcl(r);
            case "AWS::Route53::HealthCheck" -> healthCheck(r);
            case "AWS::Logs::LogGroup" -> logGroup(r);
            case "AWS::Backup::BackupPlan" -> backupPlan(r);
            case "AWS::CloudTrail::Trail", "AWS::EC2::FlowLog", "AWS::WAFv2::LoggingConfiguration",
                 "AWS::CodePipeline::Pipeline", "AWS::CodeBuild::Project" -> deliveries.map(r);
            default -> new GenericResource(r.id(), r.type(), r.loc());
        };
        common(out, r);
        built.put(r.id(), out);
        return out;
    }

    private void common(Resource out, Res r) {
        if (out.tags == Value.<Map<String, String>>notInInput()) out.tags = c.tags(get(r.props(), "Tags"));
        out.region = region;
    }

    /** The AWS name from a property, registered as an alias (and lowercased, for services that lowercase it). */
    private void nameFrom(Resource out, Res r, String property, boolean lowercaseAlias) {
        Ev name = get(r.props(), property);
        out.name = c.str(name);
        if (name instanceof Unk u && u.key() != null) byNameExpression.putIfAbsent(u.key(), out);
        if (!out.name.isPresent()) return;
        out.addAlias(out.name.get());
        if (lowercaseAlias) out.addAlias(out.name.get().toLowerCase(Locale.ROOT));
    }

    private static void nameFromTag(Resource out) {
        String n = out.tag("Name");
        if (n != null) out.name = Value.explicit(n, out.tags.provenance());
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

    private SecurityGroup securityGroup(Res r) {
        SecurityGroup g = new SecurityGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        g.vpc = c.ref(get(p, "VpcId"));
        g.groupName = c.str(get(p, "GroupName"));
        if (g.groupName.isPresent()) g.name = g.groupName;
        g.description = c.str(get(p, "GroupDescription"));
        if (p instanceof Unk u) incomplete(g, "the group's properties are not known: " + u.reason(), p);
        addRules(g, get(p, "SecurityGroupIngress"), SgRule.Direction.INGRESS, "SecurityGroupIngress");
        Ev egress = get(p, "SecurityGroupEgress");
        // "if you do not add egress rules, we add egress rules that allow all outbound IPv4 and IPv6 traffic": an
        // empty list (e.g. every item an Fn::If that resolved to AWS::NoValue) adds none
        inlineEgress.put(g, egress != null && !(egress instanceof Ev.Arr a && a.items().isEmpty()));
        addRules(g, egress, SgRule.Direction.EGRESS, "SecurityGroupEgress");
        return g;
    }

    private void addRules(SecurityGroup g, Ev list, SgRule.Direction direction, String property) {
        if (list == null) return;
        // Ingress only: allow rules add up, so a rule some branches lack is a rule with an unknown peer. An egress
        // list some branch may leave empty would bring AWS's default allow-all egress back: kept incomplete.
        List<ConditionalRules.Item> rules = direction == SgRule.Direction.INGRESS ? ConditionalRules.items(list)
                : plainItems(list);
        if (rules == null) {
            incomplete(g, property + " is not known: " + Evaluator.reasonOf(list), list);
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            ConditionalRules.Item item = rules.get(i);
            Ev rule = item.rule();
            if (rule instanceof Obj || rule instanceof Unk && item.branched()) {
                addRule(g, rule, direction, g.address(), item.onlyIf());
            } else {
                incomplete(g, property + " item " + i + " is not known: " + Evaluator.reasonOf(rule), rule);
            }
        }
    }

    private static List<ConditionalRules.Item> plainItems(Ev list) {
        List<Ev> plain = items(list);
        if (plain == null) return null;
        List<ConditionalRules.Item> out = new java.util.ArrayList<>(plain.size());
        for (Ev rule : plain) out.add(new ConditionalRules.Item(rule, false, null));
        return out;
    }

    private void incomplete(SecurityGroup g, String reason, Ev at) {
        if (g.rulesComplete.isKnown()) g.rulesComplete = Value.unknown(reason, at == null ? g.location() : c.at(at));
    }

    /** Adds one SgRule per peer of a rule (inline item or standalone rule resource). */
    private void addRule(SecurityGroup g, Ev rule, SgRule.Direction direction, String origin) {
        addRule(g, rule, direction, origin, null);
    }

    /**
     * {@code onlyIf}: why the rule may not exist at all (it stands in only some branches of an unresolved condition),
     * else null. Such a rule's peer is unknown: it may admit its traffic, or nothing.
     */
    private void addRule(SecurityGroup g, Ev rule, SgRule.Direction direction, String origin, String onlyIf) {
        Provenance where = c.at(rule);
        Value<String> protocol = c.str(get(rule, "IpProtocol")).map(Protocols::normalise);
        Value<Integer> from = c.integer(get(rule, "FromPort"));
        Value<Integer> to = c.integer(get(rule, "ToPort"));
        String description = text(get(rule, "Description"));
        boolean ingress = direction == SgRule.Direction.INGRESS;
        String[][] peers = ingress
                ? new String[][] {{"CidrIp", "v4"}, {"CidrIpv6", "v6"}, {"SourcePrefixListId", "pl"},
                    {"SourceSecurityGroupId", "sg"}, {"SourceSecurityGroupName", "sg"}}
                : new String[][] {{"CidrIp", "v4"}, {"CidrIpv6", "v6"}, {"DestinationPrefixListId", "pl"},
                    {"DestinationSecurityGroupId", "sg"}};
        int added = 0;
        for (String[] peer : peers) {
            Ev v = get(rule, peer[0]);
            if (v == null) continue;
            added++;
            SgRule.PeerKind kind;
            Value<String> cidr = Value.notInInput();
            Value<Ref> group = Value.notInInput();
            switch (peer[1]) {
                case "v4" -> {
                    kind = SgRule.PeerKind.CIDR_IPV4;
                    cidr = c.str(v);
                }
                case "v6" -> {
                    kind = SgRule.PeerKind.CIDR_IPV6;
                    cidr = c.str(v);
                }
                case "pl" -> {
                    kind = SgRule.PeerKind.PREFIX_LIST;
                    group = c.ref(v);
                }
                default -> {
                    group = c.ref(v);
                    boolean self = group.isPresent() && (group.get().target().equals(g.address())
                            || g.aliases().contains(group.get().target()));
                    kind = self ? SgRule.PeerKind.SELF : SgRule.PeerKind.SECURITY_GROUP;
                }
            }
            if (onlyIf != null) {
                if (kind == SgRule.PeerKind.CIDR_IPV4 || kind == SgRule.PeerKind.CIDR_IPV6) {
                    cidr = Value.unknown(onlyIf, where);
                } else {
                    group = Value.unknown(onlyIf, where);
                }
            }
            g.rules.add(new SgRule(direction, protocol, from, to, kind, cidr, group, description, origin, where));
        }
        if (added == 0) {
            g.rules.add(new SgRule(direction, protocol, from, to, SgRule.PeerKind.UNKNOWN,
                    Value.unknown("the rule names no peer (CidrIp, CidrIpv6, prefix list or security group)", where),
                    Value.unknown("the rule names no peer", where), description, origin, where));
        }
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
    private static Ev primaryInterface(Ev interfaces) {
        List<Ev> list = items(interfaces);
        if (list == null) return interfaces;
        for (Ev e : list) if ("0".equals(text(get(e, "DeviceIndex")))) return e;
        return list.isEmpty() ? null : list.get(0);
    }

    private LoadBalancer loadBalancer(Res r) {
        LoadBalancer lb = new LoadBalancer(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(lb, r, "Name", false);
        lb.type = c.str(get(p, "Type"), Defaults.ELB_TYPE, r.loc());
        Ev scheme = get(p, "Scheme");
        if (scheme == null) {
            lb.internal = Value.defaulted(Defaults.ELB_INTERNAL, r.loc());
        } else {
            Value<String> s = c.str(scheme);
            lb.internal = !s.isPresent() ? s.map(x -> (Boolean) null)
                    : "internal".equalsIgnoreCase(s.get()) ? Value.explicit(true, c.at(scheme))
                    : "internet-facing".equalsIgnoreCase(s.get()) ? Value.explicit(false, c.at(scheme))
                    : Value.unknown("unexpected Scheme '" + s.get() + "'", c.at(scheme));
        }
        Ev subnets = get(p, "Subnets");
        Ev mappings = get(p, "SubnetMappings");
        lb.subnets = subnets != null || mappings == null ? c.refs(subnets)
                : c.list(mappings, m -> c.ref(get(m, "SubnetId")));
        lb.securityGroups = c.refs(get(p, "SecurityGroups"));
        Ev attributes = get(p, "LoadBalancerAttributes");
        lb.deletionProtection = c.bool(attribute(attributes, "deletion_protection.enabled"),
                Defaults.CFN_ELB_DELETION_PROTECTION, r.loc());
        lb.accessLogsEnabled = c.bool(attribute(attributes, "access_logs.s3.enabled"), Defaults.CFN_ELB_ACCESS_LOGS,
                r.loc());
        Ev logsBucket = attribute(attributes, "access_logs.s3.bucket");
        lb.accessLogsBucket = logsBucket == null ? Value.explicit(null, r.loc()) : c.ref(logsBucket);
        lb.dropInvalidHeaderFields = c.bool(attribute(attributes, "routing.http.drop_invalid_header_fields.enabled"),
                Defaults.CFN_ELB_DROP_INVALID_HEADERS, r.loc());
        return lb;
    }

    /**
     * The Value of a {@code {Key, Value}} item of an attribute list: null when no item has that key, an unknown when
     * the list or an item that may carry the key is not known.
     */
    private static Ev attribute(Ev list, String key) {
        if (list == null) return null;
        List<Ev> all = items(list);
        if (all == null) return list;
        Ev uncertain = null;
        for (Ev item : all) {
            if (item instanceof Obj) {
                Ev k = get(item, "Key");
                if (k instanceof Lit l && key.equals(l.text())) return get(item, "Value");
                if (!(k instanceof Lit) && uncertain == null) uncertain = item;
            } else if (item instanceof Unk u) {
                boolean mayHaveKey = u.alternatives() == null;
                if (!mayHaveKey) {
                    for (Ev alt : u.alternatives()) {
                        Ev k = get(alt, "Key");
                        if (!(alt instanceof Ev.NoValue) && !(k instanceof Lit l && !key.equals(l.text()))) mayHaveKey = true;
                    }
                }
                if (mayHaveKey && uncertain == null) uncertain = item;
            }
        }
        if (uncertain == null) return null;
        return Unk.of("whether " + key + " is set is not known: " + Evaluator.reasonOf(uncertain), uncertain.loc());
    }

    private EksCluster eksCluster(Res r) {
        EksCluster e = new EksCluster(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(e, r, "Name", false);
        Ev vpc = get(p, "ResourcesVpcConfig");
        e.subnets = c.refs(get(vpc, "SubnetIds"));
        e.securityGroups = c.refs(get(vpc, "SecurityGroupIds"));
        e.endpointPublicAccess = c.bool(get(vpc, "EndpointPublicAccess"), Defaults.EKS_PUBLIC_ENDPOINT, r.loc());
        e.endpointPrivateAccess = c.bool(get(vpc, "EndpointPrivateAccess"), Defaults.EKS_PRIVATE_ENDPOINT, r.loc());
        e.publicAccessCidrs = c.strings(get(vpc, "PublicAccessCidrs"), Defaults.CFN_EKS_PUBLIC_ACCESS_CIDRS, r.loc());
        Ev enc = get(p, "EncryptionConfig");
        if (enc == null) {
            e.encryptedResources = Value.defaulted(Defaults.CFN_EKS_NO_ENCRYPTION_CONFIG, r.loc());
            e.secretsEncryptionKey = Value.defaulted(Defaults.CFN_EKS_NO_SECRETS_KEY, r.loc());
        } else {
            List<Ev> configs = items(enc);
            if (configs == null) {
                e.encryptedResources = c.unknown(enc);
                e.secretsEncryptionKey = c.unknown(enc);
            } else {
                List<String> resources = new ArrayList<>();
                Value<List<String>> res = Value.explicit(resources, c.at(enc));
                Value<Ref> key = configs.isEmpty() ? Value.defaulted(Defaults.CFN_EKS_NO_SECRETS_KEY, r.loc()) : null;
                for (Ev cfg : configs) {
                    Value<List<String>> rs = c.strings(get(cfg, "Resources"));
                    if (rs.isUnknown()) res = rs;
                    else if (res.isKnown() && rs.isPresent()) resources.addAll(rs.get());
                    if (key == null) key = c.ref(get(cfg, "Provider", "KeyArn"));
                }
                e.encryptedResources = res.isKnown() ? Value.explicit(List.copyOf(resources), c.at(enc)) : res;
                e.secretsEncryptionKey = key;
            }
        }
        e.version = c.str(get(p, "Version"));
        Ev logging = get(p, "Logging");
        Ev types = get(logging, "ClusterLogging", "EnabledTypes");
        e.enabledLogTypes = types == null ? Value.defaulted(Defaults.CFN_EKS_LOGGING_OFF, r.loc())
                : c.list(types, t -> c.str(get(t, "Type")));
        return e;
    }

    private NodeGroup nodeGroup(Res r) {
        NodeGroup n = new NodeGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(n, r, "NodegroupName", false);
        n.cluster = c.ref(get(p, "ClusterName"));
        n.subnets = c.refs(get(p, "Subnets"));
        Ev scaling = get(p, "ScalingConfig");
        n.minSize = c.integer(get(scaling, "MinSize"));
        n.desiredSize = c.integer(get(scaling, "DesiredSize"));
        n.maxSize = c.integer(get(scaling, "MaxSize"));
        n.capacityType = c.str(get(p, "CapacityType"), Defaults.EKS_CAPACITY_TYPE, r.loc());
        n.labels = c.stringMap(get(p, "Labels"));
        Ev taints = get(p, "Taints");
        n.taints = taints == null ? Value.explicit(List.of(), r.loc()) : c.list(taints, t -> c.str(get(t, "Key"))
                .map(k -> k + "=" + (text(get(t, "Value")) == null ? "" : text(get(t, "Value"))) + ":"
                        + (text(get(t, "Effect")) == null ? "" : text(get(t, "Effect")))));
        Ev remote = get(p, "RemoteAccess");
        if (remote == null) {
            n.sshKey = Value.defaulted(Defaults.CFN_EKS_NO_SSH_KEY, r.loc());
        } else {
            n.sshKey = c.str(get(remote, "Ec2SshKey"));
            Ev sources = get(remote, "SourceSecurityGroups");
            n.sshSourceSecurityGroups = sources == null
                    ? Value.defaulted(Defaults.CFN_EKS_SSH_FROM_ANYWHERE, c.at(remote)) : c.refs(sources);
        }
        Ev lt = get(p, "LaunchTemplate");
        if (lt != null) n.launchTemplate = launchTemplateRef(lt, "Id", "Name");
        Ev instanceTypes = get(p, "InstanceTypes");
        n.instanceTypes = instanceTypes == null && lt == null
                ? Value.defaulted(Defaults.CFN_EKS_NODEGROUP_INSTANCE_TYPES, r.loc()) : c.strings(instanceTypes);
        return n;
    }

    private Value<Ref> launchTemplateRef(Ev spec, String idKey, String nameKey) {
        Ev id = get(spec, idKey);
        return id != null ? c.ref(id) : c.ref(get(spec, nameKey));
    }

    private AutoScalingGroup autoScalingGroup(Res r) {
        AutoScalingGroup a = new AutoScalingGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(a, r, "AutoScalingGroupName", false);
        a.subnets = c.refs(get(p, "VPCZoneIdentifier"));
        a.availabilityZones = c.strings(get(p, "AvailabilityZones"));
        a.minSize = c.integer(get(p, "MinSize"));
        a.maxSize = c.integer(get(p, "MaxSize"));
        a.desiredCapacity = c.integer(get(p, "DesiredCapacity"));
        Ev lt = get(p, "LaunchTemplate");
        Ev mixed = get(p, "MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification");
        Ev lc = get(p, "LaunchConfigurationName");
        if (lt != null) a.launchTemplate = launchTemplateRef(lt, "LaunchTemplateId", "LaunchTemplateName");
        else if (mixed != null) a.launchTemplate = launchTemplateRef(mixed, "LaunchTemplateId", "LaunchTemplateName");
        else if (lc != null) a.launchTemplate = c.ref(lc);
        return a;
    }

    private LaunchTemplate launchTemplate(Res r) {
        LaunchTemplate t = new LaunchTemplate(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(t, r, "LaunchTemplateName", false);
        Ev data = get(p, "LaunchTemplateData");
        Ev market = get(data, "InstanceMarketOptions");
        t.marketType = market == null ? Value.explicit(null, r.loc()) : c.str(get(market, "MarketType"));
        Ev mappings = get(data, "BlockDeviceMappings");
        if (mappings != null) {
            List<Ev> all = items(mappings);
            if (all == null) {
                t.blockDevices = c.unknown(mappings);
            } else {
                List<EbsDevice> devices = new ArrayList<>();
                Value<List<EbsDevice>> value = null;
                for (Ev m : all) {
                    if (!(m instanceof Obj)) {
                        value = c.unknown(m);
                        break;
                    }
                    Ev ebs = get(m, "Ebs");
                    if (ebs == null) continue;
                    devices.add(new EbsDevice(c.str(get(m, "DeviceName")), c.bool(get(ebs, "Encrypted")),
                            c.ref(get(ebs, "KmsKeyId"))));
                }
                t.blockDevices = value != null ? value : Value.explicit(List.copyOf(devices), c.at(mappings));
            }
        }
        Ev sgIds = get(data, "SecurityGroupIds");
        Ev sgNames = get(data, "SecurityGroups");
        if (sgIds != null) t.securityGroups = c.refs(sgIds);
        else if (sgNames != null) t.securityGroups = c.refs(sgNames);
        else t.securityGroups = c.refs(get(primaryInterface(get(data, "NetworkInterfaces")), "Groups"));
        t.metadataHttpTokens = c.str(get(data, "MetadataOptions", "HttpTokens"));
        return t;
    }

    private EbsVolume volume(Res r) {
        EbsVolume v = new EbsVolume(r.id(), r.type(), r.loc());
        Ev p = r.props();
        v.availabilityZone = c.str(get(p, "AvailabilityZone"));
        v.encrypted = c.bool(get(p, "Encrypted"));
        v.kmsKey = c.ref(get(p, "KmsKeyId"));
        v.sizeGib = c.integer(get(p, "Size"));
        return v;
    }

    private DbCluster dbCluster(Res r) {
        DbCluster d = new DbCluster(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(d, r, "DBClusterIdentifier", true);
        d.engine = c.str(get(p, "Engine"));
        d.engineMode = c.str(get(p, "EngineMode"), Defaults.CFN_RDS_ENGINE_MODE, r.loc());
        d.engineVersion = c.str(get(p, "EngineVersion"));
        Ev snapshot = get(p, "SnapshotIdentifier");
        Ev source = get(p, "SourceDBClusterIdentifier");
        Ev encrypted = get(p, "StorageEncrypted");
        if (encrypted == null && (snapshot != null || source != null)) {
            d.storageEncrypted = Value.unknown("StorageEncrypted is inherited from the "
                    + (snapshot != null ? "snapshot" : "source cluster") + " it is restored from", r.loc());
        } else {
            d.storageEncrypted = c.bool(encrypted, Defaults.CFN_RDS_STORAGE_ENCRYPTED, r.loc());
        }
        d.kmsKey = c.ref(get(p, "KmsKeyId"), Defaults.CFN_RDS_NO_KMS_KEY, r.loc());
        d.backupRetentionPeriod = c.integer(get(p, "BackupRetentionPeriod"), Defaults.RDS_BACKUP_RETENTION, r.loc());
        d.port = c.integer(get(p, "Port"));
        d.deletionProtection = c.bool(get(p, "DeletionProtection"), Defaults.RDS_DELETION_PROTECTION, r.loc());
        d.deletionPolicy = c.str(r.deletionPolicy(), Defaults.CFN_RDS_CLUSTER_DELETION_POLICY, r.loc());
        d.updateReplacePolicy = c.str(r.updateReplacePolicy(), Defaults.CFN_UPDATE_REPLACE_POLICY, r.loc());
        d.subnetGroup = c.ref(get(p, "DBSubnetGroupName"));
        d.securityGroups = c.refs(get(p, "VpcSecurityGroupIds"));
        d.storageAvailabilityZones = c.strings(get(p, "AvailabilityZones"));
        d.iamAuthentication = c.bool(get(p, "EnableIAMDatabaseAuthentication"), Defaults.CFN_RDS_IAM_AUTH, r.loc());
        d.masterPasswordManaged = c.bool(get(p, "ManageMasterUserPassword"), Defaults.CFN_RDS_MANAGE_MASTER_PASSWORD,
                r.loc());
        d.enabledLogExports = c.strings(get(p, "EnableCloudwatchLogsExports"), Defaults.CFN_RDS_NO_LOG_EXPORTS, r.loc());
        d.restoredFromSnapshot = snapshot != null ? c.refText(snapshot) : Value.<String>explicit(null, r.loc());
        d.globalCluster = c.refText(get(p, "GlobalClusterIdentifier"));
        d.parameterGroup = c.refText(get(p, "DBClusterParameterGroupName"));
        return d;
    }

    private DbInstance dbInstance(Res r) {
        DbInstance d = new DbInstance(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(d, r, "DBInstanceIdentifier", true);
        Ev cluster = get(p, "DBClusterIdentifier");
        d.cluster = c.ref(cluster);
        d.engine = c.str(get(p, "Engine"));
        d.availabilityZone = c.str(get(p, "AvailabilityZone"));
        d.instanceClass = c.str(get(p, "DBInstanceClass"));
        Ev subnetGroup = get(p, "DBSubnetGroupName");
        d.subnetGroup = c.ref(subnetGroup);
        Boolean aurora = cluster != null ? Boolean.TRUE
                : d.engine.isPresent() ? d.engine.get().toLowerCase(Locale.ROOT).startsWith("aurora")
                : get(p, "Engine") == null ? Boolean.FALSE : null;
        Ev pub = get(p, "PubliclyAccessible");
        if (pub != null) {
            d.publiclyAccessible = c.bool(pub);
        } else if (subnetGroup instanceof Lit l && "default".equalsIgnoreCase(l.text())) {
            d.publiclyAccessible = Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_DEFAULT_GROUP, r.loc());
        } else if (subnetGroup != null && !(subnetGroup instanceof Lit || subnetGroup instanceof ResRef)) {
            d.publiclyAccessible = Value.unknown("PubliclyAccessible is not set and its default depends on "
                    + "DBSubnetGroupName, which is not known: " + Evaluator.reasonOf(subnetGroup), r.loc());
        } else if (subnetGroup != null) {
            d.publiclyAccessible = Boolean.TRUE.equals(aurora)
                    ? Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_PRIVATE, r.loc())
                    : Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_NAMED_GROUP, r.loc());
        } else if (aurora == null) {
            d.publiclyAccessible = Value.unknown("PubliclyAccessible is not set and its default depends on whether "
                    + "the engine is Aurora, which is not known: " + d.engine.note(), r.loc());
        } else {
            d.publiclyAccessible = aurora
                    ? Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_PRIVATE, r.loc())
                    : Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_NON_AURORA, r.loc());
        }
        d.storageEncrypted = c.bool(get(p, "StorageEncrypted"));
        d.kmsKey = c.ref(get(p, "KmsKeyId"));
        // Promotion tier defaults only for Aurora members; Multi-AZ is a standalone instance's setting.
        if (Boolean.TRUE.equals(aurora)) {
            d.promotionTier = c.integer(get(p, "PromotionTier"), Defaults.CFN_AURORA_PROMOTION_TIER, r.loc());
            d.multiAz = c.bool(get(p, "MultiAZ"));
        } else {
            d.promotionTier = c.integer(get(p, "PromotionTier"));
            d.multiAz = c.bool(get(p, "MultiAZ"), Defaults.CFN_RDS_INSTANCE_MULTI_AZ, r.loc());
        }
        return d;
    }

    private DbSubnetGroup dbSubnetGroup(Res r) {
        DbSubnetGroup g = new DbSubnetGroup(r.id(), r.type(), r.loc());
        nameFrom(g, r, "DBSubnetGroupName", true);
        g.subnets = c.refs(get(r.props(), "SubnetIds"));
        return g;
    }

    private CacheSubnetGroup cacheSubnetGroup(Res r) {
        CacheSubnetGroup g = new CacheSubnetGroup(r.id(), r.type(), r.loc());
        nameFrom(g, r, "CacheSubnetGroupName", true);
        g.subnets = c.refs(get(r.props(), "SubnetIds"));
        return g;
    }

    private CacheReplicationGroup replicationGroup(Res r) {
        CacheReplicationGroup g = new CacheReplicationGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(g, r, "ReplicationGroupId", true);
        g.serverless = false;
        g.engine = c.str(get(p, "Engine"), Defaults.CFN_ELASTICACHE_ENGINE, r.loc());
        Ev atRest = get(p, "AtRestEncryptionEnabled");
        if (atRest != null) {
            g.atRestEncryption = c.bool(atRest);
        } else if (!g.engine.isPresent()) {
            g.atRestEncryption = Value.unknown("AtRestEncryptionEnabled is not set and its default depends on the "
                    + "engine, which is not known: " + g.engine.note(), r.loc());
        } else {
            String engine = g.engine.get().toLowerCase(Locale.ROOT);
            g.atRestEncryption = engine.equals("redis") ? Value.defaulted(Defaults.ELASTICACHE_AT_REST_REDIS, r.loc())
                    : engine.equals("valkey") ? Value.defaulted(Defaults.ELASTICACHE_AT_REST_VALKEY, r.loc())
                    : Value.unknown("AtRestEncryptionEnabled is not set and no default is documented for engine '"
                            + g.engine.get() + "'", r.loc());
        }
        g.kmsKey = c.ref(get(p, "KmsKeyId"), Defaults.CFN_ELASTICACHE_NO_KMS_KEY, r.loc());
        g.transitEncryption = c.bool(get(p, "TransitEncryptionEnabled"), Defaults.ELASTICACHE_TRANSIT_ENCRYPTION, r.loc());
        g.transitEncryptionMode = c.str(get(p, "TransitEncryptionMode"));
        g.multiAz = c.bool(get(p, "MultiAZEnabled"), Defaults.ELASTICACHE_MULTI_AZ, r.loc());
        g.automaticFailover = c.bool(get(p, "AutomaticFailoverEnabled"), Defaults.ELASTICACHE_AUTOMATIC_FAILOVER, r.loc());
        Ev numNodeGroups = get(p, "NumNodeGroups");
        Ev nodeGroups = get(p, "NodeGroupConfiguration");
        boolean clusterMode = numNodeGroups != null || nodeGroups != null;
        if (!clusterMode && get(p, "PrimaryClusterId") == null) {
            g.numCacheClusters = c.integer(get(p, "NumCacheClusters"), Defaults.ELASTICACHE_NUM_CACHE_CLUSTERS, r.loc());
        } else {
            g.numCacheClusters = c.integer(get(p, "NumCacheClusters"));
        }
        List<Ev> groups = items(nodeGroups);
        if (numNodeGroups != null) g.numNodeGroups = c.integer(numNodeGroups);
        else if (nodeGroups != null && groups != null) g.numNodeGroups = Value.explicit(groups.size(), c.at(nodeGroups));
        else if (nodeGroups != null) g.numNodeGroups = c.unknown(nodeGroups);
        Ev replicas = get(p, "ReplicasPerNodeGroup");
        if (replicas != null) {
            g.replicasPerNodeGroup = c.integer(replicas);
        } else if (nodeGroups != null) {
            if (groups == null) {
                g.replicasPerNodeGroup = c.unknown(nodeGroups);
            } else {
                Value<Integer> min = null;
                for (Ev ng : groups) {
                    Value<Integer> count = c.integer(get(ng, "ReplicaCount"));
                    if (!count.isPresent()) {
                        min = count;
                        break;
                    }
                    if (min == null || count.get() < min.get()) min = count;
                }
                if (min != null) g.replicasPerNodeGroup = min;
            }
        }
        g.preferredAzs = c.strings(get(p, "PreferredCacheClusterAZs"));
        g.subnetGroup = c.ref(get(p, "CacheSubnetGroupName"));
        g.securityGroups = c.refs(get(p, "SecurityGroupIds"));
        g.snapshotRetentionLimit = c.integer(get(p, "SnapshotRetentionLimit"), Defaults.ELASTICACHE_SNAPSHOT_RETENTION,
                r.loc());
        g.port = c.integer(get(p, "Port"));
        return g;
    }

    private CacheReplicationGroup serverlessCache(Res r) {
        CacheReplicationGroup g = new CacheReplicationGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(g, r, "ServerlessCacheName", true);
        g.serverless = true;
        g.engine = c.str(get(p, "Engine"));
        g.atRestEncryption = Value.defaulted(Defaults.CFN_ELASTICACHE_SERVERLESS_AT_REST, r.loc());
        g.kmsKey = c.ref(get(p, "KmsKeyId"), Defaults.CFN_ELASTICACHE_NO_KMS_KEY, r.loc());
        g.transitEncryption = Value.defaulted(Defaults.CFN_ELASTICACHE_SERVERLESS_TRANSIT, r.loc());
        g.multiAz = Value.defaulted(Defaults.CFN_ELASTICACHE_SERVERLESS_MULTI_AZ, r.loc());
        g.automaticFailover = Value.defaulted(Defaults.CFN_ELASTICACHE_SERVERLESS_MULTI_AZ, r.loc());
        g.securityGroups = c.refs(get(p, "SecurityGroupIds"));
        g.snapshotRetentionLimit = c.integer(get(p, "SnapshotRetentionLimit"));
        g.storageEncryptionType = c.str(get(p, "StorageEncryptionType"));
        return g;
    }

    private KmsKey kmsKey(Res r) {
        KmsKey k = new KmsKey(r.id(), r.type(), r.loc());
        Ev p = r.props();
        k.enabled = c.bool(get(p, "Enabled"), Defaults.KMS_ENABLED, r.loc());
        k.rotationEnabled = c.bool(get(p, "EnableKeyRotation"), Defaults.KMS_ROTATION, r.loc());
        k.rotationPeriodDays = c.integer(get(p, "RotationPeriodInDays"));
        k.keySpec = c.str(get(p, "KeySpec"), Defaults.KMS_KEY_SPEC, r.loc());
        k.keyUsage = c.str(get(p, "KeyUsage"), Defaults.KMS_KEY_USAGE, r.loc());
        k.deletionWindowDays = c.integer(get(p, "PendingWindowInDays"), Defaults.KMS_DELETION_WINDOW, r.loc());
        k.multiRegion = c.bool(get(p, "MultiRegion"), Defaults.KMS_MULTI_REGION, r.loc());
        k.keyManager = Value.defaulted(Defaults.CFN_KMS_KEY_MANAGER, r.loc());
        k.origin = c.str(get(p, "Origin"), Defaults.CFN_KMS_ORIGIN, r.loc());
        Ev policy = get(p, "KeyPolicy");
        k.policy = policy == null ? Value.defaulted(Defaults.CFN_KMS_DEFAULT_KEY_POLICY, r.loc()) : document(policy);
        return k;
    }

    /** A policy document as JSON text (see {@link Evaluator#render}). */
    private Value<String> document(Ev doc) {
        if (doc instanceof Lit l && l.value() instanceof String s) return c.str(doc); // already JSON text
        Evaluator.Rendered rendered = Evaluator.render(doc);
        Value<String> v = rendered.json() != null ? Value.explicit(rendered.json(), c.at(doc))
                : Value.unknown("the policy document is not known: " + rendered.failure(), c.at(doc));
        return rendered.sensitive() ? v.asSensitive() : v;
    }

    private S3Bucket bucket(Res r) {
        S3Bucket b = new S3Bucket(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(b, r, "BucketName", false);
        if (b.name.isPresent()) b.addAlias("arn:aws:s3:::" + b.name.get());
        Ev versioning = get(p, "VersioningConfiguration");
        b.versioning = versioning == null ? Value.defaulted(Defaults.S3_VERSIONING_NEVER_ENABLED, r.loc())
                : c.str(get(versioning, "Status"));
        Ev encryption = get(p, "BucketEncryption");
        if (encryption == null) {
            b.sseAlgorithm = Value.defaulted(Defaults.CFN_S3_DEFAULT_SSE, r.loc());
            b.sseKmsKey = Value.defaulted(Defaults.CFN_S3_NO_KMS_KEY, r.loc());
            b.bucketKeyEnabled = Value.defaulted(Defaults.CFN_S3_BUCKET_KEY, r.loc());
        } else {
            Ev rules = get(encryption, "ServerSideEncryptionConfiguration");
            List<Ev> all = items(rules);
            Ev first = all == null ? rules : all.isEmpty() ? null : all.get(0);
            Ev byDefault = get(first, "ServerSideEncryptionByDefault");
            if (byDefault == null) {
                b.sseAlgorithm = Value.defaulted(Defaults.CFN_S3_DEFAULT_SSE, c.at(encryption));
                b.sseKmsKey = Value.defaulted(Defaults.CFN_S3_NO_KMS_KEY, c.at(encryption));
            } else {
                b.sseAlgorithm = c.str(get(byDefault, "SSEAlgorithm"));
                b.sseKmsKey = c.ref(get(byDefault, "KMSMasterKeyID"), Defaults.CFN_S3_NO_KMS_KEY, c.at(byDefault));
            }
            b.bucketKeyEnabled = first == null ? Value.defaulted(Defaults.CFN_S3_BUCKET_KEY, c.at(encryption))
                    : c.bool(get(first, "BucketKeyEnabled"), Defaults.CFN_S3_BUCKET_KEY, c.at(first));
        }
        Ev block = get(p, "PublicAccessBlockConfiguration");
        if (block == null) {
            Value<Boolean> on = Value.defaulted(Defaults.CFN_S3_NEW_BUCKET_BLOCKS_PUBLIC_ACCESS, r.loc());
            b.blockPublicAcls = on;
            b.blockPublicPolicy = on;
            b.ignorePublicAcls = on;
            b.restrictPublicBuckets = on;
        } else {
            Provenance at = c.at(block);
            b.blockPublicAcls = c.bool(get(block, "BlockPublicAcls"), Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG, at);
            b.blockPublicPolicy = c.bool(get(block, "BlockPublicPolicy"), Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG, at);
            b.ignorePublicAcls = c.bool(get(block, "IgnorePublicAcls"), Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG, at);
            b.restrictPublicBuckets = c.bool(get(block, "RestrictPublicBuckets"), Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG, at);
        }
        Ev replication = get(p, "ReplicationConfiguration");
        b.replicationRules = replication == null ? Value.defaulted(Defaults.CFN_S3_NO_REPLICATION, r.loc())
                : objects(get(replication, "Rules"), rule -> {
                    Ev dest = get(rule, "Destination");
                    return new ReplicationRule(c.str(get(rule, "Status")), c.ref(get(dest, "Bucket")),
                            c.str(get(dest, "StorageClass")),
                            c.ref(get(dest, "EncryptionConfiguration", "ReplicaKmsKeyID")));
                });
        Ev lifecycle = get(p, "LifecycleConfiguration");
        b.lifecycleRules = lifecycle == null ? Value.defaulted(Defaults.CFN_S3_NO_LIFECYCLE, r.loc())
                : objects(get(lifecycle, "Rules"), this::lifecycleRule);
        Ev logging = get(p, "LoggingConfiguration");
        if (logging == null) {
            b.loggingTarget = Value.defaulted(Defaults.CFN_S3_NO_ACCESS_LOGGING, r.loc());
        } else {
            Ev target = get(logging, "DestinationBucketName");
            b.loggingTarget = target != null ? c.ref(target)
                    : Value.defaulted(Default.of(new Ref(r.id()), Defaults.CFN_S3_LOGGING_TO_ITSELF.description()),
                    c.at(logging));
        }
        b.policy = Value.defaulted(Defaults.CFN_S3_NO_BUCKET_POLICY, r.loc());
        return b;
    }

    private LifecycleRule lifecycleRule(Ev rule) {
        Ev list = get(rule, "Transitions");
        Value<List<String>> classes = null;
        List<Ev> all = items(list);
        if (all == null) {
            classes = c.unknown(list);
        } else {
            List<Ev> transitions = new ArrayList<>(all);
            Ev single = get(rule, "Transition");
            if (single != null) transitions.add(single);
            List<String> out = new ArrayList<>();
            for (Ev t : transitions) {
                Value<String> sc = c.str(get(t, "StorageClass"));
                if (sc.isUnknown()) {
                    classes = Value.unknown(sc.note(), sc.provenance());
                    break;
                }
                if (sc.isPresent()) out.add(sc.get());
            }
            if (classes == null) classes = Value.explicit(List.copyOf(out), c.at(rule));
        }
        Ev expiration = get(rule, "ExpirationInDays");
        Ev noncurrent = get(rule, "NoncurrentVersionExpiration", "NoncurrentDays");
        if (noncurrent == null) noncurrent = get(rule, "NoncurrentVersionExpirationInDays");
        return new LifecycleRule(c.str(get(rule, "Status")), classes,
                expiration == null ? Value.explicit(null, c.at(rule)) : c.integer(expiration),
                noncurrent == null ? Value.explicit(null, c.at(rule)) : c.integer(noncurrent));
    }

    /** A list of mappings turned into records; unknown when the list or one of its items is not known. */
    private <T> Value<List<T>> objects(Ev list, Function<Ev, T> item) {
        if (list == null) return Value.notInInput();
        List<Ev> all = items(list);
        if (all == null) return c.unknown(list);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Ev e = all.get(i);
            if (!(e instanceof Obj)) {
                return Value.unknown("item " + i + " is not known: " + Evaluator.reasonOf(e), c.at(e));
            }
            out.add(item.apply(e));
        }
        return Value.explicit(Collections.unmodifiableList(out), c.at(list));
    }

    private Secret secret(Res r) {
        Secret s = new Secret(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(s, r, "Name", false);
        s.kmsKey = c.ref(get(p, "KmsKeyId"), Defaults.CFN_SECRET_AWS_MANAGED_KEY, r.loc());
        s.rotationEnabled = Value.defaulted(Defaults.CFN_SECRET_NO_ROTATION, r.loc());
        Ev replicas = get(p, "ReplicaRegions");
        s.replicaRegions = replicas == null ? Value.defaulted(Defaults.CFN_SECRET_NO_REPLICAS, r.loc())
                : c.list(replicas, rr -> c.str(get(rr, "Region")));
        return s;
    }

    private EcrRepository ecrRepository(Res r) {
        EcrRepository e = new EcrRepository(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(e, r, "RepositoryName", false);
        e.scanOnPush = c.bool(get(p, "ImageScanningConfiguration", "ScanOnPush"), Defaults.CFN_ECR_SCAN_ON_PUSH, r.loc());
        e.tagMutability = c.str(get(p, "ImageTagMutability"), Defaults.CFN_ECR_TAG_MUTABILITY, r.loc());
        Ev enc = get(p, "EncryptionConfiguration");
        e.encryptionType = c.str(get(enc, "EncryptionType"), Defaults.CFN_ECR_ENCRYPTION, r.loc());
        e.kmsKey = c.ref(get(enc, "KmsKey"));
        return e;
    }

    private CloudFrontDistribution distribution(Res r) {
        CloudFrontDistribution d = new CloudFrontDistribution(r.id(), r.type(), r.loc());
        Ev dc = get(r.props(), "DistributionConfig");
        d.webAcl = c.ref(get(dc, "WebACLId"), Defaults.CFN_CLOUDFRONT_NO_WEB_ACL, r.loc());
        Ev behaviors = get(dc, "CacheBehaviors");
        List<Ev> all = items(behaviors);
        List<Ev> policies = new ArrayList<>();
        Ev defaultBehavior = get(dc, "DefaultCacheBehavior");
        if (defaultBehavior != null) policies.add(get(defaultBehavior, "ViewerProtocolPolicy"));
        if (all == null) {
            d.viewerProtocolPolicies = c.unknown(behaviors);
        } else {
            for (Ev b : all) policies.add(get(b, "ViewerProtocolPolicy"));
            d.viewerProtocolPolicies = dc == null ? Value.notInInput()
                    : c.strings(new Ev.Arr(nonNull(policies), dc.loc()));
        }
        Ev cert = get(dc, "ViewerCertificate");
        Ev defaultCert = get(cert, "CloudFrontDefaultCertificate");
        if (cert == null || defaultCert instanceof Lit l && "true".equalsIgnoreCase(l.text())) {
            d.minimumProtocolVersion = Value.defaulted(Defaults.CFN_CLOUDFRONT_MIN_TLS,
                    cert == null ? r.loc() : c.at(cert));
        } else {
            d.minimumProtocolVersion = c.str(get(cert, "MinimumProtocolVersion"), Defaults.CFN_CLOUDFRONT_MIN_TLS,
                    c.at(cert));
        }
        Ev logging = get(dc, "Logging");
        d.loggingBucket = logging == null ? Value.defaulted(Defaults.CFN_CLOUDFRONT_NO_LOGGING, r.loc())
                : c.ref(get(logging, "Bucket"));
        d.originDomains = c.list(get(dc, "Origins"), o -> c.str(get(o, "DomainName")));
        d.enabled = c.bool(get(dc, "Enabled"));
        return d;
    }

    private static List<Ev> nonNull(List<Ev> in) {
        List<Ev> out = new ArrayList<>();
        for (Ev e : in) if (e != null) out.add(e);
        return out;
    }

    /**
     * Managed rule groups of a web ACL: names of {@code ManagedRuleGroupStatement}s whose rule is not in count mode
     * ({@code OverrideAction: {Count: {}}} only monitors).
     */
    private WafWebAcl webAcl(Res r) {
        WafWebAcl w = new WafWebAcl(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(w, r, "Name", false);
        w.scope = c.str(get(p, "Scope"));
        Ev action = get(p, "DefaultAction");
        if (action instanceof Obj o) {
            w.defaultAction = o.entries().containsKey("Block") ? Value.explicit("BLOCK", c.at(action))
                    : o.entries().containsKey("Allow") ? Value.explicit("ALLOW", c.at(action))
                    : Value.unknown("DefaultAction is neither Allow nor Block", c.at(action));
        } else {
            w.defaultAction = action == null ? Value.notInInput() : c.unknown(action);
        }
        Ev rules = get(p, "Rules");
        List<Ev> all = items(rules);
        if (all == null) {
            w.managedRuleGroups = c.unknown(rules);
            w.ruleCount = c.unknown(rules);
        } else {
            List<String> groups = new ArrayList<>();
            Value<List<String>> value = null;
            for (Ev rule : all) {
                if (!(rule instanceof Obj)) {
                    value = Value.unknown("a rule is not known: " + Evaluator.reasonOf(rule), c.at(rule));
                    break;
                }
                Ev managed = get(rule, "Statement", "ManagedRuleGroupStatement");
                if (managed == null) continue;
                Ev override = get(rule, "OverrideAction");
                if (override instanceof Obj o && o.entries().containsKey("Count")) continue;
                Value<String> name = c.str(get(managed, "Name"));
                if (!name.isPresent()) {
                    value = Value.unknown("a managed rule group name is not known: " + name.note(), name.provenance());
                    break;
                }
                groups.add(name.get());
            }
            w.managedRuleGroups = value != null ? value
                    : Value.explicit(List.copyOf(groups), rules == null ? r.loc() : c.at(rules));
            w.ruleCount = Value.explicit(all.size(), rules == null ? r.loc() : c.at(rules));
        }
        return w;
    }

    private Route53HealthCheck healthCheck(Res r) {
        Route53HealthCheck h = new Route53HealthCheck(r.id(), r.type(), r.loc());
        Ev cfg = get(r.props(), "HealthCheckConfig");
        h.type = c.str(get(cfg, "Type"));
        h.fqdn = c.str(get(cfg, "FullyQualifiedDomainName"));
        h.port = c.integer(get(cfg, "Port"));
        h.resourcePath = c.str(get(cfg, "ResourcePath"));
        h.failureThreshold = c.integer(get(cfg, "FailureThreshold"), Defaults.CFN_ROUTE53_FAILURE_THRESHOLD, r.loc());
        return h;
    }

    private LogGroup logGroup(Res r) {
        LogGroup g = new LogGroup(r.id(), r.type(), r.loc());
        nameFrom(g, r, "LogGroupName", false);
        g.retentionDays = c.integer(get(r.props(), "RetentionInDays"), Defaults.CFN_LOGS_NEVER_EXPIRE, r.loc());
        g.kmsKey = c.ref(get(r.props(), "KmsKeyId"), Defaults.CFN_LOGS_NO_KMS_KEY, r.loc());
        return g;
    }

    private BackupPlan backupPlan(Res r) {
        BackupPlan b = new BackupPlan(r.id(), r.type(), r.loc());
        Ev plan = get(r.props(), "BackupPlan");
        b.name = c.str(get(plan, "BackupPlanName"));
        b.rules = objects(get(plan, "BackupPlanRule"), rule -> {
            Ev lifecycle = get(rule, "Lifecycle");
            Ev delete = get(lifecycle, "DeleteAfterDays");
            Ev copies = get(rule, "CopyActions");
            return new BackupRule(c.str(get(rule, "RuleName")), c.refText(get(rule, "TargetBackupVault")),
                    c.str(get(rule, "ScheduleExpression")),
                    delete == null ? Value.defaulted(Defaults.CFN_BACKUP_RETAIN_FOREVER, c.at(rule)) : c.integer(delete),
                    copies == null ? Value.defaulted(Defaults.CFN_BACKUP_NO_COPY, c.at(rule))
                            : c.list(copies, a -> c.str(get(a, "DestinationBackupVaultArn"))));
        });
        return b;
    }

    // ------------------------------------------------------------------ folding

    /**
     * Folds a configuring resource into its target; when the target is not in the template (or is not of the expected
     * kind), keeps it as a generic resource with a diagnostic. Returns the generic resource, or null when folded.
     */
    Resource fold(Res r) {
        if (byAlias == null) {
            byAlias = new HashMap<>();
            for (Resource res : built.values()) for (String a : res.aliases()) byAlias.putIfAbsent(a, res);
        }
        Resource target = switch (r.type()) {
            case "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress" -> foldSgRule(r);
            case "AWS::EC2::Route" -> foldRoute(r);
            case "AWS::EC2::SubnetRouteTableAssociation" -> foldRouteTableAssociation(r);
            case "AWS::EC2::NetworkAclEntry" -> foldNaclEntry(r);
            case "AWS::EC2::SubnetNetworkAclAssociation" -> foldNaclAssociation(r);
            case "AWS::EC2::VPCGatewayAttachment" -> foldGatewayAttachment(r);
            case "AWS::ElasticLoadBalancingV2::Listener" -> foldListener(r);
            case "AWS::KMS::Alias" -> foldKmsAlias(r);
            case "AWS::Backup::BackupSelection" -> foldBackupSelection(r);
            case "AWS::SecretsManager::RotationSchedule" -> foldRotation(r);
            case "AWS::S3::BucketPolicy" -> foldBucketPolicy(r);
            default -> throw new IllegalArgumentException(r.type());
        };
        if (target != null) {
            target.addFolded(r.id());
            return null;
        }
        GenericResource g = new GenericResource(r.id(), r.type(), r.loc());
        common(g, r);
        built.put(r.id(), g);
        return g;
    }

    /** The template resource of the expected class that a reference value points at, or null with a diagnostic. */
    private <T extends Resource> T target(Res r, Ev ref, Class<T> cls, String property, String what) {
        Resource found = null;
        if (ref instanceof ResRef rr) found = built.get(rr.logicalId());
        else if (ref instanceof Lit l && l.value() != null) found = byAlias.get(l.text());
        else if (ref instanceof Unk u && u.key() != null) found = byNameExpression.get(u.key());
        if (cls.isInstance(found)) return cls.cast(found);
        String pointsAt = ref == null ? "nothing (" + property + " is not set)"
                : ref instanceof ResRef rr ? rr.logicalId() + (found == null ? "" : " (" + types.get(rr.logicalId()) + ")")
                : ref instanceof Lit l ? "'" + Ev.shown(l) + "'"
                : "a value that is not known (" + Evaluator.reasonOf(ref) + ")";
        diagnostics.add(Diagnostic.warning(r.id() + " (" + r.type() + ") configures " + pointsAt + " through "
                + property + ", which is not " + what + " of this template: kept as a generic resource", r.loc()));
        return null;
    }

    private static String existence(Res r) {
        return r.id() + " exists only if " + r.uncertain();
    }

    private Resource foldSgRule(Res r) {
        Ev p = r.props();
        Ev groupId = get(p, "GroupId");
        Ev ref = groupId != null ? groupId : get(p, "GroupName");
        String property = groupId != null ? "GroupId" : "GroupName";
        SecurityGroup g = foreignGroup(r, ref, property);
        if (g == null) g = target(r, ref, SecurityGroup.class, property, "a security group");
        if (g == null) return null;
        boolean egress = r.type().endsWith("Egress");
        if (egress) standaloneEgress.computeIfAbsent(g, k -> new ArrayList<>()).add(r);
        if (r.uncertain() != null) {
            incomplete(g, "the rule " + existence(r), null);
        } else if (p instanceof Unk u) {
            incomplete(g, "the rule " + r.id() + " is not known: " + u.reason(), p);
        } else {
            addRule(g, p, egress ? SgRule.Direction.EGRESS : SgRule.Direction.INGRESS, r.id());
            // addRule located the rules at the properties; point standalone rules at their resource instead
            relocateLastRules(g, r);
        }
        return g;
    }

    /** Placeholders for groups the template does not declare, by name; and which rule made each. */
    private final Map<String, SecurityGroup> placeholders = new HashMap<>();
    private final Map<String, SecurityGroup> placeholderMadeBy = new HashMap<>();

    /**
     * The placeholder group a standalone rule lands on when its group is not one of the template's: a literal id or
     * name no resource has, a parameter, an imported value, an unknown expression. The rule is an exposure whatever
     * group it lands on, so it is judged there; the group's other rules are unknown. Null when the reference names
     * a resource of the template (or cannot be read as a group at all: {@link #target} then says so).
     */
    private SecurityGroup foreignGroup(Res r, Ev ref, String property) {
        String name;
        if (ref instanceof Lit l && l.value() != null && !l.text().isEmpty() && !byAlias.containsKey(l.text())) {
            name = l.sensitive() ? "(" + property + " of " + r.id() + ")" : l.text();
        } else if (ref instanceof Unk u && (u.key() == null || !byNameExpression.containsKey(u.key()))) {
            String key = u.key() == null || u.sensitive() ? null : u.key();
            name = key != null && key.startsWith("param:") ? "(security group of parameter " + key.substring(6) + ")"
                    : key != null && key.startsWith("import:") ? "(security group imported as " + key.substring(7) + ")"
                    : "(" + property + " of " + r.id() + ")";
            if (u.alternatives() != null) {
                // the branches of an unresolved condition may name groups of this template: none of them is complete
                for (Resource res : built.values()) {
                    if (res instanceof SecurityGroup sg && sg.declaredInInput.is(true)) {
                        incomplete(sg, r.id() + " may add a rule to it (" + u.reason() + ")", null);
                    }
                }
            }
        } else {
            return null;
        }
        SecurityGroup g = placeholders.get(name);
        if (g == null) {
            g = SecurityGroup.placeholder(name, "AWS::EC2::SecurityGroup", r.loc());
            g.region = region;
            placeholders.put(name, g);
            placeholderMadeBy.put(r.id(), g);
        }
        String pointsAt = ref instanceof Lit l ? (l.sensitive() ? "a sensitive value" : "'" + l.text() + "'")
                : "a value that is not known (" + Evaluator.reasonOf(ref) + ")";
        diagnostics.add(Diagnostic.warning(r.id() + " (" + r.type() + ") adds a rule to " + pointsAt + " through "
                + property + ", which is not a security group of this template: judged on placeholder " + g.address()
                + ", whose other rules are unknown", r.loc()));
        return g;
    }

    /** The placeholder group that folding rule {@code ruleId} made (it takes that rule's place in the model), or null. */
    Resource placeholderMadeBy(String ruleId) {
        return placeholderMadeBy.get(ruleId);
    }

    int placeholderCount() {
        return placeholders.size();
    }

    private void relocateLastRules(SecurityGroup g, Res r) {
        for (int i = g.rules.size() - 1; i >= 0 && r.id().equals(g.rules.get(i).origin()); i--) {
            SgRule s = g.rules.get(i);
            g.rules.set(i, new SgRule(s.direction(), s.protocol(), s.fromPort(), s.toPort(), s.peerKind(), s.peerCidr(),
                    s.peerGroup(), s.description(), s.origin(), r.loc()));
        }
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

    private Resource foldListener(Res r) {
        Ev p = r.props();
        LoadBalancer lb = target(r, get(p, "LoadBalancerArn"), LoadBalancer.class, "LoadBalancerArn", "a load balancer");
        if (lb == null) return null;
        if (r.uncertain() != null) {
            diagnostics.add(Diagnostic.info("listener " + existence(r) + "; it is listed on " + lb.address()
                    + " as if it existed", r.loc()));
        }
        Ev actions = get(p, "DefaultActions");
        List<Ev> all = items(actions);
        Ev terminal = null;
        if (all != null) {
            int best = Integer.MIN_VALUE;
            for (Ev a : all) {
                Integer order = Evaluator.asInt(get(a, "Order") instanceof Lit l ? l.value() : null);
                int o = order == null ? Integer.MIN_VALUE + 1 : order;
                if (terminal == null || o >= best) {
                    terminal = a;
                    best = o;
                }
            }
        } else {
            terminal = actions;
        }
        Value<String> type = c.str(get(terminal, "Type"));
        Value<String> redirect = type.isPresent() && type.get().equalsIgnoreCase("redirect")
                ? c.str(get(terminal, "RedirectConfig", "Protocol")) : Value.notInInput();
        Ev tg = get(terminal, "TargetGroupArn");
        if (tg == null) {
            Ev groups = get(terminal, "ForwardConfig", "TargetGroups");
            List<Ev> g = items(groups);
            tg = g == null ? groups : g.isEmpty() ? null : get(g.get(0), "TargetGroupArn");
        }
        Ev certs = get(p, "Certificates");
        List<Ev> certList = items(certs);
        Ev cert = certList == null ? certs : certList.isEmpty() ? null : get(certList.get(0), "CertificateArn");
        lb.listeners.add(new Listener(r.id(), c.integer(get(p, "Port")), c.str(get(p, "Protocol")),
                c.str(get(p, "SslPolicy")), c.str(cert), type, redirect, c.ref(tg), r.loc()));
        return lb;
    }

    private Resource foldKmsAlias(Res r) {
        Ev p = r.props();
        KmsKey k = target(r, get(p, "TargetKeyId"), KmsKey.class, "TargetKeyId", "a KMS key");
        if (k == null) return null;
        String alias = text(get(p, "AliasName"));
        if (alias != null) k.addAlias(alias);
        return k;
    }

    private Resource foldBackupSelection(Res r) {
        Ev p = r.props();
        BackupPlan plan = target(r, get(p, "BackupPlanId"), BackupPlan.class, "BackupPlanId", "a backup plan");
        if (plan == null) return null;
        selections.computeIfAbsent(plan, k -> new ArrayList<>()).add(r);
        return plan;
    }

    private Resource foldRotation(Res r) {
        Ev p = r.props();
        Secret s = target(r, get(p, "SecretId"), Secret.class, "SecretId", "a secret");
        if (s == null) return null;
        rotations.put(s, r);
        return s;
    }

    private Resource foldBucketPolicy(Res r) {
        Ev p = r.props();
        S3Bucket b = target(r, get(p, "Bucket"), S3Bucket.class, "Bucket", "a bucket");
        if (b == null) return null;
        Res previous = bucketPolicies.put(b, r);
        if (previous != null) {
            diagnostics.add(Diagnostic.warning("bucket " + b.address() + " has several bucket policies ("
                    + previous.id() + ", " + r.id() + "): a bucket has one policy, the last one applied wins", r.loc()));
            b.policy = Value.unknown("several bucket policies target this bucket (" + previous.id() + ", " + r.id()
                    + ")", r.loc());
            return b;
        }
        if (r.uncertain() != null) {
            b.policy = Value.unknown("the bucket policy " + existence(r), r.loc());
        } else {
            Ev doc = get(p, "PolicyDocument");
            b.policy = doc == null ? Value.notInInput() : document(doc);
        }
        return b;
    }

    // ------------------------------------------------------------------ after everything is built

    void finish() {
        for (Map.Entry<SecurityGroup, Boolean> e : inlineEgress.entrySet()) defaultEgress(e.getKey(), e.getValue());
        for (Map.Entry<Secret, Res> e : rotations.entrySet()) rotation(e.getKey(), e.getValue());
        for (Map.Entry<BackupPlan, List<Res>> e : selections.entrySet()) selection(e.getKey(), e.getValue());
        for (Resource r : built.values()) {
            if (r instanceof BackupPlan plan && plan.selectedResources == Value.<List<Ref>>notInInput()) {
                plan.selectedResources = Value.explicit(List.of(), plan.location());
            }
        }
    }

    /**
     * CloudFormation (EC2) gives a group an allow-all egress rule when it declares no SecurityGroupEgress, unless
     * standalone egress rules target it (then only those exist).
     */
    private void defaultEgress(SecurityGroup g, boolean inline) {
        if (inline) return;
        List<Res> standalone = standaloneEgress.getOrDefault(g, List.of());
        boolean certain = false;
        Res uncertain = null;
        for (Res r : standalone) {
            if (r.uncertain() == null) certain = true;
            else if (uncertain == null) uncertain = r;
        }
        if (certain) return;
        if (uncertain != null) {
            incomplete(g, "whether EC2's default allow-all egress rule exists depends on " + uncertain.id()
                    + ", which exists only if " + uncertain.uncertain(), null);
            return;
        }
        Value<String> protocol = Value.defaulted(Defaults.CFN_SG_DEFAULT_EGRESS_PROTOCOL, g.location());
        g.rules.add(new SgRule(SgRule.Direction.EGRESS, protocol, Value.notInInput(), Value.notInInput(),
                SgRule.PeerKind.CIDR_IPV4, Value.defaulted(Defaults.CFN_SG_DEFAULT_EGRESS_IPV4, g.location()),
                Value.notInInput(), "default egress rule added by EC2", g.address(), g.location()));
        g.rules.add(new SgRule(SgRule.Direction.EGRESS, protocol, Value.notInInput(), Value.notInInput(),
                SgRule.PeerKind.CIDR_IPV6, Value.defaulted(Defaults.CFN_SG_DEFAULT_EGRESS_IPV6, g.location()),
                Value.notInInput(), "default egress rule added by EC2", g.address(), g.location()));
    }

    private void rotation(Secret s, Res r) {
        if (r.uncertain() != null) {
            s.rotationEnabled = Value.unknown("the rotation schedule " + existence(r), r.loc());
            return;
        }
        Ev p = r.props();
        s.rotationEnabled = p instanceof Unk u ? Value.unknown("the rotation schedule " + r.id() + " is not known: "
                + u.reason(), r.loc()) : Value.explicit(true, r.loc());
        Ev rules = get(p, "RotationRules");
        Ev days = get(rules, "AutomaticallyAfterDays");
        Ev schedule = get(rules, "ScheduleExpression");
        if (days != null) {
            s.rotationDays = c.integer(days);
        } else if (schedule instanceof Lit l && l.value() != null) {
            Matcher m = RATE_DAYS.matcher(l.text().trim());
            s.rotationDays = m.matches() ? Value.explicit(Integer.parseInt(m.group(1)), c.at(schedule))
                    : Value.unknown("rotation schedule '" + Ev.shown(l) + "' is not a rate in days", c.at(schedule));
        } else if (schedule != null) {
            s.rotationDays = c.integer(schedule);
        }
    }

    /** Selected resources: explicit ARNs/references, plus resources whose tags match a STRINGEQUALS tag condition. */
    private void selection(BackupPlan plan, List<Res> selectionResources) {
        List<Ref> selected = new ArrayList<>();
        Value<List<Ref>> unknown = null;
        for (Res r : selectionResources) {
            if (r.uncertain() != null) {
                unknown = Value.unknown("the backup selection " + existence(r), r.loc());
                break;
            }
            Ev sel = get(r.props(), "BackupSelection");
            Ev resources = get(sel, "Resources");
            if (resources != null) {
                Value<List<Ref>> refs = c.refs(resources);
                if (refs.isUnknown()) {
                    unknown = Value.unknown("backup selection " + r.id() + ": " + refs.note(), refs.provenance());
                    break;
                }
                if (refs.isPresent()) selected.addAll(refs.get());
            }
            Ev tags = get(sel, "ListOfTags");
            if (tags != null) {
                List<Ev> conditions = items(tags);
                if (conditions == null) {
                    unknown = Value.unknown("backup selection " + r.id() + ": " + Evaluator.reasonOf(tags), c.at(tags));
                    break;
                }
                for (Ev cond : conditions) {
                    String type = text(get(cond, "ConditionType"));
                    String key = text(get(cond, "ConditionKey"));
                    String value = text(get(cond, "ConditionValue"));
                    if (!"STRINGEQUALS".equals(type) || key == null || value == null) {
                        unknown = Value.unknown("backup selection " + r.id() + " selects by a tag condition that "
                                + "cannot be resolved here: " + Evaluator.reasonOf(cond), c.at(cond));
                        break;
                    }
                    for (Resource res : built.values()) {
                        if (value.equals(res.tag(key))) selected.add(new Ref(res.address()));
                    }
                }
                if (unknown != null) break;
            }
            if (get(sel, "Conditions") != null) {
                unknown = Value.unknown("backup selection " + r.id() + " uses Conditions, which are not resolved",
                        r.loc());
                break;
            }
        }
        plan.selectedResources = unknown != null ? unknown
                : Value.explicit(List.copyOf(selected), selectionResources.get(0).loc());
    }
}
