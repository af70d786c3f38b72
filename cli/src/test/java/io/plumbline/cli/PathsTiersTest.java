package io.plumbline.cli;

import static io.plumbline.cli.CommandLineTest.plumbline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code plumbline paths} on a real multi-tier template with no {@code plumbline:*} tag (issue #12): a VPC with public
 * subnets routed to an internet gateway, private subnets behind NAT gateways, an internet-facing ALB and an Auto
 * Scaling group. The matrix has the public, app and egress tiers, and every subnet the tier read here, independently,
 * from the raw JSON: public = associated with a route table whose {@code AWS::EC2::Route} sends {@code 0.0.0.0/0} to
 * the template's internet gateway; app = named by the Auto Scaling group's {@code VPCZoneIdentifier}.
 */
class PathsTiersTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("plumbline.shared", "../shared"), "corpus",
            "cloudformation", "aws-cfn-templates__ecs-ec2-private-vpc-nat-asg.json");

    @Test
    void anUntaggedMultiTierTemplateDrawsItsTierMatrix() throws Exception {
        JsonNode raw = new ObjectMapper().readTree(TEMPLATE.toFile());
        assertTrue(!raw.toString().contains("plumbline:"), "the template carries no plumbline tag");
        Map<String, String> expected = expectedSubnetTiers(raw.path("Resources"));
        assertTrue(expected.containsValue("public") && expected.containsValue("app"), expected::toString);

        CommandLineTest.Run run = plumbline("paths", TEMPLATE.toString(), "--format", "json");
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        List<String> tiers = new ArrayList<>();
        doc.path("tiers").forEach(t -> tiers.add(t.asText()));
        assertEquals(List.of("internet", "public", "app", "egress"), tiers, run::out);
        assertEquals(tiers.size() * tiers.size(), doc.path("matrix").size(), "every cell of the matrix");
        Map<String, String> actual = new TreeMap<>();
        for (JsonNode s : doc.path("subnets")) {
            actual.put(s.path("id").asText(), s.path("tier").asText());
            assertTrue(s.path("tierDecidedBy").asText().startsWith(s.path("tier").asText() + ": "), s::toString);
        }
        assertEquals(expected, actual, run::out);
        for (JsonNode e : doc.path("endpoints")) {
            if (!"internet".equals(e.path("id").asText())) {
                assertTrue(e.path("tierDecidedBy").asText().startsWith(e.path("tier").asText() + ": "), e::toString);
            }
        }

        CommandLineTest.Run text = plumbline("paths", TEMPLATE.toString());
        assertEquals(0, text.exit(), text::err);
        // the ALB's listener (port 80, open to 0.0.0.0/0 in the template) is what the internet reaches
        String internetRow = text.out().lines().filter(l -> l.startsWith("internet ")).findFirst().orElse("");
        assertTrue(internetRow.matches("internet\\s+none\\s+tcp 80\\s+none\\s+none"), text::out);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String line = "  subnet " + e.getKey() + ": " + e.getValue() + ": ";
            assertTrue(text.out().contains(line), () -> line + "\n" + text.out());
        }
        assertTrue(text.out().contains("public: route table PublicRouteTable sends 0.0.0.0/0 to InternetGateway"),
                text::out);
    }

    private static Map<String, String> expectedSubnetTiers(JsonNode resources) {
        Set<String> igws = new HashSet<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::EC2::InternetGateway")) igws.add(e.getKey());
        });
        Set<String> publicTables = new HashSet<>();
        Set<String> app = new HashSet<>();
        Map<String, String> assoc = new TreeMap<>();
        Map<String, String> out = new TreeMap<>();
        resources.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue().path("Properties");
            switch (e.getValue().path("Type").asText()) {
                case "AWS::EC2::Route" -> {
                    if (p.path("DestinationCidrBlock").asText().equals("0.0.0.0/0")
                            && igws.contains(p.path("GatewayId").path("Ref").asText())) {
                        publicTables.add(p.path("RouteTableId").path("Ref").asText());
                    }
                }
                case "AWS::EC2::SubnetRouteTableAssociation" ->
                        assoc.put(p.path("SubnetId").path("Ref").asText(), p.path("RouteTableId").path("Ref").asText());
                case "AWS::AutoScaling::AutoScalingGroup" ->
                        p.path("VPCZoneIdentifier").forEach(s -> app.add(s.path("Ref").asText()));
                case "AWS::EC2::Subnet" -> out.put(e.getKey(), "none");
                default -> {
                }
            }
        });
        out.replaceAll((s, t) -> publicTables.contains(assoc.get(s)) ? "public" : app.contains(s) ? "app" : "none");
        return out;
    }
}
