package io.plumbline.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The bundled features as JUnit Platform tests (cucumber-junit-platform-engine), so {@code mvn verify} and IDEs run
 * them like any test. Target: {@code -Dplumbline.target=FILE[,FILE...]} (or {@code PLUMBLINE_TARGET}), by default the
 * bundled reference example, on which every scenario passes. An undecided scenario is reported aborted (skipped),
 * never passed; a failing, undefined or ambiguous step fails the build. Cucumber's HTML and JSON reports are written
 * to {@code features/target/cucumber/}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("io.plumbline.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.plumbline.features.steps")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "html:target/cucumber/plumbline-features.html, json:target/cucumber/plumbline-features.json")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
public class RunFeaturesTest {
}
