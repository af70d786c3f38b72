package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.testing.Shared;
import io.plumbline.model.Model;
import io.plumbline.model.network.Subnet;
import io.plumbline.profile.Profile;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Tiers without tags on every real CloudFormation template of the corpus (issue #12): the subnet tiers {@link Tiers}
 * infers are counted against counts derived here, independently, from the raw template's node tree (no Plumbline
 * source involved): public = explicitly associated with a route table that has an {@code AWS::EC2::Route} of
 * {@code 0.0.0.0/0} or {@code ::/0} to an {@code AWS::EC2::InternetGateway} of the template (or an {@code igw-} id);
 * data = named by a DB or cache subnet group, and not public; app = named by an Auto Scaling group, an EC2 instance,
 * an EKS node group or an EKS cluster, and neither public nor data. Templates have no main-table association, so an
 * unassociated subnet has the VPC's implicit main table (local only). Every VPC with an internet gateway route thus
 * has a public tier.
 */
class CorpusTiersTest {
    private static final Profile PROFILE = new Profile("t", 3, null, null, new Profile.Aurora(1, 7),
            new Profile.Cache(1, 7), new Profile.Network(List.of(22, 3389), "plumbline:tier"),
            new Profile.Roles("plumbline:role", List.of(), Map.of(), "plumbline.io/criticality"), List.of());

