package io.plumbline.source.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.SourceLocator;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sources the corpus lacks: a registry module, which is not on disk and is never guessed at. */
class PlanSourcesFixturesTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(PlanSourcesFixturesTest.class.getResource("/terraform-sources/" + name).toURI());
    }

    @Test
    void aRegistryModuleKeepsThePlanLocationAndADiagnosticSaysSo() throws Exception {
        Path plan = fixture("registry-module/plan.json");
        Model model = Inputs.load(plan, SourceOptions.DEFAULT);
        assertEquals(1, model.sources().size(), () -> model.diagnostics().toString());
        SourceLocator sources = model.sources().get(0);

        Provenance local = sources.locate(Provenance.inFile(plan.toString(), 1, 1, "/resource_changes/0/change/after/bucket"),
                "aws_s3_bucket.local");
        assertEquals(plan.getParent().resolve("main.tf").toString(), local.file());
        assertEquals(9, local.line(), "the bucket attribute's line");
        assertNull(sources.locate(Provenance.inFile(plan.toString(), 1, 1, "/resource_changes/1"),
                "module.s3.aws_s3_bucket.this[0]"), "not on disk: no guess");
        assertTrue(model.diagnostics().stream().anyMatch(d -> d.message().equals("1 module is not on disk (module.s3 from "
                + "terraform-aws-modules/s3-bucket/aws): findings of their resources keep the plan's location")),
                () -> model.diagnostics().toString());
    }

    /** The 1-based line of the only line of {@code file} that contains {@code text}. */
    private static int lineOf(Path file, String text) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).contains(text)) continue;
            assertEquals(0, found, "one line holds " + text);
            found = i + 1;
        }
        assertTrue(found > 0, text);
        return found;
    }

    @Test
    void repeatedNestedBlocksAreToldApartByWhatTheyWriteNotByThePlansOrder() throws Exception {
        Path plan = fixture("repeated-blocks/plan.json");
        Path tf = plan.getParent().resolve("main.tf");
        Model model = Inputs.load(plan, SourceOptions.DEFAULT);
        SourceLocator sources = model.sources().get(0);
        java.util.function.Function<String, Integer> line = pointer -> {
            Provenance p = sources.locate(Provenance.inFile(plan.toString(), 1, 1, pointer), "");
            assertEquals(tf.toString(), p.file(), pointer);
            return p.line();
        };
        // the plan lists port 22 first; the source writes it second
        assertEquals(lineOf(tf, "\"10.0.0.0/8\", \"0.0.0.0/0\"] # ssh"), line.apply("/resource_changes/0/change/after/ingress/0/cidr_blocks"));
        assertEquals(lineOf(tf, "cidr_blocks = [\"0.0.0.0/0\"] # https"), line.apply("/resource_changes/0/change/after/ingress/1/cidr_blocks"));
        assertEquals(lineOf(tf, "from_port   = 443"), line.apply("/resource_changes/0/change/after/ingress/1/from_port"));
        // the ssh rule as a whole, and an attribute its block does not write (defaulted): the ingress block's line
        int sshBlock = lineOf(tf, "from_port   = 22") - 1;
        assertTrue(java.nio.file.Files.readAllLines(tf).get(sshBlock - 1).strip().equals("ingress {"));
        assertEquals(sshBlock, line.apply("/resource_changes/0/change/after/ingress/0"));
        assertEquals(sshBlock, line.apply("/resource_changes/0/change/after/ingress/0/description"));
        // the configuration lists blocks in the source's order
        assertEquals(lineOf(tf, "from_port   = 22"), line.apply("/configuration/root_module/resources/0/expressions/ingress/1/from_port"));
        // the twins write the same literals: no guess, the resource's block
        int twins = lineOf(tf, "resource \"aws_security_group\" \"twins\"");
        assertEquals(twins, line.apply("/resource_changes/1/change/after/ingress/1/cidr_blocks"));
        assertEquals(twins, line.apply("/resource_changes/1/change/after/ingress/0"));
        assertEquals(lineOf(tf, "name = \"twins\""), line.apply("/resource_changes/1/change/after/name"));
    }

    /** One rule that fails every resource at its own place: what the engine does with the places. */
    @RuleInfo(id = "TST-001", title = "fails everything", severity = Severity.HIGH, group = "t", rationale = "r",
            remediation = "m")
    static final class FailEverything implements Rule {
        @Override
        public void check(RuleContext ctx) {
            for (Resource r : ctx.model().resources()) ctx.fail(r, "failed");
        }
    }

    @Test
    void theEngineShowsFindingsInTheSourcesAndKeepsThePlanPlace() throws Exception {
        Path plan = fixture("registry-module/plan.json");
        Model model = Inputs.load(plan, SourceOptions.DEFAULT);
        Result result = Engine.evaluate(model, null, List.of(new FailEverything()));
        Map<String, Finding> byResource = new java.util.HashMap<>();
        for (Finding f : result.findings()) byResource.put(f.resource(), f);
        Finding local = byResource.get("aws_s3_bucket.local");
        assertEquals(plan.getParent().resolve("main.tf").toString(), local.location().file());
        assertEquals(8, local.location().line());
        assertEquals(plan.toString(), local.inputLocation().file());
        assertEquals("/resource_changes/0", local.inputLocation().pointer());
        Finding registry = byResource.get("module.s3.aws_s3_bucket.this[0]");
        assertEquals(plan.toString(), registry.location().file());
        assertNull(registry.inputLocation());
    }
}
