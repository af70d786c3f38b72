package io.plumbline.model.policy;

import java.util.List;
import java.util.Map;

/**
 * A statement's {@code Principal} (or {@code NotPrincipal}) element: {@code "*"} (everyone, anonymous callers
 * included), or a map from principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to
 * one or more values. {@code {"AWS": "*"}} also means every principal: AWS documents the two forms as equivalent
 * for resource-based policies.
 */
public record Principal(boolean everyone, Map<String, List<String>> byType) {
    public static final Principal EVERYONE = new Principal(true, Map.of());

    public Principal {
        byType = Map.copyOf(byType);
    }

    /** {@code "*"} or {@code {"AWS": "*"}} (also among other ARNs of the AWS list). */
    public boolean isWildcard() {
        if (everyone) return true;
        for (Map.Entry<String, List<String>> e : byType.entrySet()) {
            if (e.getKey().equalsIgnoreCase("AWS") && e.getValue().contains("*")) return true;
        }
        return false;
    }

    /** The values given for a principal type, matched as AWS spells it ({@code AWS}, {@code Service}...). */
    public List<String> of(String type) {
        for (Map.Entry<String, List<String>> e : byType.entrySet()) {
            if (e.getKey().equalsIgnoreCase(type)) return e.getValue();
        }
        return List.of();
    }

    /** As a report may show it. */
    public String describe() {
        return everyone ? "\"*\"" : byType.toString();
    }
}
