package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            Model m = Inputs.load(f, SourceOptions.DEFAULT);
            Map<String, Integer> actual = new TreeMap<>();
            List<String> how = new ArrayList<>();
            for (Map.Entry<Subnet, Tiers.Decision> e : Tiers.of(m, PROFILE).subnets().entrySet()) {
                if (!compared.contains(e.getKey().address())) continue;
                Tiers.Decision d = e.getValue();
                String t = !d.known() ? "unknown" : d.tier() == null ? "none" : d.tier();
                actual.merge(t, 1, Integer::sum);
                how.add(e.getKey().address() + " " + d.explain());
            }
            assertEquals(expected, actual, () -> f + "\n  " + String.join("\n  ", how));
        }));
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
