package io.plumbline.cli;

import static io.plumbline.cli.CommandLineTest.plumbline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.cli.CommandLineTest.Run;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, "false PASS on values the tool cannot read", through the real command line: a rule on a group the input
 * does not declare is judged; ports, protocols and blocks AWS would reject are UNKNOWN with the reason, never "nothing
 * open"; a JSON document with a duplicate key is refused; a plan whose changes are null or empty is not an empty pass.
 */
class FalsePassCommandLineTest {

    private static String fixture(String name) throws Exception {
        return Path.of(FalsePassCommandLineTest.class.getResource("/falsepass/" + name).toURI()).toString();
    }

    private static JsonNode json(Run run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    /** NET-009 status by resource address. */
    private static Map<String, String> net009(Run run) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : json(run).path("findings")) {
            if ("NET-009".equals(f.path("rule").asText())) out.put(f.path("resource").asText(), f.path("status").asText());
        }
        return out;
    }

    private static String message(Run run, String resource) throws Exception {
        for (JsonNode f : json(run).path("findings")) {
            if (resource.equals(f.path("resource").asText())) return f.path("message").asText();
        }
        throw new AssertionError("no finding for " + resource + ": " + run.out());
    }

    // ------------------------------------------------------------------ rules on groups the input does not declare

    @Test
    void terraformRulesOnGroupsFromElsewhereAreJudgedWhateverGroupTheyLandOn() throws Exception {
        String plan = fixture("tf_foreign_groups.json");
        Run text = plumbline("check", plan, "--rules", "NET-009");
        assertEquals(1, text.exit(), () -> text.out() + text.err());
        assertTrue(text.out().contains("Gate: FAILED"), text.out());
        assertTrue(text.out().contains("placeholder sg-0legacy00000000aa"), "a diagnostic says what was done: " + text.out());

        Run run = plumbline("check", plan, "--rules", "NET-009", "--format", "json");
        assertEquals(1, run.exit(), run.err());
        Map<String, String> status = net009(run);
        assertEquals("FAIL", status.get("sg-0legacy00000000aa"), "aws_security_group_rule on a data source's group");
        assertEquals("FAIL", status.get("sg-0fromvariable00bb"), "aws_vpc_security_group_ingress_rule on a variable's id");
        assertTrue(message(run, "sg-0legacy00000000aa").contains("aws_security_group_rule.ssh opens port 22"));
        assertTrue(message(run, "sg-0fromvariable00bb").contains("port 3389"));
    }

    @Test
    void cloudFormationRulesOnParameterImportedAndLiteralGroupsAreJudged() throws Exception {
        Run run = plumbline("check", fixture("cfn_foreign_groups.yaml"), "--rules", "NET-009", "--format", "json");
        assertEquals(1, run.exit(), run.err());
        Map<String, String> status = net009(run);
        assertEquals("FAIL", status.get("(security group of parameter LegacySg)"), status.toString());
        assertEquals("FAIL", status.get("(security group imported as shared-admin-sg)"), status.toString());
        assertEquals("FAIL", status.get("sg-0aaaabbbbccccdddd"), status.toString());
        assertTrue(message(run, "sg-0aaaabbbbccccdddd").contains("all ports"));
    }

    @Test
    void aPlaceholderGroupSaysItIsNotDeclaredInTheInventory() throws Exception {
        Run run = plumbline("inventory", fixture("tf_foreign_groups.json"), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode group = null;
        for (JsonNode r : json(run).path("resources")) if ("sg-0legacy00000000aa".equals(r.path("address").asText())) group = r;
        assertTrue(group != null, run.out());
        assertFalse(group.path("attributes").path("declaredInInput").path("value").asBoolean(true));
        assertEquals("UNKNOWN", group.path("attributes").path("rulesComplete").path("certainty").asText());
        assertEquals(List.of("aws_security_group_rule.ssh"), List.of(group.path("folded").get(0).asText()));
    }

    // ------------------------------------------------------------------ ports, protocols and blocks AWS rejects

    @Test
    void terraformPortsAndBlocksAwsRejectsAreUnknownNeverPass() throws Exception {
        String plan = fixture("tf_odd_values.json");
        Run run = plumbline("check", plan, "--rules", "NET-009", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        Map<String, String> status = net009(run);
        Map<String, String> why = Map.of(
                "aws_security_group.tcp_minus_one", "-1 means all only for protocol -1 or icmp",
                "aws_security_group.negative", "not a tcp port range",
                "aws_security_group.reversed", "reversed",
                "aws_security_group.bad_ip", "larger than 32",
                "aws_security_group.double_zero", "leading zeros",
                "aws_security_group.bare_address", "no prefix length",
                "aws_security_group.joined", "several blocks",
                "aws_security_group.v6_odd", "leading zeros",
                "aws_security_group.standalone_target", "-1 means all only",
                "aws_security_group.vpc_rule_target", "reversed");
        for (Map.Entry<String, String> e : why.entrySet()) {
            assertEquals("UNKNOWN", status.get(e.getKey()), e.getKey() + ": " + status);
            assertTrue(message(run, e.getKey()).contains(e.getValue()), e.getKey() + ": " + message(run, e.getKey()));
        }
        assertEquals("PASS", status.get("aws_security_group.fine"), "a rule that reads fine still passes");
        assertEquals(1, plumbline("check", plan, "--rules", "NET-009", "--fail-on-unknown").exit());
    }

    @Test
    void cloudFormationPortsAndBlocksAwsRejectsAreUnknownNeverPass() throws Exception {
        Run run = plumbline("check", fixture("cfn_odd_values.yaml"), "--rules", "NET-009", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        Map<String, String> status = net009(run);
        for (String g : List.of("MinusOne", "Joined", "BareV6", "Standalone")) assertEquals("UNKNOWN", status.get(g), g);
        assertTrue(message(run, "Standalone").contains("Reversed") && message(run, "Standalone").contains("reversed"),
                message(run, "Standalone"));
        assertEquals("PASS", status.get("Fine"));
    }

    @Test
    void networkAclEntriesAwsRejectsAreUnknownInTheModel() throws Exception {
        Run cfn = plumbline("inventory", fixture("cfn_odd_values.yaml"), "--format", "json");
        assertEquals(0, cfn.exit(), cfn.err());
        JsonNode entry = entries(cfn, "Acl").get(0);
        assertEquals("UNKNOWN", entry.path("cidr").path("certainty").asText());
        assertTrue(entry.path("cidr").path("note").asText().contains("larger than 32"), entry.toString());

        Run tf = plumbline("inventory", fixture("tf_odd_values.json"), "--format", "json");
        JsonNode tfEntries = entries(tf, "aws_network_acl.public");
        assertEquals(2, tfEntries.size(), "the inline entry and aws_network_acl_rule.odd");
        assertTrue(tfEntries.get(0).path("fromPort").path("note").asText().contains("reversed"), tfEntries.toString());
        assertTrue(tfEntries.get(1).path("cidr").path("note").asText().contains("several blocks"), tfEntries.toString());
    }

    private static JsonNode entries(Run run, String acl) throws Exception {
        for (JsonNode r : json(run).path("resources")) {
            if (acl.equals(r.path("address").asText())) return r.path("attributes").path("entries");
        }
        throw new AssertionError("no " + acl + ": " + run.out());
    }

    // ------------------------------------------------------------------ duplicate keys

    @Test
    void aPlanWithADuplicateKeyIsRefusedWithItsPlaceAndTheKey() throws Exception {
        String plan = fixture("tf_duplicate_key.json");
        Run run = plumbline("check", plan);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(plan + ":9:"), run.err());
        assertTrue(run.err().contains("duplicate key \"cidr_blocks\""), run.err());
        assertFalse(run.out().contains("PASS") || run.out().contains("passed"), run.out());
    }

    @Test
    void aJsonTemplateWithADuplicateResourceIsRefused() throws Exception {
        String template = fixture("cfn_duplicate_key.json");
        Run run = plumbline("check", template);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(template + ":8:"), run.err());
        assertTrue(run.err().contains("duplicate key \"Ssh\" (first at line 4)"), run.err());
    }

    // ------------------------------------------------------------------ plans without resource changes

    @Test
    void aPlanWhoseChangesAreNullOrEmptyIsReadFromPlannedValuesAndSaysSo() throws Exception {
        for (String name : List.of("tf_changes_null.json", "tf_changes_empty.json")) {
            Run run = plumbline("check", fixture(name), "--rules", "NET-009");
            assertEquals(1, run.exit(), name + ": " + run.out() + run.err());
            assertTrue(run.out().contains("FAIL NET-009 [critical] "), run.out());
            assertTrue(run.out().contains("\n  module.net.aws_security_group.open  "), run.out());
            assertTrue(run.out().contains("read 1 resource from planned_values"), name + ": " + run.out());
            assertTrue(run.out().contains("(1 rule, 1 resource)"), run.out());
        }
    }

    @Test
    void aPlanWithOnlyPriorStateResourcesIsRefused() throws Exception {
        String plan = fixture("tf_prior_state_only.json");
        Run run = plumbline("check", plan);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(plan + ":"), run.err());
        assertTrue(run.err().contains("prior_state holds 1 resource"), run.err());
        assertFalse(run.out().contains("passed"), run.out());
    }
}
