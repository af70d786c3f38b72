package io.plumbline.model.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Value;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
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
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

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
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new Result(null, jsonProblem(e));
        }
        try {
            return new Result(document(root), null);
        } catch (Refused e) {
            return new Result(null, e.getMessage());
        }
    }

    /** Jackson's message names the duplicate key or the nesting limit; the excerpt of the input is left out. */
    private static String jsonProblem(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Duplicate field")) {
            return "a key appears twice in one object (" + safe(m.replaceFirst("^Duplicate field ", "")) + "): which "
                    + "one AWS reads is not documented";
        }
        if (m.contains("nesting depth")) return "nested deeper than " + MAX_DEPTH + " levels";
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return "not JSON" + where;
    }

    private static PolicyDocument document(JsonNode root) {
        if (root == null || !root.isObject()) throw new Refused("the document is not a JSON object");
        elements(root, TOP, "the document");
        String version = text(root, "Version", "the document");
        if (version != null && !VERSIONS.contains(version)) {
            throw new Refused("Version is neither 2012-10-17 nor 2008-10-17");
        }
        String id = text(root, "Id", "the document");
        JsonNode st = root.get("Statement");
        if (st == null) throw new Refused("the document has no Statement element");
        List<JsonNode> items = new ArrayList<>();
        if (st.isObject()) {
            items.add(st);
        } else if (st.isArray()) {
            if (st.size() > MAX_ITEMS) throw new Refused("more than " + MAX_ITEMS + " statements");
            st.forEach(items::add);
        } else {
            throw new Refused("Statement is neither an object nor an array");
        }
        List<Statement> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) out.add(statement(items.get(i), i));
        return new PolicyDocument(version, id, out);
    }

    private static Statement statement(JsonNode s, int index) {
        String where = "statement " + (index + 1);
        if (!s.isObject()) throw new Refused(where + " is not a JSON object");
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
        boolean notPrincipal = s.has("NotPrincipal");
        JsonNode p = s.get(notPrincipal ? "NotPrincipal" : "Principal");
        Principal principal = p == null ? null : principal(p, where);
        boolean notAction = s.has("NotAction");
        if (!notAction && !s.has("Action")) throw new Refused(where + " has neither Action nor NotAction");
        List<String> actions = strings(s.get(notAction ? "NotAction" : "Action"), where + " " + (notAction
                ? "NotAction" : "Action"), false);
        boolean notResource = s.has("NotResource");
        JsonNode r = s.get(notResource ? "NotResource" : "Resource");
        List<String> resources = r == null ? List.of() : strings(r, where + " " + (notResource ? "NotResource"
                : "Resource"), false);
        List<Condition> conditions = conditions(s.get("Condition"), where);
        return new Statement(index, sid, e, principal, notPrincipal, actions, notAction, resources, notResource,
                conditions);
    }

    private static Principal principal(JsonNode p, String where) {
        if (p.isTextual()) {
            if (p.textValue().equals("*")) return Principal.EVERYONE;
            throw new Refused(where + ": Principal is a string other than \"*\"");
        }
        if (!p.isObject()) throw new Refused(where + ": Principal is neither \"*\" nor an object");
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byType.put(e.getKey(), strings(e.getValue(), where + " Principal " + safe(e.getKey()), false));
        }
        if (byType.isEmpty()) throw new Refused(where + ": Principal is an empty object");
        return new Principal(false, byType);
    }

    private static List<Condition> conditions(JsonNode c, String where) {
        if (c == null) return List.of();
        if (!c.isObject()) throw new Refused(where + ": Condition is not an object");
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = c.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (!op.getValue().isObject()) {
                throw new Refused(where + ": condition operator " + safe(op.getKey()) + " does not hold an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> k = keys.next();
                out.add(Condition.of(op.getKey(), k.getKey(), strings(k.getValue(), where + " condition "
                        + safe(op.getKey()) + " " + safe(k.getKey()), true)));
                if (out.size() > MAX_ITEMS) throw new Refused(where + ": more than " + MAX_ITEMS + " conditions");
            }
        }
        return out;
    }

    /** One value or an array of values; conditions also take numbers and booleans (as their JSON text). */
    private static List<String> strings(JsonNode v, String what, boolean scalars) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            if (v.size() > MAX_ITEMS) throw new Refused(what + " has more than " + MAX_ITEMS + " values");
            if (v.isEmpty() && !scalars) throw new Refused(what + " is an empty array");
            for (JsonNode i : v) out.add(scalar(i, what, scalars));
        } else {
            out.add(scalar(v, what, scalars));
        }
        return out;
    }

    private static String scalar(JsonNode v, String what, boolean scalars) {
        if (v.isTextual()) return v.textValue();
        if (scalars && (v.isBoolean() || v.isNumber())) return v.asText();
        throw new Refused(what + " holds a value that is not a string");
    }

    private static String text(JsonNode o, String name, String where) {
        JsonNode v = o.get(name);
        if (v == null) return null;
        if (!v.isTextual()) throw new Refused(where + ": " + name + " is not a string");
        return v.textValue();
    }

    private static void both(JsonNode s, String name, String where) {
        if (s.has(name) && s.has("Not" + name)) throw new Refused(where + " has both " + name + " and Not" + name);
    }

    private static void elements(JsonNode o, Set<String> allowed, String where) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
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
