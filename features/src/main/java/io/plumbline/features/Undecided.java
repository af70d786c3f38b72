package io.plumbline.features;

import io.cucumber.core.backend.Pending;
import org.opentest4j.TestAbortedException;

/**
 * A step that could not decide: every value it needed was unknown, a path's fate depends on a value unknown in the
 * input, or the input holds nothing the step applies to. UNKNOWN is never green: Cucumber reports the scenario as
 * <em>pending</em> (the {@link Pending} annotation) with this reason, and the JUnit Platform reports the test as
 * <em>aborted</em> (a {@link TestAbortedException}), never as passed. {@code plumbline features} counts it as
 * undecided (exit 0, or 1 with {@code --fail-on-unknown}).
 */
@Pending
public final class Undecided extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public static final String PREFIX = "undecided: ";

    public Undecided(String reason) {
        super(PREFIX + reason);
    }

    /** No stack trace: the report shows the step and the reason, which is all a reader needs. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
