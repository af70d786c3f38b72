package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.features.run.FeatureRun;
import io.plumbline.features.run.Report;
import io.plumbline.features.run.ScenarioResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled features against the bundled reference example, in process: every scenario passes. The exceptions
 * allowed are a path scenario left undecided because the reachability engine is not available in this build (once it
 * is, they must pass too), and ENC-003 on the CloudFormation template, which cannot hold the account setting.
 */
class ReferenceRunTest {

    @Test
    void everyScenarioPassesOnTheReferenceExample() {
        Report report = FeatureRun.run(FeatureRun.Options.bundled(Target.reference())
                .withOut(java.nio.file.Path.of("target", "cucumber-reference")));
        StringBuilder sb = new StringBuilder(report.summary());
        for (ScenarioResult s : report.scenarios()) {
            if (s.verdict() != ScenarioResult.Verdict.PASSED) {
                sb.append("\n").append(s.verdict()).append(" ").append(s.location()).append(" ").append(s.name())
                        .append("\n    ").append(s.message());
            }
        }
        System.out.println(sb);
        assertEquals(List.of(), report.failed(), sb::toString);
        boolean reach = Subject.load(Target.reference()).reachabilityAvailable();
        for (ScenarioResult s : report.undecided()) {
            // ENC-003 judges an account setting no CloudFormation resource type holds: NOT_APPLICABLE on the template.
            if (s.ruleIds().equals(List.of("ENC-003")) && s.message() != null
                    && s.message().contains("CloudFormation has no resource type")) {
                continue;
            }
            assertTrue(!reach && s.message() != null && s.message().contains("reachability engine"),
                    () -> "undecided on the reference example: " + s.location() + " " + s.name() + ": " + s.message());
        }
        assertTrue(report.scenarios().size() >= 50, report::summary);
    }
}
