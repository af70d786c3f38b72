package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.features.run.AuditorReport;
import io.plumbline.features.run.FeatureRun;
import io.plumbline.features.run.Report;
import io.plumbline.features.run.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specifications' report as an auditor reads it: words, not Cucumber's statuses or Java's class names. */
class AuditorReportTest {
    @TempDir
    Path out;

    @Test
    void messagesLoseClassNamesAndStackFramesAndRepeatedLines() {
        String raw = "io.plumbline.features.Undecided: undecided: the AZs are unknown\n"
                + "\tat io.cucumber.core.runner.PickleStepDefinitionMatch.runStep(PickleStepDefinitionMatch.java:63)\n"
                + "the AZs are unknown\n"
                + "Caused by: java.lang.IllegalStateException: no zone\n\t... 12 more";
        assertEquals("the AZs are unknown\nno zone", AuditorReport.readable(raw));
        assertEquals("3 of 3 subnets: eu-west-1a", AuditorReport.readable("3 of 3 subnets: eu-west-1a"),
                "a colon in the text itself stays");
        assertNull(AuditorReport.readable("java.lang.NullPointerException: "));
    }

    /** The variant leaves the Aurora instances' zones to RDS: MAZ-006's scenario cannot decide. */
    @Test
    void anUndecidedScenarioReadsUndecidedWithItsReasonOnce() throws Exception {
        String file = "variants/terraform/MAZ-006-az-unset.tfplan.json";
        Report report = FeatureRun.run(FeatureRun.Options.bundled(Target.of(Target.REFERENCE_PREFIX + file))
                .withTags("@MAZ-006").withOut(out));
        ScenarioResult s = report.undecided().get(0);
        assertEquals("PENDING", s.cucumberStatus());
        String html = Files.readString(out.resolve(FeatureRun.HTML));
        String md = Files.readString(out.resolve(FeatureRun.MARKDOWN));
        for (String page : new String[] {html, md}) {
            assertTrue(page.contains("UNDECIDED"), page);
            assertFalse(page.contains("PENDING"), "Cucumber's word stays in Cucumber's page");
            assertFalse(page.matches("(?s).*\\b(io\\.cucumber|io\\.plumbline|java\\.lang|org\\.opentest4j)\\.[a-zA-Z.]*"
                    + "[A-Z].*"), "no Java class name");
            String reason = "so whether the instances sit in 3 distinct AZs is unknown";
            assertEquals(1, page.split(java.util.regex.Pattern.quote(reason), -1).length - 1,
                    "the reason is said once");
        }
        assertTrue(html.indexOf("data-verdict=\"UNDECIDED\"") < html.indexOf("data-verdict=\"PASSED\"")
                || !html.contains("data-verdict=\"PASSED\""), "undecided before passed");
        assertTrue(Files.size(out.resolve(FeatureRun.CUCUMBER_HTML)) > 10_000, "Cucumber's own page is kept");
    }
}
