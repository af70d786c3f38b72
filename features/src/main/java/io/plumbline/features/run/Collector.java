package io.plumbline.features.run;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestSourceParsed;
import io.plumbline.features.Undecided;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cucumber plugin that records each scenario's verdict for {@link FeatureRun}. Cucumber creates it from its class
 * name; it hands its results to the run that is under way on this thread.
 */
public final class Collector implements ConcurrentEventListener {
    private static final ThreadLocal<List<ScenarioResult>> SINK = new ThreadLocal<>();

    private final List<ScenarioResult> results;
    private final Map<URI, String> featureNames = Collections.synchronizedMap(new HashMap<>());

    public Collector() {
        List<ScenarioResult> sink = SINK.get();
        results = sink != null ? sink : Collections.synchronizedList(new ArrayList<>());
    }

    static void open(List<ScenarioResult> sink) {
        SINK.set(sink);
    }

    static void close() {
        SINK.remove();
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceParsed.class, e ->
                e.getNodes().forEach(n -> featureNames.put(e.getUri(), n.getName().orElse(""))));
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    private void finished(TestCaseFinished e) {
        TestCase tc = e.getTestCase();
        Result r = e.getResult();
        Status s = r.getStatus();
        ScenarioResult.Verdict v = switch (s) {
            case PASSED -> ScenarioResult.Verdict.PASSED;
            case PENDING, SKIPPED -> ScenarioResult.Verdict.UNDECIDED;
            default -> ScenarioResult.Verdict.FAILED;
        };
        String message = r.getError() == null ? null : AuditorReport.readable(r.getError().getMessage());
        if (message == null && r.getError() != null) {
            // An error without a message: say that a step broke, not which class of Java exception it threw.
            message = "the step could not run (an error in the step library; the Cucumber report of --out has the "
                    + "details)";
        }
        if (s == Status.UNDEFINED) message = "undefined step: the step library has no step for it (see features/STEPS.md)";
        if (s == Status.AMBIGUOUS && message == null) message = "ambiguous step";
        if (message != null && message.startsWith(Undecided.PREFIX)) message = message.substring(Undecided.PREFIX.length());
        results.add(new ScenarioResult(featureNames.getOrDefault(tc.getUri(), ""), tc.getName(),
                tc.getUri().toString(), tc.getLocation().getLine(), tc.getTags(), v, s.name(), message));
    }
}
