package io.plumbline.model.policy;

import io.plumbline.model.Value;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads IAM policy documents from the text every input gives: JSON (Terraform's {@code jsonencode} and
 * {@code aws_iam_policy_document.json}, CloudFormation documents rendered to JSON, S3 {@code GetBucketPolicy} and KMS
 * {@code GetKeyPolicy}, which return plain JSON), and the URL-encoded JSON of IAM's {@code GetRolePolicy},
 * {@code GetPolicyVersion}, {@code GetAccountAuthorizationDetails} and of AWS Config IAM items (RFC 3986 encoding:
 * {@code +} is a literal plus).
 *
 * <p>AWS's grammar: {@code Statement} is one object or an array; {@code Action}, {@code Resource}, principal values and
 * condition values are one value or an array; {@code Principal} is {@code "*"} or a map by type. A document this
 * reader cannot read exactly as AWS would is refused with the reason, never read partly: an element AWS does not
 * know (or one spelled in another case: AWS's element names are case-sensitive, and what it does with {@code effect}
 * is not documented), a key given twice (which one AWS keeps is not documented), a wrong type, both an element and its
 * {@code Not} form, and anything beyond the bounds below (inputs are hostile; real policies are far smaller: bucket
 * policies at most 20 KB, key policies 32 KB). A problem names elements only, never the document's values, so a
 * policy derived from a secret cannot leak through it.
 */
public final class PolicyReader {
    /** Longest text read, in characters. */
    public static final int MAX_CHARS = 1_000_000;
    public static final int MAX_DEPTH = 32;
    /** Most statements, and most values in one element. */
    public static final int MAX_ITEMS = 10_000;

    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");

    private PolicyReader() {
    }

    /** A document, or why the text is not one AWS would read the same way. */
    public record Result(PolicyDocument document, String problem) {
        public boolean ok() {
            return document != null;
        }
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The document a policy value holds: unknown values stay unknown with their reason, a known null (no policy)
     * stays null, unreadable text becomes unknown with the problem; sensitivity and provenance are kept.
     */
    public static Value<PolicyDocument> read(Value<String> text) {
        if (text.isUnknown()) {
            Value<PolicyDocument> v = Value.unknown(text.note(), text.provenance());
            return text.isSensitive() ? v.asSensitive() : v;
        }
        if (text.get() == null) return text.map(t -> null);
        Result r = read(text.get());
        Value<PolicyDocument> v = r.ok() ? text.map(t -> r.document())
                : Value.unknown("the policy is not a policy document Plumbline can read as AWS does: " + r.problem(),
                text.provenance());
        return text.isSensitive() ? v.asSensitive() : v;
    }

