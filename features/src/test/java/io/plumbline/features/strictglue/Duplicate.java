package io.plumbline.features.strictglue;

import io.cucumber.java.en.Then;

/** A second definition for a step the library defines, to prove that an ambiguous step fails the build. */
public final class Duplicate {
    @Then("their versioning is {string}")
    public void versioning(String value) {
        // never reached: the step is ambiguous
    }
}