    @TestFactory
    Stream<DynamicTest> inferredSubnetTiersMatchTheRawTemplate() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Shared.corpus("cloudformation"))) {
            s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        assertTrue(files.size() > 40, "corpus templates: " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Set<String> compared = new HashSet<>();
            Map<String, Integer> expected = expectedTiers(Files.readString(f), compared);
            assertInferredTiers(f, expected, compared);
        }));
    }

    /** The tiers Plumbline infers for the {@code compared} subnets of {@code f}, counted, equal {@code expected}. */
    private static void assertInferredTiers(Path f, Map<String, Integer> expected, Set<String> compared)
            throws Exception {
        Model m = Inputs.load(f, SourceOptions.DEFAULT);
        Map<String, Integer> actual = new TreeMap<>();
        List<String> how = new ArrayList<>();
        for (Map.Entry<Subnet, Tiers.Decision> e : Tiers.of(m, PROFILE).subnets().entrySet()) {
            if (!compared.contains(e.getKey().address())) continue;
            Tiers.Decision d = e.getValue();
            actual.merge(!d.known() ? "unknown" : d.tier() == null ? "none" : d.tier(), 1, Integer::sum);
            how.add(e.getKey().address() + " " + d.explain());
        }
        assertEquals(expected, actual, () -> f + "\n  " + String.join("\n  ", how));
    }

    /**
     * The same for every Terraform plan of the corpus (and of {@code terraform-with-source}), against counts read from
     * the raw plan: ids of resources being created are known only after apply, so links are followed through the
     * configuration's {@code references} ({@link #expectedPlanTiers}).
     */
    @TestFactory
    Stream<DynamicTest> inferredSubnetTiersMatchTheRawPlan() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Shared.corpus("terraform"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(Shared.corpus("terraform-with-source"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertTrue(files.size() > 50, "corpus plans: " + files.size());
        Map<String, Integer> all = new TreeMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            JsonNode plan = new ObjectMapper().readTree(f.toFile());
            if (!plan.has("format_version")) continue;
            Set<String> compared = new HashSet<>();
            Map<String, Integer> expected = expectedPlanTiers(plan, compared);
            expected.forEach((k, v) -> all.merge(k, v, Integer::sum));
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> assertInferredTiers(f, expected,
                    compared)));
        }
        // the plans with a network have public and untiered subnets: the comparison is not vacuous
        assertTrue(all.getOrDefault("public", 0) >= 3 && all.getOrDefault("none", 0) >= 5, all::toString);
        return tests.stream();
    }

    /** The corpus has multi-tier templates: the test is not vacuous. */
    @Test
    void theCorpusHasPublicAppAndDataSubnets() throws Exception {
        Map<String, Integer> all = new TreeMap<>();
        try (Stream<Path> s = Files.list(Shared.corpus("cloudformation"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")).toList()) {
                expectedTiers(Files.readString(f), new HashSet<>()).forEach((k, v) -> all.merge(k, v, Integer::sum));
            }
        }
        assertTrue(all.getOrDefault("public", 0) >= 10 && all.getOrDefault("app", 0) >= 2, all::toString);
    }

    // ------------------------------------------------------------------------------------ independent reading

    /**
     * The expected count per tier ({@code public}, {@code data}, {@code app}, {@code none}, {@code unknown}); fills
     * {@code compared} with the subnets counted. A subnet that a {@code Condition} touches (its own, its association's,
     * its table's route's, a group's or a workload's that names it) is left out: whether it exists, or how it is
     * placed, depends on parameter values.
     */
    static Map<String, Integer> expectedTiers(String text, Set<String> compared) {
        if (text.stripLeading().startsWith("{")) text = text.replace('\t', ' '); // JSON whitespace; YAML forbids tabs
        Node root = new Compose(LoadSettings.builder().setMaxAliasesForCollections(1000).build())
                .composeString(text).orElseThrow();
        Node resources = get(root, "Resources");
        Map<String, String> types = new HashMap<>();
        Map<String, Node> props = new HashMap<>();
        Set<String> conditional = new HashSet<>();
        if (resources instanceof MappingNode rm) {
            for (NodeTuple t : rm.getValue()) {
                String id = scalar(t.getKeyNode());
                types.put(id, scalar(get(t.getValueNode(), "Type")));
                props.put(id, get(t.getValueNode(), "Properties"));
                if (get(t.getValueNode(), "Condition") != null) conditional.add(id);
            }
        }
        Set<String> excluded = new HashSet<>(conditional);
        Set<String> conditionalTables = new HashSet<>();
        Set<String> publicTables = new HashSet<>();
        for (String id : types.keySet()) {
            if (!"AWS::EC2::Route".equals(types.get(id))) continue;
            Node p = props.get(id);
            String dest = scalar(get(p, "DestinationCidrBlock"));
            String dest6 = scalar(get(p, "DestinationIpv6CidrBlock"));
            if (!"0.0.0.0/0".equals(dest) && !"::/0".equals(dest6)) continue;
            Node gw = get(p, "GatewayId");
            String target = ref(gw);
            boolean igw = target != null ? "AWS::EC2::InternetGateway".equals(types.get(target))
                    : scalar(gw) != null && scalar(gw).startsWith("igw-");
            String table = ref(get(p, "RouteTableId"));
            if (igw && table != null) publicTables.add(table);
            if (conditional.contains(id) && table != null) conditionalTables.add(table);
        }
        Set<String> pub = new HashSet<>();
        Set<String> associated = new HashSet<>();
        for (String id : types.keySet()) {
            if (!"AWS::EC2::SubnetRouteTableAssociation".equals(types.get(id))) continue;
            String subnet = ref(get(props.get(id), "SubnetId"));
            String table = ref(get(props.get(id), "RouteTableId"));
            if (subnet != null && publicTables.contains(table)) pub.add(subnet);
            if (subnet != null) associated.add(subnet);
            if (subnet != null && (conditional.contains(id) || conditionalTables.contains(table))) excluded.add(subnet);
        }
        Set<String> data = new HashSet<>();
        Set<String> app = new HashSet<>();
        for (String id : types.keySet()) {
            Node p = props.get(id);
            List<String> named = new ArrayList<>();
            switch (String.valueOf(types.get(id))) {
                case "AWS::RDS::DBSubnetGroup", "AWS::ElastiCache::SubnetGroup" -> data.addAll(named = refs(get(p, "SubnetIds")));
                case "AWS::AutoScaling::AutoScalingGroup" -> app.addAll(named = refs(get(p, "VPCZoneIdentifier")));
                case "AWS::EKS::Nodegroup" -> app.addAll(named = refs(get(p, "Subnets")));
                case "AWS::EKS::Cluster" -> app.addAll(named = refs(get(get(p, "ResourcesVpcConfig"), "SubnetIds")));
                case "AWS::EC2::Instance" -> {
                    named = new ArrayList<>(refs(get(p, "SubnetId")));
                    if (get(p, "NetworkInterfaces") instanceof SequenceNode s) {
                        for (Node n : s.getValue()) named.addAll(refs(get(n, "SubnetId")));
                    }
                    app.addAll(named);
                }
                default -> {
                }
            }
            if (conditional.contains(id)) excluded.addAll(named);
        }
        Map<String, Integer> out = new TreeMap<>();
        for (String id : types.keySet()) {
            if (!"AWS::EC2::Subnet".equals(types.get(id)) || excluded.contains(id)) continue;
            compared.add(id);
            // without an association a subnet has its VPC's main table: the implicit one (local only) when the VPC is
            // the template's, unknown when the VPC is only named by id
            String vpc = ref(get(props.get(id), "VpcId"));
            boolean mainKnown = vpc != null && "AWS::EC2::VPC".equals(types.get(vpc));
            String t = pub.contains(id) ? "public" : !associated.contains(id) && !mainKnown ? "unknown"
                    : data.contains(id) ? "data" : app.contains(id) ? "app" : "none";
            out.merge(t, 1, Integer::sum);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ raw plans

    /**
     * The expected count per tier of a plan's subnets, read from {@code resource_changes} (managed, not only deleted)
     * and the configuration's {@code references}; fills {@code compared}. A reference without an index names every
     * instance of a counted resource; an association of such a reference gives each of those subnets every table it
     * may name. A subnet is public when every table it may be associated with has a default route ({@code 0.0.0.0/0}
     * or {@code ::/0}, inline or {@code aws_route}) to an internet gateway of the plan (or an {@code igw-} id), not
     * unknown when a table's default route goes to a gateway known only after apply that the configuration does not name
 * (an internet gateway or a virtual private gateway), not public when none has, and left out when some may and some not (which instance goes where is in an expression
     * the plan does not evaluate), as is a subnet whose route table association or VPC is not in the plan. Data = named
     * by a DB or cache subnet group; app = named by an Auto Scaling group, EKS node group or cluster, or instance.
     */
    static Map<String, Integer> expectedPlanTiers(JsonNode plan, Set<String> compared) {
        Map<String, List<String>> byKey = new HashMap<>(); // resource key (address without its index) -> instances
        Map<String, JsonNode> changes = new HashMap<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            if (!"managed".equals(rc.path("mode").asText("managed"))) continue;
            JsonNode actions = rc.path("change").path("actions");
            if (actions.size() == 1 && "delete".equals(actions.get(0).asText())) continue;
            String address = rc.path("address").asText();
            changes.put(address, rc);
            byKey.computeIfAbsent(key(address), k -> new ArrayList<>()).add(address);
        }
        Set<String> igws = new HashSet<>();
        Map<String, Boolean> publicTable = new HashMap<>(); // table instance -> has an IGW default route
        Set<String> ambiguousTables = new HashSet<>();
        Set<String> unknownTables = new HashSet<>();
        for (JsonNode rc : changes.values()) {
            String type = rc.path("type").asText();
            if (type.equals("aws_internet_gateway")) igws.add(rc.path("address").asText());
            if (type.equals("aws_route_table")) publicTable.put(rc.path("address").asText(), false);
        }
        for (JsonNode rc : changes.values()) {
            String address = rc.path("address").asText();
            JsonNode after = rc.path("change").path("after");
            if (rc.path("type").asText().equals("aws_route_table")) {
                int i = 0;
                for (JsonNode r : after.path("route")) {
                    boolean dflt = "0.0.0.0/0".equals(r.path("cidr_block").asText())
                            || "::/0".equals(r.path("ipv6_cidr_block").asText());
                    JsonNode expr = config(plan, address).path("expressions").path("route");
                    JsonNode block = expr.isArray() && expr.size() > i ? expr.get(i) : expr;
                    List<String> gw = refs(block.path("gateway_id"));
                    if (dflt && (r.path("gateway_id").asText().startsWith("igw-")
                            || !resolve(byKey, address, gw, "aws_internet_gateway.").isEmpty())) {
                        publicTable.put(address, true);
                    } else if (dflt && gw.isEmpty() && rc.path("change").path("after_unknown").path("route").path(i)
                            .path("gateway_id").asBoolean(false)) {
                        unknownTables.add(address); // a gateway known only after apply: an IGW or a VGW
                    }
                    i++;
                }
            }
            if (rc.path("type").asText().equals("aws_route")) {
                boolean dflt = "0.0.0.0/0".equals(after.path("destination_cidr_block").asText())
                        || "::/0".equals(after.path("destination_ipv6_cidr_block").asText());
                JsonNode ex = config(plan, address).path("expressions");
                boolean igw = after.path("gateway_id").asText().startsWith("igw-")
                        || !resolve(byKey, address, refs(ex.path("gateway_id")), "aws_internet_gateway.").isEmpty();
                if (!dflt || !igw) continue;
                List<String> tables = resolve(byKey, address, refs(ex.path("route_table_id")), "aws_route_table.");
                if (tables.size() == 1) publicTable.put(tables.get(0), true);
                else ambiguousTables.addAll(tables);
            }
        }
        Map<String, Set<String>> tablesOf = new HashMap<>();
        for (JsonNode rc : changes.values()) {
            if (!rc.path("type").asText().equals("aws_route_table_association")) continue;
            String address = rc.path("address").asText();
            JsonNode ex = config(plan, address).path("expressions");
            List<String> tables = resolve(byKey, address, refs(ex.path("route_table_id")), "aws_route_table.");
            for (String subnet : resolve(byKey, address, refs(ex.path("subnet_id")), "aws_subnet.")) {
                tablesOf.computeIfAbsent(subnet, k -> new HashSet<>()).addAll(tables);
            }
        }
        boolean mainTableInPlan = changes.values().stream().anyMatch(rc -> Set.of("aws_main_route_table_association",
                "aws_default_route_table").contains(rc.path("type").asText()));
        Set<String> data = new HashSet<>();
        Set<String> app = new HashSet<>();
        Set<String> unclear = new HashSet<>();
        for (JsonNode rc : changes.values()) {
            String address = rc.path("address").asText();
            JsonNode ex = config(plan, address).path("expressions");
            switch (rc.path("type").asText()) {
                case "aws_db_subnet_group", "aws_elasticache_subnet_group" ->
                        data.addAll(resolve(byKey, address, refs(ex.path("subnet_ids")), "aws_subnet."));
                case "aws_autoscaling_group" ->
                        app.addAll(resolve(byKey, address, refs(ex.path("vpc_zone_identifier")), "aws_subnet."));
                case "aws_eks_node_group" -> app.addAll(resolve(byKey, address, refs(ex.path("subnet_ids")), "aws_subnet."));
                case "aws_eks_cluster" -> app.addAll(resolve(byKey, address, refs(ex.path("vpc_config")), "aws_subnet."));
                case "aws_instance" -> {
                    List<String> one = resolve(byKey, address, refs(ex.path("subnet_id")), "aws_subnet.");
                    if (one.size() == 1) app.addAll(one);
                    else unclear.addAll(one); // one of several: which one is in an expression
                }
                default -> {
                }
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode rc : changes.values()) {
            if (!rc.path("type").asText().equals("aws_subnet")) continue;
            String subnet = rc.path("address").asText();
            Set<String> tables = tablesOf.getOrDefault(subnet, Set.of());
            boolean pub;
            if (!tables.isEmpty() && tables.stream().anyMatch(unknownTables::contains)
                    && tables.stream().noneMatch(t -> publicTable.getOrDefault(t, false))) {
                compared.add(subnet);
                out.merge("unknown", 1, Integer::sum);
                continue;
            }
            if (!tables.isEmpty()) {
                if (tables.stream().anyMatch(ambiguousTables::contains)
                        || !tables.stream().allMatch(t -> publicTable.getOrDefault(t, false))
                        && tables.stream().anyMatch(t -> publicTable.getOrDefault(t, false))
                        || !tables.stream().allMatch(publicTable::containsKey)) {
                    continue;
                }
                pub = publicTable.get(tables.iterator().next());
            } else {
                // no association: the VPC's main table, the implicit one (local only) when the VPC is created here
                // and nothing in the plan changes its main table
                boolean vpcInPlan = !resolve(byKey, subnet, refs(config(plan, subnet).path("expressions")
                        .path("vpc_id")), "aws_vpc.").isEmpty();
                if (!vpcInPlan || mainTableInPlan) continue;
                pub = false;
            }
            if (unclear.contains(subnet)) continue;
            compared.add(subnet);
            out.merge(pub ? "public" : data.contains(subnet) ? "data" : app.contains(subnet) ? "app" : "none", 1,
                    Integer::sum);
        }
        return out;
    }

    /** The address without its last index: {@code module.vpc.aws_subnet.public[0]} -> {@code module.vpc.aws_subnet.public}. */
    private static String key(String address) {
        return address.replaceFirst("\\[[^\\]]*]$", "");
    }

    /** The configuration resource of an instance address (module calls followed, indexes dropped). */
    private static JsonNode config(JsonNode plan, String address) {
        String rest = address.replaceAll("\\[[^\\]]*]", "");
        JsonNode module = plan.path("configuration").path("root_module");
        while (rest.startsWith("module.")) {
            int dot = rest.indexOf('.', "module.".length());
            module = module.path("module_calls").path(rest.substring("module.".length(), dot)).path("module");
            rest = rest.substring(dot + 1);
        }
        for (JsonNode r : module.path("resources")) if (rest.equals(r.path("address").asText())) return r;
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Every {@code references} entry under an expression (nested blocks included). */
    private static List<String> refs(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("references") && e.getValue().isArray()) e.getValue().forEach(r -> out.add(r.asText()));
                else out.addAll(refs(e.getValue()));
            });
        } else if (n.isArray()) {
            n.forEach(x -> out.addAll(refs(x)));
        }
        return out;
    }

    /**
     * The instances of the plan that references starting with {@code prefix} name, in the referencing instance's
     * module: one instance for an indexed reference, every instance for a bare one.
     */
    private static List<String> resolve(Map<String, List<String>> byKey, String from, List<String> references,
                                        String prefix) {
        int at = from.lastIndexOf("aws_");
        String module = at < 0 ? "" : from.substring(0, at);
        List<String> out = new ArrayList<>();
        for (String r : references) {
            if (!r.startsWith(prefix)) continue;
            String target = module + r.replaceFirst("\\.(id|arn)$", "");
            List<String> instances = byKey.get(key(target));
            if (instances == null) continue;
            if (target.endsWith("]")) {
                if (instances.contains(target)) out.add(target);
            } else {
                out.addAll(instances);
            }
        }
        return out.stream().distinct().toList();
    }

    private static Node get(Node n, String key) {
        if (!(n instanceof MappingNode m)) return null;
        for (NodeTuple t : m.getValue()) if (key.equals(scalar(t.getKeyNode()))) return t.getValueNode();
        return null;
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    /** {@code !Ref X} or {@code {"Ref": "X"}}: X; else null. */
    private static String ref(Node n) {
        if (n instanceof ScalarNode s && "!Ref".equals(s.getTag().getValue())) return s.getValue();
        if (n instanceof MappingNode m && m.getValue().size() == 1 && "Ref".equals(scalar(m.getValue().get(0).getKeyNode()))) {
            return scalar(m.getValue().get(0).getValueNode());
        }
        return null;
    }

    /** The logical ids a list (or a single value) refers to. */
    private static List<String> refs(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof SequenceNode s) {
            for (Node e : s.getValue()) if (ref(e) != null) out.add(ref(e));
        } else if (ref(n) != null) {
            out.add(ref(n));
        }
        return out;
    }
}
