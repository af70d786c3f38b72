package io.plumbline.features.check;

/**
 * A requirement not met: the message names each failing resource, the value found and where it stands. It carries no
 * stack trace — the report shows the step that failed, and the Java frames would only hide the evidence.
 */
public final class NotMet extends AssertionError {
    private static final long serialVersionUID = 1L;

    public NotMet(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
