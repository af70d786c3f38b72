package io.plumbline.features.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/** Fresh scenario state before each scenario. */
public final class Hooks {
    @Before(order = 0)
    public void before(Scenario scenario) {
        World.reset(scenario);
    }

    @After
    public void after() {
        World.clear();
    }
}
