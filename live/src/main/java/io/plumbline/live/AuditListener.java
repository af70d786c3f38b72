package io.plumbline.live;

/** Progress of a running audit, one task per account × region × service. Called from worker threads. */
public interface AuditListener {

    AuditListener NONE = new AuditListener() {
    };

    /** The number of tasks grew to {@code total} (accounts and regions are discovered as the audit goes). */
    default void planned(int total) {
    }

    default void started(String account, String region, String service) {
    }

    /** {@code failures} is the number of calls of the task that failed (kinds or attributes left unknown). */
    default void finished(String account, String region, String service, int resources, int failures) {
    }
}
