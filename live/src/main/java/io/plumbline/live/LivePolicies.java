package io.plumbline.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The IAM policies a live audit needs, shipped with the library (and printed by {@code plumbline audit --policy}). */
public final class LivePolicies {

    /** Attach to the audit role (or user) in every audited account: read-only, every operation the collectors call. */
    public static final String AUDIT_ROLE_POLICY = "/io/plumbline/live/plumbline-audit-policy.json";
    /**
     * Attach to the identity that starts a multi-account audit: assume the audit roles, list the organization's
     * accounts. Scope {@code Resource} of sts:AssumeRole to your audit role ARNs.
     */
    public static final String CALLER_POLICY = "/io/plumbline/live/plumbline-audit-caller-policy.json";

    private LivePolicies() {
    }

    public static String read(String resource) {
        try (InputStream in = LivePolicies.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
