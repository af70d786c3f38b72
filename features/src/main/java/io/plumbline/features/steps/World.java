package io.plumbline.features.steps;

import io.cucumber.java.Scenario;
import io.plumbline.features.Subject;

/**
 * The state of the scenario being run: its selection and its Cucumber {@link Scenario} (for the evidence each step
 * logs into the report). One per thread, reset before every scenario by {@link Hooks}.
 */
public final class World {
    private static final ThreadLocal<World> CURRENT = ThreadLocal.withInitial(World::new);

    private Scenario scenario;
    private Selection selection;

    static World get() {
        return CURRENT.get();
    }

    static void reset(Scenario scenario) {
        World w = new World();
        w.scenario = scenario;
        CURRENT.set(w);
    }

    static void clear() {
        CURRENT.remove();
    }

    Subject subject() {
        return Subject.current();
    }

    Selection selection() {
        if (selection == null) {
            throw new IllegalStateException("no resources selected: start the scenario with a step such as "
                    + "'Given the S3 bucket resources'");
        }
        return selection;
    }

    void select(Selection s) {
        selection = s;
    }

    /** Evidence for the report (the HTML and JSON reports show it under the step). */
    void log(String text) {
        if (scenario != null) scenario.log(text);
    }
}
