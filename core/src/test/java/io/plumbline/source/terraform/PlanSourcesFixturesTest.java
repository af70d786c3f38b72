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
