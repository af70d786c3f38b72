package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import io.cucumber.junit.platform.engine.Constants;
import io.plumbline.features.run.FeatureRun;
import io.plumbline.features.run.Report;
import io.plumbline.features.run.ScenarioResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * An undefined or ambiguous step fails — in the JUnit Platform run that {@code mvn verify} makes (so it fails the
 * build) and in {@code plumbline features} — and an undecided step is never reported as passed.
 */
class StrictnessTest {

    private static Path feature(String name) throws URISyntaxException {
        return Path.of(StrictnessTest.class.getResource("/strictness/" + name).toURI());
    }

    private static TestExecutionSummary launch(Path feature, String glue) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectFile(feature.toFile()))
                .configurationParameter(Constants.GLUE_PROPERTY_NAME, glue)
                .configurationParameter(Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, "true")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }

    @Test
    void anUndefinedStepFailsTheJUnitPlatformRun() throws Exception {
        TestExecutionSummary s = launch(feature("undefined.feature"), FeatureRun.GLUE);
        assertEquals(1, s.getTestsStartedCount());
        assertEquals(1, s.getTestsFailedCount(), "an undefined step is a failure, not a skip");
        assertEquals(0, s.getTestsAbortedCount());
        String message = s.getFailures().get(0).getException().getMessage();
        assertTrue(message.contains("their buckets are made of gold"), message);
    }

    @Test
    void anAmbiguousStepFailsTheJUnitPlatformRun() throws Exception {
        TestExecutionSummary s = launch(feature("ambiguous.feature"),
                FeatureRun.GLUE + ",io.plumbline.features.strictglue");
        assertEquals(1, s.getTestsFailedCount(), "an ambiguous step is a failure");
        String message = s.getFailures().get(0).getException().getMessage();
        assertTrue(message.toLowerCase().contains("ambiguous") || message.contains("matches more than one"), message);
    }

    @Test
    void anUndecidedStepIsAbortedNeverPassedInTheJUnitPlatformRun() throws Exception {
        TestExecutionSummary s = launch(feature("undecided.feature"), FeatureRun.GLUE);
        assertEquals(0, s.getTestsSucceededCount());
        assertEquals(0, s.getTestsFailedCount());
        assertEquals(1, s.getTestsAbortedCount(), "undecided is reported aborted (skipped), not passed");
    }

    @Test
    void anUndefinedStepFailsAPlumblineFeaturesRun() throws Exception {
        Report r = FeatureRun.run(new FeatureRun.Options(Target.reference(), false,
                List.of(feature("undefined.feature")), null, null));
        assertEquals(1, r.failed().size(), r::summary);
        assertEquals("UNDEFINED", r.failed().get(0).cucumberStatus());
    }

    @Test
    void anUndecidedStepIsPendingInAPlumblineFeaturesRun() throws Exception {
        Report r = FeatureRun.run(new FeatureRun.Options(Target.reference(), false,
                List.of(feature("undecided.feature")), null, null));
        assertEquals(1, r.undecided().size(), r::summary);
        ScenarioResult s = r.undecided().get(0);
        assertEquals("PENDING", s.cucumberStatus());
        assertTrue(s.message().contains("no EBS volume resources in this input"), s.message());
    }
}
