package io.plumbline.live;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refuses, before anything is signed or sent, every operation whose name does not start with one of the read-only
 * prefixes ({@link #READ_ONLY_PREFIXES}). Attached to every client the live source builds, so an audit cannot change an
 * account even through a bug in a collector. The one exception is the STS client that assumes audit roles, which is
 * built with {@link #allowing} {@code AssumeRole} and nothing else.
 */
public final class ReadOnlyInterceptor implements ExecutionInterceptor {

    public static final List<String> READ_ONLY_PREFIXES =
            List.of("Describe", "List", "Get", "Select", "BatchGet", "Lookup");

    /**
     * Reads that return secret material, mint credentials or read data rather than configuration: refused like
     * writes, so that no bug can bring a secret into the model, a snapshot or a report (secret values, registry
     * tokens, Windows passwords, session tokens, parameters that may be decrypted, console output, and the contents
     * of objects, items, log events and streams, where credentials end up).
     */
    public static final Set<String> SECRET_READS = Set.of("GetSecretValue", "BatchGetSecretValue",
            "GetRandomPassword", "GetAuthorizationToken", "GetPasswordData", "GetSessionToken", "GetFederationToken",
            "GetParameter", "GetParameters", "GetParametersByPath", "GetParameterHistory", "GetConsoleOutput",
            "GetConsoleScreenshot", "GetCredentialsForIdentity", "GetOpenIdToken", "GetRoleCredentials",
            "GetObject", "GetObjectTorrent", "SelectObjectContent", "GetItem", "BatchGetItem", "GetLogEvents",
            "GetRecords", "GetQueryResults");

    private final Set<String> alsoAllowed;

    public ReadOnlyInterceptor() {
        this(Set.of());
    }

    private ReadOnlyInterceptor(Set<String> alsoAllowed) {
        this.alsoAllowed = Set.copyOf(alsoAllowed);
    }

    /** Read-only plus exactly these operations (only {@code AssumeRole}, for the credentials of audited accounts). */
    public static ReadOnlyInterceptor allowing(String... operations) {
        return new ReadOnlyInterceptor(Set.of(operations));
    }

    /** Thrown when a collector tries an operation that may write. */
    public static final class WriteRefusedException extends IllegalStateException {
        private final String service;
        private final String operation;

        public WriteRefusedException(String service, String operation) {
            super("refused " + service + ":" + operation + ": Plumbline's live audit is read-only, only calls "
                    + String.join("/", READ_ONLY_PREFIXES) + "* operations and never reads secret material; the "
                    + "request was not sent");
            this.service = service;
            this.operation = operation;
        }

        public String service() {
            return service;
        }

        public String operation() {
            return operation;
        }
    }

    public static boolean isReadOnly(String operationName) {
        if (operationName == null || SECRET_READS.contains(operationName)) return false;
        for (String p : READ_ONLY_PREFIXES) {
            if (operationName.startsWith(p) && operationName.length() > p.length()
                    && Character.isUpperCase(operationName.charAt(p.length()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!isReadOnly(operation) && !alsoAllowed.contains(operation)) {
            throw new WriteRefusedException(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), operation);
        }
    }
}
