package io.plumbline.rules.support;

import io.plumbline.model.Value;
import io.plumbline.model.policy.Condition;
import io.plumbline.model.policy.Effect;
import io.plumbline.model.policy.PolicyDocument;
import io.plumbline.model.policy.PolicyReader;
import io.plumbline.model.policy.Statement;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Does a bucket's policy deny every request that does not use TLS (rule catalog ENC-010, S3 user guide "Enforce
 * encryption in transit" and Security Hub S3.5)? A statement counts when it is a {@code Deny} for every principal
 * ({@code "*"} or {@code {"AWS": "*"}}, not {@code NotPrincipal}), covers every S3 action ({@code s3:*} or {@code *}),
 * covers the bucket and its objects (its ARN and {@code ARN/*}, by name or by the template's {@code ${Bucket.Arn}}),
 * and is conditioned on transport only:
 * <ul>
 * <li>{@code Bool} (or {@code BoolIfExists}) {@code aws:SecureTransport} = {@code false}: every plain-HTTP request;</li>
 * <li>{@code NumericLessThan} (or {@code NumericLessThanIfExists}) {@code s3:TlsVersion}: AWS documents this deny
 * as enforcing HTTPS (AWS re:Post knowledge center, "How can I enforce TLS 1.2 or later for my Amazon S3 buckets?":
 * the policy denying {@code s3:TlsVersion < 1.2} "enforces HTTPS", and a workload that needs plain HTTP must add
 * {@code aws:SecureTransport = true} to exempt it), so S3 treats a plain-HTTP request as matching. Plumbline first
 * read it the IAM way (a test on an absent key is false, so HTTP would pass) and follows AWS's S3 statement
 * instead, as the catalog row does.</li>
 * </ul>
 * A second test in the same statement narrows it (tests are ANDed), so it no longer denies every HTTP request. An
 * {@code Allow} conditioned on {@code aws:SecureTransport = true} denies nothing. A statement denying every request
 * unconditionally also denies plain HTTP and counts (the bucket is then unusable, which other checks show).
 */
public final class BucketPolicies {
    private static final String EXPECTED = "a Deny of s3:* for Principal * on the bucket and its objects when "
            + "aws:SecureTransport is false";

    private BucketPolicies() {
    }

    public static Judgement tlsOnly(S3Bucket b) {
        Value<String> text = b.policy;
        if (Fields.absentFromInput(text)) {
            return new Judgement(Judgement.Outcome.UNKNOWN, "this input does not carry the bucket's policy",
                    Evidence.of("policy", text, EXPECTED));
        }
        Value<PolicyDocument> doc = PolicyReader.read(text);
        Evidence shown = evidence(text, doc);
        if (doc.isUnknown()) {
            return new Judgement(Judgement.Outcome.UNKNOWN, "the bucket policy is unknown: " + doc.note(), shown);
        }
        if (doc.get() == null) {
            return new Judgement(Judgement.Outcome.FAIL, "the bucket has no policy, so requests over plain HTTP are not denied",
                    shown);
        }
        List<String> subjects = subjects(b);
        if (subjects.isEmpty()) {
            return new Judgement(Judgement.Outcome.UNKNOWN, "the bucket's name is " + b.name.display() + ", so whether the "
                    + "policy's statements cover it cannot be told", shown);
        }
        List<String> near = new ArrayList<>();
        for (Statement s : doc.get().statements()) {
            String why = whyNot(s, subjects);
            if (why == null) {
                String how = s.conditions().isEmpty() ? "denies every request to the bucket and its objects"
                        : "denies requests without TLS (" + s.conditions().get(0).describe() + ")";
                return new Judgement(Judgement.Outcome.PASS, s.describe() + " " + how, shown);
            }
            if (s.effect() == Effect.DENY) near.add(s.describe() + " " + why);
        }
        String detail = near.isEmpty() ? "the policy has no Deny statement" : String.join("; ", near);
        return new Judgement(Judgement.Outcome.FAIL, "no statement of the bucket policy denies requests without TLS to the "
                + "bucket and its objects: " + detail, shown);
    }

    /** Null when the statement denies every request without TLS to the bucket and its objects; else why not. */
    private static String whyNot(Statement s, List<String> subjects) {
        if (s.effect() != Effect.DENY) return "is not a Deny";
        if (s.principal() == null || s.notPrincipal() || !s.principal().isWildcard()) {
            return "does not apply to every principal (Principal " + (s.principal() == null ? "missing"
                    : (s.notPrincipal() ? "NotPrincipal " : "") + s.principal().describe()) + ")";
        }
        if (!s.coversAllOf("s3")) return "does not cover every S3 action (" + (s.notAction() ? "NotAction " : "")
                + s.actions() + ")";
        boolean bucket = false;
        boolean objects = false;
        for (String subject : subjects) {
            bucket |= s.coversResource(subject);
            objects |= s.coversResource(subject + "/any/key");
        }
        if (!bucket || !objects) {
            return "does not cover " + (!bucket && !objects ? "the bucket or its objects" : !bucket ? "the bucket itself"
                    : "the bucket's objects") + " (" + (s.notResource() ? "NotResource " : "") + s.resources() + ")";
        }
        if (s.conditions().isEmpty()) return null;
        if (s.conditions().size() > 1) {
            return "has " + s.conditions().size() + " condition tests, which AWS ANDs, so it denies only part of the "
                    + "requests without TLS";
        }
        Condition c = s.conditions().get(0);
        if (c.keyIs("aws:SecureTransport") && c.baseIs("Bool") && c.qualifier() == Condition.Qualifier.NONE) {
            for (String v : c.values()) if (v.equalsIgnoreCase("false")) return null;
            return "tests aws:SecureTransport for " + c.values() + ", not false";
        }
        if (c.keyIs("s3:TlsVersion") && c.baseIs("NumericLessThan") && c.qualifier() == Condition.Qualifier.NONE) {
            return null;
        }
        return "is conditioned on " + c.describe() + ", not on the transport";
    }

    /**
     * The ARNs a statement may name the bucket by: {@code arn:<partition>:s3:::<name>}, and the forms a template
     * renders ({@code ${Logical.Arn}}, {@code arn:${AWS::Partition}:s3:::${Logical}}).
     */
    static List<String> subjects(S3Bucket b) {
        List<String> names = new ArrayList<>();
        if (b.name.isPresent() && !b.name.isSensitive()) names.add(b.name.get());
        List<String> out = new ArrayList<>();
        if (b.sourceType().startsWith("AWS::")) {
            names.add("${" + b.address() + "}");
            out.add("${" + b.address() + ".Arn}");
        }
        for (String n : names) {
            for (String partition : List.of("aws", "aws-cn", "aws-us-gov", "${AWS::Partition}")) {
                out.add("arn:" + partition + ":s3:::" + n);
            }
        }
        return out;
    }

    private static Evidence evidence(Value<String> text, Value<PolicyDocument> doc) {
        String actual;
        if (text.isSensitive()) actual = io.plumbline.model.Secrets.MASK;
        else if (doc.isUnknown()) actual = text.isUnknown() ? text.display() : "(unreadable policy)";
        else if (doc.get() == null) actual = text.display();
        else actual = doc.get().statements().size() + " statement(s)";
        return new Evidence("policy", actual, EXPECTED, doc.certainty(), text.provenance());
    }
}
