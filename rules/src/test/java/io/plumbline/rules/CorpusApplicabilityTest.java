package io.plumbline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.engine.Engine;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.Model;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Issue #12, "Done when": on every file of the corpus (the Terraform plans, the CloudFormation templates and the plans
 * of {@code terraform-with-source}, none written for Plumbline and none with a {@code plumbline:*} tag), every rule
 * applies, with no set-up, to exactly the resources the raw file says it should. For each file and rule, the
 * resources the rule judges (any finding but NOT_APPLICABLE) are compared with a set derived here from the raw JSON or
 * YAML, without any Plumbline source:
 *
 * <ul>
 *   <li>BAK-005: every S3 bucket;</li>
 *   <li>BAK-001, BAK-002, ENC-001: every DB cluster; MAZ-006: those whose engine is Aurora (or not written);</li>
 *   <li>NET-003: every DB instance;</li>
 *   <li>ENC-005, ENC-006, MAZ-008, NET-008: every ElastiCache replication group and serverless cache whose engine is
 *       Redis or Valkey (Redis when not written);</li>
 *   <li>ENC-011: every customer-managed KMS key;</li>
 *   <li>NET-009: every security group and EKS node group;</li>
 *   <li>NET-004: every endpoint of a path (load balancer, node group, Auto Scaling group, EC2 instance, EKS cluster,
 *       DB cluster, DB instance outside a cluster, cache, NAT gateway);</li>
 *   <li>NET-007: every DB cluster and DB instance outside a cluster;</li>
 *   <li>NET-013: every subnet a DB or cache subnet group names, and the group itself when one of its subnets is not
 *       in the input (or not known): those subnets' routes cannot be checked;</li>
 *   <li>NET-006: only node groups, Auto Scaling groups and instances (those whose tier is app; which those are
 *       depends on the subnet tiers, which {@code CorpusTiersTest} counts).</li>
 * </ul>
 *
 * <p>NET-009 also judges a group the input does not declare but adds a standalone ingress or egress rule to (a
 * literal {@code sg-} id, a parameter, an import): the rule opens that group whatever it is. The raw reading counts
 * those groups, named as the input names them.
 *
 * A plan's resources are its managed {@code resource_changes} that are not only deleted; a template's are its
 * {@code Resources} with a {@code Type}. A template resource with a {@code Condition} is left out of the comparison
 * (whether it exists depends on parameter values), as are the copies {@code Fn::ForEach} makes.
 */
class CorpusApplicabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RULES = List.of("BAK-001", "BAK-002", "BAK-005", "ENC-001", "ENC-005", "ENC-006",
            "ENC-011", "MAZ-006", "MAZ-008", "NET-003", "NET-004", "NET-006", "NET-007", "NET-008", "NET-009", "NET-013");

    /** One resource as the raw file states it: its address, what it is, its engine (null when not a literal). */
    record Raw(String address, String what, String engine, boolean clusterMember, boolean comparable) {
    }

    static Path corpus(String kind) {
        return Fixtures.corpus(kind);
    }

    static List<Path> corpusFiles() throws Exception {
        List<Path> out = new ArrayList<>();
        for (String kind : List.of("terraform", "cloudformation")) {
            List<String> lines = Files.readAllLines(corpus(kind).resolve("MANIFEST.tsv"));
            for (String l : lines.subList(1, lines.size())) {
                if (!l.isBlank()) out.add(corpus(kind).resolve(l.split("\t")[0]));
            }
        }
        Path tws = corpus("terraform-with-source");
        List<String> lines = Files.readAllLines(tws.resolve("MANIFEST.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int folder = header.indexOf("folder");
        int plan = header.indexOf("plan_file");
        for (String l : lines.subList(1, lines.size())) {
            if (l.isBlank()) continue;
            String[] f = l.split("\t");
            Path file = tws.resolve(f[folder]).resolve(f[plan]);
            assertTrue(Files.isRegularFile(file), file::toString);
            out.add(file);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyRuleAppliesToWhatTheRawFileHolds() throws Exception {
        RuleRegistry registry = RuleRegistry.discover();
        return corpusFiles().stream().map(f -> DynamicTest.dynamicTest(corpus("terraform").getParent().relativize(f).toString(),
                () -> {
                    String text = Files.readString(f);
                    boolean plan = text.stripLeading().startsWith("{") && text.contains("\"format_version\"");
                    List<Raw> raw = plan ? plan(JSON.readTree(text)) : template(text);
                    Map<String, Set<String>> expected = expected(raw);
                    Map<String, Set<String>> judged = judged(Inputs.load(f, SourceOptions.DEFAULT), registry, raw,
                            text.contains("Fn::ForEach"));
                    List<String> diff = new ArrayList<>();
                    for (String rule : RULES) {
                        Set<String> want = expected.getOrDefault(rule, Set.of());
                        Set<String> got = judged.getOrDefault(rule, Set.of());
                        if (rule.equals("NET-006")) {
                            if (!want.containsAll(got)) diff.add(rule + " judges what is not an app workload: " + got);
                            continue;
                        }
                        if (!want.equals(got)) diff.add(rule + ": expected " + want + ", judged " + got);
                    }
                    assertEquals(List.of(), diff, f::toString);
                }));
    }

    /** The corpus has the resources: the walk is not vacuous. */
    @Test
    void theCorpusHoldsResourcesOfEveryRule() throws Exception {
        Map<String, Integer> total = new TreeMap<>();
        for (Path f : corpusFiles()) {
            String text = Files.readString(f);
            boolean plan = text.stripLeading().startsWith("{") && text.contains("\"format_version\"");
            expected(plan ? plan(JSON.readTree(text)) : template(text)).forEach((k, v) -> total.merge(k, v.size(),
                    Integer::sum));
        }
        for (String rule : RULES) assertTrue(total.getOrDefault(rule, 0) >= 1, () -> rule + ": " + total);
        assertTrue(total.get("BAK-005") >= 50 && total.get("NET-009") >= 40 && total.get("NET-004") >= 60,
                total::toString);
    }

    /** Per rule, the addresses (comparable ones only) of the resources it judges. */
    /**
     * Per rule, the resources it judges. A judged resource the raw reading left out of the comparison (a conditional
     * one, a copy of Fn::ForEach) is ignored; one the raw reading does not know at all stays, and shows as unexpected.
     */
    private static Map<String, Set<String>> judged(Model m, RuleRegistry registry, List<Raw> raw, boolean forEach) {
        Set<String> all = new TreeSet<>();
        for (Raw r : raw) all.add(r.address());
        Map<String, Set<String>> out = new TreeMap<>();
        for (Finding f : Engine.evaluate(m, ReferenceArchitecture.profile(), registry.select(RULES)).findings()) {
            if (f.status() == Status.NOT_APPLICABLE || f.resource() == null) continue;
            boolean known = all.contains(f.resource());
            boolean comparable = raw.stream().anyMatch(r -> r.comparable() && r.address().equals(f.resource()));
            if (known && !comparable || !known && forEach) continue;
            out.computeIfAbsent(f.ruleId(), k -> new TreeSet<>()).add(f.resource());
        }
        return out;
    }

    static Map<String, Set<String>> expected(List<Raw> raw) {
        Map<String, Set<String>> out = new TreeMap<>();
        add(out, raw, "BAK-005", r -> r.what().equals("bucket"));
        for (String rule : List.of("BAK-001", "BAK-002", "ENC-001")) add(out, raw, rule, r -> r.what().equals("dbCluster"));
        add(out, raw, "MAZ-006", r -> r.what().equals("dbCluster") && (r.engine() == null
                || r.engine().toLowerCase(Locale.ROOT).startsWith("aurora")));
        add(out, raw, "NET-003", r -> r.what().equals("dbInstance"));
        for (String rule : List.of("ENC-005", "ENC-006", "MAZ-008", "NET-008")) {
            add(out, raw, rule, r -> r.what().equals("cache") && (r.engine() == null
                    || List.of("redis", "valkey").contains(r.engine().toLowerCase(Locale.ROOT))));
        }
        add(out, raw, "ENC-011", r -> r.what().equals("kmsKey"));
        add(out, raw, "NET-009", r -> r.what().equals("securityGroup") || r.what().equals("nodeGroup"));
        Set<String> endpoints = Set.of("loadBalancer", "nodeGroup", "asg", "instance", "eksCluster", "dbCluster",
                "cache", "nat");
        add(out, raw, "NET-004", r -> endpoints.contains(r.what()) || r.what().equals("dbInstance") && !r.clusterMember());
        add(out, raw, "NET-007", r -> r.what().equals("dbCluster") || r.what().equals("dbInstance") && !r.clusterMember());
        add(out, raw, "NET-013", r -> r.what().equals("dataSubnet") || r.what().equals("openSubnetGroup"));
        add(out, raw, "NET-006", r -> Set.of("nodeGroup", "asg", "instance").contains(r.what()));
        return out;
    }

    private static void add(Map<String, Set<String>> out, List<Raw> raw, String rule, Predicate<Raw> applies) {
        for (Raw r : raw) {
            if (r.comparable() && applies.test(r)) out.computeIfAbsent(rule, k -> new TreeSet<>()).add(r.address());
        }
    }

    // ------------------------------------------------------------------ Terraform plans

    private static final Map<String, String> TF = Map.ofEntries(Map.entry("aws_s3_bucket", "bucket"),
            Map.entry("aws_rds_cluster", "dbCluster"), Map.entry("aws_db_instance", "dbInstance"),
            Map.entry("aws_rds_cluster_instance", "dbInstance"),
            Map.entry("aws_elasticache_replication_group", "cache"),
            Map.entry("aws_elasticache_serverless_cache", "cache"), Map.entry("aws_kms_key", "kmsKey"),
            Map.entry("aws_security_group", "securityGroup"), Map.entry("aws_default_security_group", "securityGroup"),
            Map.entry("aws_eks_node_group", "nodeGroup"), Map.entry("aws_instance", "instance"),
            Map.entry("aws_autoscaling_group", "asg"), Map.entry("aws_lb", "loadBalancer"),
            Map.entry("aws_alb", "loadBalancer"), Map.entry("aws_nat_gateway", "nat"),
            Map.entry("aws_eks_cluster", "eksCluster"));

    private static final Set<String> TF_SG_RULES = Set.of("aws_security_group_rule",
            "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule");

    static List<Raw> plan(JsonNode plan) {
        List<Raw> out = new ArrayList<>();
        Set<String> knownGroupIds = new TreeSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            String type = rc.path("type").asText();
            if (("aws_security_group".equals(type) || "aws_default_security_group".equals(type))
                    && rc.path("change").path("after").path("id").isTextual()) {
                knownGroupIds.add(rc.path("change").path("after").path("id").asText());
            }
        }
        Set<String> foreign = new TreeSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            // A standalone rule on a group the plan does not manage opens that group all the same: it is judged there.
            if (!TF_SG_RULES.contains(rc.path("type").asText()) || !"managed".equals(rc.path("mode").asText("managed"))) {
                continue;
            }
            JsonNode actions = rc.path("change").path("actions");
            if (actions.size() == 1 && "delete".equals(actions.get(0).asText())) continue;
            JsonNode group = rc.path("change").path("after").path("security_group_id");
            if (group.isTextual()) {
                if (!knownGroupIds.contains(group.asText())) foreign.add(group.asText());
            } else if (references(plan, rc.path("address").asText(), "security_group_id").stream()
                    .noneMatch(r -> r.matches("(.*\\.)?aws_(default_)?security_group\\.[^.]+(\\.id)?"))) {
                foreign.add("(security_group_id of " + rc.path("address").asText() + ")");
            }
        }
        for (String g : foreign) out.add(new Raw(g, "securityGroup", null, false, true));
        out.addAll(planDataSubnets(plan));
        for (JsonNode rc : plan.path("resource_changes")) {
            if (!"managed".equals(rc.path("mode").asText("managed"))) continue;
            JsonNode actions = rc.path("change").path("actions");
            if (actions.size() == 1 && "delete".equals(actions.get(0).asText())) continue;
            String what = TF.get(rc.path("type").asText());
            if (what == null) continue;
            JsonNode after = rc.path("change").path("after");
            JsonNode engine = after.path("engine");
            String eng = engine.isTextual() ? engine.asText()
                    : engine.isNull() || engine.isMissingNode() ? defaultEngine(rc.path("type").asText(), rc) : null;
            out.add(new Raw(rc.path("address").asText(), what, eng,
                    rc.path("type").asText().equals("aws_rds_cluster_instance"), true));
        }
        return out;
    }

    /**
     * The subnets DB and cache subnet groups name (a literal id of a subnet of the plan, or the configuration's
     * reference to one: every instance of a bare reference), and the groups that name a subnet the plan does not hold
     * or cannot be read.
     */
    private static List<Raw> planDataSubnets(JsonNode plan) {
        Map<String, List<String>> subnets = new TreeMap<>(); // resource key -> instances
        Map<String, String> ids = new TreeMap<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            if (!"aws_subnet".equals(rc.path("type").asText()) || !"managed".equals(rc.path("mode").asText("managed"))) {
                continue;
            }
            JsonNode actions = rc.path("change").path("actions");
            if (actions.size() == 1 && "delete".equals(actions.get(0).asText())) continue;
            String a = rc.path("address").asText();
            subnets.computeIfAbsent(a.replaceFirst("\\[[^\\]]*]$", ""), k -> new ArrayList<>()).add(a);
            if (rc.path("change").path("after").path("id").isTextual()) ids.put(rc.path("change").path("after").path("id").asText(), a);
        }
        Set<String> data = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            String type = rc.path("type").asText();
            if (!type.equals("aws_db_subnet_group") && !type.equals("aws_elasticache_subnet_group")
                    || !"managed".equals(rc.path("mode").asText("managed"))) {
                continue;
            }
            JsonNode actions = rc.path("change").path("actions");
            if (actions.size() == 1 && "delete".equals(actions.get(0).asText())) continue;
            String address = rc.path("address").asText();
            JsonNode list = rc.path("change").path("after").path("subnet_ids");
            if (list.isArray()) {
                for (JsonNode id : list) {
                    if (ids.containsKey(id.asText())) data.add(ids.get(id.asText()));
                    else open.add(address);
                }
                continue;
            }
            int at = address.lastIndexOf("aws_");
            String module = address.substring(0, at);
            boolean any = false;
            for (String ref : references(plan, address, "subnet_ids")) {
                List<String> instances = subnets.get(module + ref.replaceFirst("\\.id$", ""));
                if (ref.startsWith("aws_subnet.") && instances != null) {
                    data.addAll(instances);
                    any = true;
                }
            }
            if (!any) open.add(address);
        }
        List<Raw> out = new ArrayList<>();
        data.forEach(a -> out.add(new Raw(a, "dataSubnet", null, false, true)));
        open.forEach(a -> out.add(new Raw(a, "openSubnetGroup", null, false, true)));
        return out;
    }

    /** The "references" of {@code attr} in the configuration resource of {@code address} (modules followed). */
    private static List<String> references(JsonNode plan, String address, String attr) {
        String rest = address.replaceAll("\\[[^\\]]*]", "");
        JsonNode module = plan.path("configuration").path("root_module");
        while (rest.startsWith("module.")) {
            int dot = rest.indexOf('.', "module.".length());
            module = module.path("module_calls").path(rest.substring("module.".length(), dot)).path("module");
            rest = rest.substring(dot + 1);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode r : module.path("resources")) {
            if (rest.equals(r.path("address").asText())) {
                r.path("expressions").path(attr).path("references").forEach(x -> out.add(x.asText()));
            }
        }
        return out;
    }

    /**
     * The provider's default engine when the plan has none: {@code aws_rds_cluster} "aurora" (provider 3-4, before
     * {@code engine} was required), a replication group "redis"; null (unknown) when the value is known only after
     * apply.
     */
    private static String defaultEngine(String type, JsonNode rc) {
        if (rc.path("change").path("after_unknown").path("engine").asBoolean(false)) return null;
        return switch (type) {
            case "aws_rds_cluster" -> "aurora";
            case "aws_elasticache_replication_group" -> "redis";
            default -> null;
        };
    }

    // ------------------------------------------------------------------ CloudFormation templates

    private static final Map<String, String> CFN = Map.ofEntries(Map.entry("AWS::S3::Bucket", "bucket"),
            Map.entry("AWS::RDS::DBCluster", "dbCluster"), Map.entry("AWS::RDS::DBInstance", "dbInstance"),
            Map.entry("AWS::ElastiCache::ReplicationGroup", "cache"),
            Map.entry("AWS::ElastiCache::ServerlessCache", "cache"), Map.entry("AWS::KMS::Key", "kmsKey"),
            Map.entry("AWS::EC2::SecurityGroup", "securityGroup"), Map.entry("AWS::EKS::Nodegroup", "nodeGroup"),
            Map.entry("AWS::EC2::Instance", "instance"), Map.entry("AWS::AutoScaling::AutoScalingGroup", "asg"),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "loadBalancer"),
            Map.entry("AWS::EC2::NatGateway", "nat"), Map.entry("AWS::EKS::Cluster", "eksCluster"));

    static List<Raw> template(String text) {
        if (text.stripLeading().startsWith("{")) text = text.replace('\t', ' ');
        Node root = new Compose(LoadSettings.builder().setMaxAliasesForCollections(1000).build())
                .composeString(text).orElseThrow();
        List<Raw> out = new ArrayList<>();
        if (!(get(root, "Resources") instanceof MappingNode resources)) return out;
        Map<String, String> types = new TreeMap<>();
        for (NodeTuple t : resources.getValue()) {
            String type = scalar(get(t.getValueNode(), "Type"));
            if (scalar(t.getKeyNode()) != null && type != null) types.put(scalar(t.getKeyNode()), type);
        }
        Map<String, Boolean> foreign = new TreeMap<>(); // name -> whether an unconditional rule lands on it
        for (NodeTuple t : resources.getValue()) {
            String id = scalar(t.getKeyNode());
            String type = types.get(id);
            if (!"AWS::EC2::SecurityGroupIngress".equals(type) && !"AWS::EC2::SecurityGroupEgress".equals(type)) continue;
            Node props = get(t.getValueNode(), "Properties");
            Node group = get(props, "GroupId") != null ? get(props, "GroupId") : get(props, "GroupName");
            String name = foreignGroup(root, types, id, group, get(props, "GroupId") != null ? "GroupId" : "GroupName");
            if (name != null) foreign.merge(name, get(t.getValueNode(), "Condition") == null, Boolean::logicalOr);
        }
        foreign.forEach((g, comparable) -> out.add(new Raw(g, "securityGroup", null, false, comparable)));
        Map<String, Boolean> data = new TreeMap<>(); // subnet -> comparable
        for (NodeTuple t : resources.getValue()) {
            String id = scalar(t.getKeyNode());
            String type = types.get(id);
            if (!"AWS::RDS::DBSubnetGroup".equals(type) && !"AWS::ElastiCache::SubnetGroup".equals(type)) continue;
            boolean conditional = get(t.getValueNode(), "Condition") != null;
            Node list = get(get(t.getValueNode(), "Properties"), "SubnetIds");
            boolean open = !(list instanceof org.snakeyaml.engine.v2.nodes.SequenceNode);
            if (list instanceof org.snakeyaml.engine.v2.nodes.SequenceNode q) {
                for (Node item : q.getValue()) {
                    String target = refOrGetAtt(item);
                    if (target != null && "AWS::EC2::Subnet".equals(types.get(target))) {
                        boolean subnetConditional = get(get(resources, target), "Condition") != null;
                        data.merge(target, !conditional && !subnetConditional, Boolean::logicalOr);
                    } else {
                        open = true;
                    }
                }
            }
            if (open) out.add(new Raw(id, "openSubnetGroup", null, false, !conditional));
        }
        data.forEach((subnet, comparable) -> out.add(new Raw(subnet, "dataSubnet", null, false, comparable)));
        for (NodeTuple t : resources.getValue()) {
            String id = scalar(t.getKeyNode());
            String type = types.get(id);
            String what = type == null ? null : CFN.get(type);
            if (what == null) continue;
            Node props = get(t.getValueNode(), "Properties");
            boolean literalEngine = get(props, "Engine") == null || scalar(get(props, "Engine")) != null
                    && get(props, "Engine").getTag().getValue().startsWith("tag:yaml.org");
            String engine = literalEngine ? scalar(get(props, "Engine")) : null;
            if (engine == null && literalEngine && what.equals("cache")) engine = "redis";
            out.add(new Raw(id, what, engine, get(props, "DBClusterIdentifier") != null,
                    get(t.getValueNode(), "Condition") == null));
        }
        return out;
    }

    /**
     * The group a standalone rule lands on when the template does not declare it, as the input names it: a literal
     * id, a parameter's default, else "(security group of parameter P)", "(security group imported as X)" or
     * "(GroupId of RULE)". Null when it is a group of the template.
     */
    private static String foreignGroup(Node root, Map<String, String> types, String rule, Node group, String property) {
        if (group instanceof ScalarNode s && !s.getTag().getValue().startsWith("!")) return s.getValue();
        String target = refOrGetAtt(group);
        if (target != null && "AWS::EC2::SecurityGroup".equals(types.get(target))) return null;
        if (target != null && !types.containsKey(target) && get(get(root, "Parameters"), target) != null) {
            String def = scalar(get(get(get(root, "Parameters"), target), "Default"));
            return def != null && !def.isEmpty() ? def : "(security group of parameter " + target + ")";
        }
        String imported = importName(group);
        if (imported != null) return "(security group imported as " + imported + ")";
        return "(" + property + " of " + rule + ")";
    }

    /** X of {@code Ref X}, {@code !Ref X}, {@code !GetAtt X.GroupId}, {@code Fn::GetAtt [X, GroupId]}. */
    private static String refOrGetAtt(Node n) {
        if (n instanceof ScalarNode s && "!Ref".equals(s.getTag().getValue())) return s.getValue();
        if (n instanceof ScalarNode s && "!GetAtt".equals(s.getTag().getValue())) return s.getValue().split("\\.")[0];
        if (n instanceof org.snakeyaml.engine.v2.nodes.SequenceNode q && "!GetAtt".equals(q.getTag().getValue())) {
            return scalar(q.getValue().get(0));
        }
        if (n instanceof MappingNode m && m.getValue().size() == 1) {
            String fn = scalar(m.getValue().get(0).getKeyNode());
            Node arg = m.getValue().get(0).getValueNode();
            if ("Ref".equals(fn)) return scalar(arg);
            if ("Fn::GetAtt".equals(fn)) {
                if (arg instanceof org.snakeyaml.engine.v2.nodes.SequenceNode q) return scalar(q.getValue().get(0));
                if (scalar(arg) != null) return scalar(arg).split("\\.")[0];
            }
        }
        return null;
    }

    /** The literal export name of {@code Fn::ImportValue}, else null. */
    private static String importName(Node n) {
        if (n instanceof ScalarNode s && "!ImportValue".equals(s.getTag().getValue())) return s.getValue();
        if (n instanceof MappingNode m && m.getValue().size() == 1
                && "Fn::ImportValue".equals(scalar(m.getValue().get(0).getKeyNode()))) {
            return scalar(m.getValue().get(0).getValueNode());
        }
        return null;
    }

    private static Node get(Node n, String key) {
        if (!(n instanceof MappingNode m)) return null;
        for (NodeTuple t : m.getValue()) if (key.equals(scalar(t.getKeyNode()))) return t.getValueNode();
        return null;
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }
}
