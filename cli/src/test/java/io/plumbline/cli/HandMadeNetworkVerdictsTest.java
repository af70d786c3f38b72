package io.plumbline.cli;

import static io.plumbline.cli.CommandLineTest.plumbline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.cli.CommandLineTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, "verdicts that held-out real files and hand-made networks show wrong", through the real command line:
 * the reference plan with one thing changed, and the hand-made plans of core/src/test/resources/terraform/verdicts.
 */
class HandMadeNetworkVerdictsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path root(String first, String... more) {
        return Path.of(System.getProperty("plumbline.root"), first).resolve(Path.of("", more));
    }

    private static Path referencePlan() {
        return root("infra-reference", "src", "main", "resources", "io", "plumbline", "reference", "terraform",
                "reference.tfplan.json");
    }

    private static Path verdictsPlan(String name) {
        return root("core", "src", "test", "resources", "terraform", "verdicts", name);
    }

    /** The reference plan with {@code change} applied to the {@code after} of resource {@code address}. */
    private Path referenceWith(String name, String address, Consumer<ObjectNode> change) throws IOException {
        JsonNode plan = JSON.readTree(referencePlan().toFile());
        boolean found = false;
        for (JsonNode rc : plan.path("resource_changes")) {
            if (rc.path("address").asText().equals(address)) {
                change.accept((ObjectNode) rc.path("change").path("after"));
                found = true;
            }
        }
        assertTrue(found, "the reference plan has " + address);
        Path f = tmp.resolve(name);
        JSON.writeValue(f.toFile(), plan);
        return f;
    }

    private static void removeIngress(ObjectNode sg, int port) {
        ArrayNode ingress = (ArrayNode) sg.path("ingress");
        for (int i = ingress.size() - 1; i >= 0; i--) {
            if (ingress.get(i).path("from_port").asInt() == port) ingress.remove(i);
        }
    }

    private static void forwardInsteadOfRedirect(ObjectNode listener) {
        ObjectNode action = (ObjectNode) listener.path("default_action").get(0);
        action.put("type", "forward");
        action.putArray("redirect");
    }

    private static List<JsonNode> findings(Run run, String rule) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) if (f.path("rule").asText().equals(rule)) out.add(f);
        return out;
    }

    private static JsonNode finding(Run run, String rule, String resource) throws IOException {
        for (JsonNode f : findings(run, rule)) if (f.path("resource").asText().equals(resource)) return f;
        throw new AssertionError("no " + rule + " finding on " + resource + " in " + run.out());
    }

    // ------------------------------------------------------------------------------------------------ NET-004

    @Test
    void aFrontDoorWhoseHttpsPortIsClosedIsInformationNotAFailure() throws Exception {
        Path plan = referenceWith("closed-443.tfplan.json", "aws_security_group.alb", sg -> removeIngress(sg, 443));
        Run run = plumbline("check", plan.toString(), "--rules", "NET-004", "--format", "json");
        assertEquals(0, run.exit(), () -> "a closed port exposes nothing (catalog §14): " + run.out() + run.err());
        JsonNode f = finding(run, "NET-004", "aws_lb.public");
        assertEquals("PASS", f.path("status").asText(), f::toString);
        assertTrue(f.path("message").asText().contains("is blocked from the internet"), f::toString);
        assertTrue(f.path("evidence").toString().contains("(information)"), f::toString);
        Run text = plumbline("check", plan.toString(), "--rules", "NET-004", "-v");
        assertEquals(0, text.exit(), text::err);
        assertTrue(text.out().contains("nothing is exposed there"), () -> "the text report shows the information: " + text.out());
    }

    @Test
    void plainHttpOnPort80FailsAndClosingPort80Passes() throws Exception {
        Path plain = referenceWith("http-forward.tfplan.json", "aws_lb_listener.http",
                HandMadeNetworkVerdictsTest::forwardInsteadOfRedirect);
        Run run = plumbline("check", plain.toString(), "--rules", "NET-004", "--format", "json");
        assertEquals(1, run.exit(), () -> run.out() + run.err());
        JsonNode f = finding(run, "NET-004", "aws_lb.public");
        assertEquals("FAIL", f.path("status").asText(), f::toString);
        assertTrue(f.path("message").asText().contains("aws_lb_listener.http (forward) does not redirect to HTTPS"),
                f::toString);

        // The same listener behind a closed tcp 80: nothing reaches it, nothing is served in plain HTTP.
        JsonNode both = JSON.readTree(plain.toFile());
        for (JsonNode rc : both.path("resource_changes")) {
            if (rc.path("address").asText().equals("aws_security_group.alb")) {
                removeIngress((ObjectNode) rc.path("change").path("after"), 80);
            }
        }
        Path closed = tmp.resolve("http-forward-closed.tfplan.json");
        JSON.writeValue(closed.toFile(), both);
        Run again = plumbline("check", closed.toString(), "--rules", "NET-004", "--format", "json");
        assertEquals(0, again.exit(), () -> again.out() + again.err());
        assertEquals("PASS", finding(again, "NET-004", "aws_lb.public").path("status").asText());
    }

    // ------------------------------------------------------------------------------------- splats, main table

    @Test
    void aDefaultRouteAddedToTheMainRouteTableFailsTheDataSubnetsFoundThroughASplat() throws Exception {
        for (String name : List.of("main-route-splat.tfplan.json", "default-route-table.tfplan.json")) {
            Run run = plumbline("check", verdictsPlan(name).toString(), "--rules", "NET-013", "--format", "json");
            assertEquals(1, run.exit(), () -> name + ": " + run.out() + run.err());
            for (String subnet : List.of("aws_subnet.data[0]", "aws_subnet.data[1]")) {
                JsonNode f = finding(run, "NET-013", subnet);
                assertEquals("FAIL", f.path("status").asText(), () -> name + ": " + f);
                assertTrue(f.path("message").asText().contains("main route table"), f::toString);
                assertTrue(f.path("message").asText().contains("0.0.0.0/0 -> aws_internet_gateway.gw"), f::toString);
            }
            assertTrue(!run.err().contains("could not be folded"), () -> name + ": " + run.err());
        }
    }

    // ---------------------------------------------------------------------- unresolved CloudFormation conditions

    @Test
    void aConditionOnTheRegionDecidesNet009WhereEveryBranchAgrees() throws Exception {
        Path template = root("core", "src", "test", "resources", "cloudformation", "verdicts", "region-conditions.cfn.yaml");
        Run run = plumbline("check", template.toString(), "--rules", "NET-009", "--format", "json");
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        // tcp 443 from a prefix list or from anywhere, or nothing: no admin port in any branch
        for (String agreed : List.of("HttpsRuleIf", "HttpsListIf", "HttpsOrNothing")) {
            assertEquals("PASS", finding(run, "NET-009", agreed).path("status").asText(), agreed);
        }
        // ssh from anywhere in one branch only: undecided, never a PASS
        for (String differ : List.of("SshInOneRegion", "SshOrNothing", "SshEverywhere")) {
            JsonNode f = finding(run, "NET-009", differ);
            assertEquals("UNKNOWN", f.path("status").asText(), f::toString);
            assertTrue(f.path("message").asText().contains("InUsEast1") || f.path("message").asText().contains("?"),
                    f::toString);
        }
        // With the region given, the condition resolves and each group gets its plain verdict.
        Run east = plumbline("check", template.toString(), "--rules", "NET-009", "--format", "json", "--region",
                "us-east-1");
        assertEquals(1, east.exit(), () -> east.out() + east.err());
        for (String fails : List.of("SshInOneRegion", "SshOrNothing", "SshEverywhere")) {
            assertEquals("FAIL", finding(east, "NET-009", fails).path("status").asText(), fails);
        }
    }
}
