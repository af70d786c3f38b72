package io.plumbline.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TLS_DENY = """
            {"Version":"2012-10-17","Statement":{"Sid":"DenyHttp","Effect":"Deny","Principal":"*","Action":"s3:*",
             "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":false}}}}""";

    private static PolicyDocument ok(String text) {
        PolicyReader.Result r = PolicyReader.read(text);
        assertTrue(r.ok(), () -> "refused: " + r.problem());
        return r.document();
    }

    private static String refused(String text) {
        PolicyReader.Result r = PolicyReader.read(text);
        assertFalse(r.ok(), () -> "read: " + r.document());
        return r.problem();
    }

    @Test
    void readsTheSingleAndArrayFormsOfEveryElement() {
        PolicyDocument d = ok(TLS_DENY);
        assertEquals(1, d.statements().size());
        Statement s = d.statements().get(0);
        assertEquals(Effect.DENY, s.effect());
        assertTrue(s.principal().isWildcard());
        assertEquals(List.of("s3:*"), s.actions());
        assertTrue(s.coversAllOf("s3"));
        assertTrue(s.coversAction("S3:GetObject"), "actions are case-insensitive");
        assertTrue(s.coversResource("arn:aws:s3:::b/key"));
        assertFalse(s.coversResource("arn:aws:s3:::bb"));
        Condition c = s.conditions().get(0);
        assertEquals("Bool", c.base());
        assertEquals(List.of("false"), c.values(), "a JSON boolean reads as its text");
        assertTrue(c.keyIs("AWS:SECURETRANSPORT"), "context keys are case-insensitive");

        PolicyDocument arrays = ok("""
                {"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","*"]},
                 "NotAction":["kms:Delete*"],"NotResource":"arn:aws:kms:*:*:key/x"}]}""");
        Statement a = arrays.statements().get(0);
        assertNull(arrays.version(), "absent Version stays absent (AWS applies 2008-10-17)");
        assertTrue(a.principal().isWildcard(), "{\"AWS\": \"*\"} among ARNs is every principal");
        assertTrue(a.notAction());
        assertFalse(a.coversAction("kms:DeleteAlias"));
        assertTrue(a.coversAction("kms:Decrypt"));
        assertFalse(a.coversAllOf("kms"));
        assertTrue(a.coversAllOf("s3"), "a NotAction listing no s3 action covers every s3 action");
        assertTrue(a.coversResource("arn:aws:kms:eu-west-1:1:key/y"));
    }

    @Test
    void splitsConditionOperatorsIntoQualifierBaseAndIfExists() {
        PolicyDocument d = ok("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt",
                 "Resource":"*","Condition":{"ForAnyValue:StringLikeIfExists":{"aws:PrincipalOrgPaths":["o-1/*"]},
                 "NumericLessThan":{"s3:TlsVersion":1.2},"StringNotEquals":{"kms:CallerAccount":"1"}}}]}""");
        List<Condition> cs = d.statements().get(0).conditions();
        assertEquals(3, cs.size());
        assertEquals(Condition.Qualifier.FOR_ANY_VALUE, cs.get(0).qualifier());
        assertEquals("StringLike", cs.get(0).base());
        assertTrue(cs.get(0).ifExists());
        assertEquals(List.of("1.2"), cs.get(1).values());
        assertFalse(cs.get(1).negated());
        assertTrue(cs.get(2).negated());
    }

    @Test
    void decodesUrlEncodedDocumentsAsIamReturnsThem() {
        String encoded = URLEncoder.encode(TLS_DENY, StandardCharsets.UTF_8).replace("+", "%20");
        assertTrue(encoded.startsWith("%7B"));
        assertEquals(ok(TLS_DENY), ok(encoded));
        String plus = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::a+b/*\"}}";
        assertEquals("arn:aws:s3:::a+b/*", ok(URLEncoder.encode(plus, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%2B", "+")).statements().get(0).resources().get(0), "RFC 3986: + is a literal plus");
    }

    @Test
    void refusesWhatAwsWouldReadDifferentlyWithTheReasonAndNoValue() {
        assertTrue(refused("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Action\":\"s3:Get*\"}]}")
                .contains("appears twice"));
        assertTrue(refused("{\"Statement\":[{\"effect\":\"Deny\",\"Action\":\"s3:*\"}]}").contains("case-sensitive"));
        assertTrue(refused("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Extra\":1}]}")
                .contains("does not know"));
        assertTrue(refused("{\"Version\":\"2012-10-17\"}").contains("no Statement"));
        assertTrue(refused("{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"s3:*\"}]}").contains("Effect"));
        assertTrue(refused("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":42}]}").contains("not a string"));
        assertTrue(refused("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\",\"NotAction\":\"b\"}]}")
                .contains("both Action and NotAction"));
        assertTrue(refused("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"arn:aws:iam::1:root\",\"Action\":\"a\"}]}")
                .contains("Principal"));
        assertTrue(refused("[1,2]").contains("not a JSON object"));
        String secret = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"hunter2-secret\"";
        String problem = refused(secret);
        assertTrue(problem.startsWith("not JSON at line 1"), problem);
        assertFalse(problem.contains("hunter2"), "a problem never quotes the document's values");
        assertTrue(refused("{\"Statement\":" + "[".repeat(5000) + "]".repeat(5000) + "}").contains("deeper"));
        assertTrue(refused(" ".repeat(PolicyReader.MAX_CHARS + 1)).contains("longer than"));
        assertTrue(refused("%7Bnot%ZZ").contains("malformed escape"));
    }

    @Test
    void valuesKeepTheirCertaintySensitivityAndPlace() {
        Provenance at = Provenance.inFile("plan.json", 1, 1, "/x");
        Value<PolicyDocument> unknown = PolicyReader.read(Value.<String>unknown("known only after apply", at));
        assertTrue(unknown.isUnknown());
        assertEquals("known only after apply", unknown.note());
        Value<PolicyDocument> none = PolicyReader.read(Value.<String>explicit(null, at));
        assertTrue(none.isKnown());
        assertNull(none.get());
        Value<PolicyDocument> secret = PolicyReader.read(Value.explicit(TLS_DENY, at).asSensitive());
        assertTrue(secret.isSensitive());
        assertEquals(at, secret.provenance());
        Value<PolicyDocument> broken = PolicyReader.read(Value.explicit("{\"Statement\":[]", at));
        assertTrue(broken.isUnknown());
        assertTrue(broken.note().contains("not a policy document"), broken.note());
    }

    @Test
    void wildcardsMatchAsAwsDoesWithoutBacktrackingBlowUp() {
        assertTrue(Wildcards.matches("s3:Get*", "s3:GetObject", false));
        assertTrue(Wildcards.matches("arn:aws:s3:::b?/*", "arn:aws:s3:::bx/k", false));
        assertFalse(Wildcards.matches("arn:aws:s3:::B/*", "arn:aws:s3:::b/k", false));
        assertTrue(Wildcards.matches("S3:get*", "s3:GetObject", true));
        // a * of the pattern stays a wildcard where the text itself holds a *
        assertTrue(Wildcards.matches("*b", "*ab", false));
        assertTrue(Wildcards.matches("*:*", "s3:*", false));
        long start = System.nanoTime();
        assertFalse(Wildcards.matches("*a".repeat(2000) + "b", "a".repeat(20_000), false));
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
    }

    /** Every policy document inside the real plans, templates' rendered JSON strings and recorded AWS responses. */
    @Test
    void readsEveryPolicyOfTheCorpus() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String kind : List.of("terraform", "aws-live", "cloudformation")) {
            try (Stream<Path> files = Files.list(Shared.corpus(kind))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode root;
                    try {
                        root = JSON.readTree(f.toFile());
                    } catch (IOException e) {
                        continue;
                    }
                    walk(root, f.getFileName().toString(), found, failed, 0);
                }
            }
        }
        assertTrue(found.size() >= 20, "few policies found in the corpus: " + found.size());
        assertTrue(failed.isEmpty(), () -> failed.size() + " of " + found.size() + " refused:\n"
                + String.join("\n", failed));
    }

    private static void walk(JsonNode n, String file, List<String> found, List<String> failed, int depth) {
        if (depth > 64) return;
        if (n.isTextual()) {
            String t = n.textValue().strip();
            if (!t.startsWith("{") || !t.contains("Statement")) return;
            JsonNode inner;
            try {
                inner = JSON.readTree(t);
            } catch (IOException e) {
                return;
            }
            if (inner.isObject() && inner.has("Statement")) {
                found.add(file);
                PolicyReader.Result r = PolicyReader.read(t);
                if (!r.ok()) failed.add(file + ": " + r.problem());
            } else {
                walk(inner, file, found, failed, depth + 1);
            }
            return;
        }
        for (JsonNode c : n) walk(c, file, found, failed, depth + 1);
    }
}
