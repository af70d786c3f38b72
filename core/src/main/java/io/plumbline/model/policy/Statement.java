package io.plumbline.model.policy;

import java.util.List;
import java.util.Locale;

/**
 * One statement of a policy document. {@code principal} is null when the statement names none (identity policies);
 * {@code notPrincipal}, {@code notAction} and {@code notResource} say the element was the negated one. Actions and
 * resources keep the values as written; {@link #coversAction} and {@link #coversResource} apply AWS's matching
 * ({@code *} any run of characters, {@code ?} one character; actions case-insensitive, resources case-sensitive).
 */
public record Statement(int index, String sid, Effect effect, Principal principal, boolean notPrincipal,
                        List<String> actions, boolean notAction, List<String> resources, boolean notResource,
                        List<Condition> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    public boolean conditioned() {
        return !conditions.isEmpty();
    }

    /** Whether the statement applies to this action ({@code s3:GetObject}), following Action or NotAction. */
    public boolean coversAction(String action) {
        boolean listed = false;
        for (String a : actions) listed |= Wildcards.matches(a, action, true);
        return notAction != listed;
    }

    /**
     * Whether the statement applies to every action of a service ({@code s3}): {@code *} or {@code s3:*} in Action. A
     * NotAction statement never does (it leaves its listed actions out), except one listing no action of the service.
     */
    public boolean coversAllOf(String service) {
        String all = service.toLowerCase(Locale.ROOT) + ":*";
        if (!notAction) {
            for (String a : actions) if (a.equals("*") || a.equalsIgnoreCase(all)) return true;
            return false;
        }
        String prefix = service.toLowerCase(Locale.ROOT) + ":";
        for (String a : actions) {
            String l = a.toLowerCase(Locale.ROOT);
            if (l.equals("*") || l.startsWith(prefix) || (l.indexOf(':') < 0 && l.contains("*"))) return false;
            if (l.indexOf(':') > 0 && Wildcards.matches(l.substring(0, l.indexOf(':')), service, true)) return false;
        }
        return true;
    }

    /** Whether the statement applies to this resource ARN, following Resource or NotResource. */
    public boolean coversResource(String arn) {
        boolean listed = false;
        for (String r : resources) listed |= Wildcards.matches(r, arn, false);
        return notResource != listed;
    }

    /** "statement 2 (Sid DenyInsecureTransport)". */
    public String describe() {
        return "statement " + (index + 1) + (sid == null || sid.isEmpty() ? "" : " (Sid " + sid + ")");
    }
}