    public static Result read(String text) {
        if (text == null) return new Result(null, "no text");
        if (text.length() > MAX_CHARS) {
            return new Result(null, "longer than " + MAX_CHARS + " characters (" + text.length() + ")");
        }
        String json = text.strip();
        if (json.regionMatches(true, 0, "%7B", 0, 3)) {
            try {
                json = URLDecoder.decode(json.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Result(null, "URL-encoded text with a malformed escape");
            }
        }
        Object root;
        try {
            root = StrictJson.parse(json, MAX_DEPTH);
        } catch (StrictJson.Malformed e) {
            return new Result(null, jsonProblem(e.getMessage()));
        }
        try {
            return new Result(document(root), null);
        } catch (Refused e) {
            return new Result(null, e.getMessage());
        }
    }

    /** The parser's message, with a duplicate key shown safely. */
    private static String jsonProblem(String m) {
        if (m.startsWith("duplicate key: ")) {
            return "a key appears twice in one object (" + safe(m.substring("duplicate key: ".length())) + "): which "
                    + "one AWS reads is not documented";
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static PolicyDocument document(Object tree) {
        Map<String, Object> root = object(tree);
        if (root == null) throw new Refused("the document is not a JSON object");
        elements(root, TOP, "the document");
        String version = text(root, "Version", "the document");
        if (version != null && !VERSIONS.contains(version)) {
            throw new Refused("Version is neither 2012-10-17 nor 2008-10-17");
        }
        String id = text(root, "Id", "the document");
        Object st = root.get("Statement");
        if (st == null) throw new Refused("the document has no Statement element");
        List<Object> items = new ArrayList<>();
        if (st instanceof Map<?, ?>) {
            items.add(st);
        } else if (st instanceof List<?> list) {
            if (list.size() > MAX_ITEMS) throw new Refused("more than " + MAX_ITEMS + " statements");
            items.addAll(list);
        } else {
            throw new Refused("Statement is neither an object nor an array");
        }
        List<Statement> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) out.add(statement(items.get(i), i));
        return new PolicyDocument(version, id, out);
    }

    private static Statement statement(Object node, int index) {
        String where = "statement " + (index + 1);
        Map<String, Object> s = object(node);
        if (s == null) throw new Refused(where + " is not a JSON object");
        elements(s, ELEMENTS, where);
        String sid = text(s, "Sid", where);
        String effect = text(s, "Effect", where);
        Effect e;
        if ("Allow".equals(effect)) e = Effect.ALLOW;
        else if ("Deny".equals(effect)) e = Effect.DENY;
        else throw new Refused(where + ": Effect is " + (effect == null ? "missing" : "neither Allow nor Deny"));
        both(s, "Principal", where);
        both(s, "Action", where);
        both(s, "Resource", where);
        boolean notPrincipal = s.containsKey("NotPrincipal");
        Object p = s.get(notPrincipal ? "NotPrincipal" : "Principal");
        Principal principal = p == null ? null : principal(p, where);
        boolean notAction = s.containsKey("NotAction");
        if (!notAction && !s.containsKey("Action")) throw new Refused(where + " has neither Action nor NotAction");
        List<String> actions = strings(s.get(notAction ? "NotAction" : "Action"), where + " " + (notAction
                ? "NotAction" : "Action"), false);
        boolean notResource = s.containsKey("NotResource");
        Object r = s.get(notResource ? "NotResource" : "Resource");
        List<String> resources = r == null ? List.of() : strings(r, where + " " + (notResource ? "NotResource"
                : "Resource"), false);
        List<Condition> conditions = conditions(s.get("Condition"), where);
        return new Statement(index, sid, e, principal, notPrincipal, actions, notAction, resources, notResource,
                conditions);
    }

    private static Principal principal(Object p, String where) {
        if (p instanceof String t) {
            if (t.equals("*")) return Principal.EVERYONE;
            throw new Refused(where + ": Principal is a string other than \"*\"");
        }
        Map<String, Object> m = object(p);
        if (m == null) throw new Refused(where + ": Principal is neither \"*\" nor an object");
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            byType.put(e.getKey(), strings(e.getValue(), where + " Principal " + safe(e.getKey()), false));
        }
        if (byType.isEmpty()) throw new Refused(where + ": Principal is an empty object");
        return new Principal(false, byType);
    }

    private static List<Condition> conditions(Object node, String where) {
        if (node == null) return List.of();
        Map<String, Object> c = object(node);
        if (c == null) throw new Refused(where + ": Condition is not an object");
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, Object> op : c.entrySet()) {
            Map<String, Object> keys = object(op.getValue());
            if (keys == null) {
                throw new Refused(where + ": condition operator " + safe(op.getKey()) + " does not hold an object");
            }
            for (Map.Entry<String, Object> k : keys.entrySet()) {
                out.add(Condition.of(op.getKey(), k.getKey(), strings(k.getValue(), where + " condition "
                        + safe(op.getKey()) + " " + safe(k.getKey()), true)));
                if (out.size() > MAX_ITEMS) throw new Refused(where + ": more than " + MAX_ITEMS + " conditions");
            }
        }
        return out;
    }

    /** One value or an array of values; conditions also take numbers and booleans (as their JSON text). */
    private static List<String> strings(Object v, String what, boolean scalars) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            if (list.size() > MAX_ITEMS) throw new Refused(what + " has more than " + MAX_ITEMS + " values");
            if (list.isEmpty() && !scalars) throw new Refused(what + " is an empty array");
            for (Object i : list) out.add(scalar(i, what, scalars));
        } else {
            out.add(scalar(v, what, scalars));
        }
        return out;
    }

    private static String scalar(Object v, String what, boolean scalars) {
        if (v instanceof String t) return t;
        if (scalars && v instanceof Boolean b) return b.toString();
        if (scalars && v instanceof StrictJson.Num n) return n.text();
        throw new Refused(what + " holds a value that is not a string");
    }

    private static String text(Map<String, Object> o, String name, String where) {
        Object v = o.get(name);
        if (v == null) return null;
        if (!(v instanceof String t)) throw new Refused(where + ": " + name + " is not a string");
        return t;
    }

    private static void both(Map<String, Object> s, String name, String where) {
        if (s.containsKey(name) && s.containsKey("Not" + name)) {
            throw new Refused(where + " has both " + name + " and Not" + name);
        }
    }

    private static void elements(Map<String, Object> o, Set<String> allowed, String where) {
        for (String name : o.keySet()) {
            if (allowed.contains(name)) continue;
            for (String a : allowed) {
                if (a.equalsIgnoreCase(name)) {
                    throw new Refused(where + " spells " + a + " as " + safe(name) + ": AWS's element names are "
                            + "case-sensitive and what it does with this one is not documented");
                }
            }
            throw new Refused(where + " has an element AWS's grammar does not know (" + safe(name) + ")");
        }
    }

    /** A name from the input as a message may hold it: short, printable ASCII only. */
    private static String safe(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > 40 ? b + "..." : b.toString();
    }
}
