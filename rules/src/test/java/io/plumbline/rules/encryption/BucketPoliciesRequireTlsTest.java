package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketPoliciesRequireTlsTest {
    private final BucketPoliciesRequireTls rule = new BucketPoliciesRequireTls();

    static S3Bucket bucket(String name, Value<String> policy) {
        S3Bucket b = new S3Bucket("aws_s3_bucket." + name, "aws_s3_bucket", at());
        b.name = explicit("acme-" + name);
        b.addAlias(b.name.get());
        b.tags = explicit(Map.of("plumbline:role", "tfstate"));
        b.policy = policy;
        return b;
    }

    private static String deny(String name, String resources, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":" + resources.replace("B", "arn:aws:s3:::acme-" + name) + condition + "}]}";
    }

    private static final String BOTH = "[\"B\",\"B/*\"]";
    private static final String SECURE_FALSE = ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}";

    @Test
    void aDenyOfEveryS3ActionWithoutTlsOnBucketAndObjectsPasses() {
        Result r = run(rule,
                bucket("ok", explicit(deny("ok", BOTH, SECURE_FALSE))),
                bucket("ifexists", explicit(deny("ifexists", "\"*\"",
                        ",\"Condition\":{\"NumericLessThanIfExists\":{\"s3:TlsVersion\":1.2}}"))),
                bucket("upper", explicit(deny("upper", BOTH, ",\"Condition\":{\"Bool\":{\"AWS:securetransport\":false}}"))),
                bucket("objects_only", explicit(deny("objects_only", "\"B/*\"", SECURE_FALSE))),
                bucket("tls_version", explicit(deny("tls_version", BOTH,
                        ",\"Condition\":{\"NumericLessThan\":{\"s3:TlsVersion\":\"1.2\"}}"))),
                bucket("narrowed", explicit(deny("narrowed", BOTH, ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":"
                        + "\"false\"},\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"))),
                bucket("allow_true", explicit("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                        + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}}")),
                bucket("get_only", explicit(deny("get_only", BOTH, SECURE_FALSE).replace("s3:*", "s3:GetObject"))));
        expect(r, "aws_s3_bucket.ok", Status.PASS, "denies requests without TLS", "tfstate");
        expect(r, "aws_s3_bucket.ifexists", Status.PASS, "NumericLessThanIfExists");
        expect(r, "aws_s3_bucket.upper", Status.PASS, "statement 1");
        expect(r, "aws_s3_bucket.objects_only", Status.FAIL, "the bucket itself");
        expect(r, "aws_s3_bucket.tls_version", Status.PASS, "NumericLessThan s3:TlsVersion");
        expect(r, "aws_s3_bucket.narrowed", Status.FAIL, "ANDs");
        expect(r, "aws_s3_bucket.allow_true", Status.FAIL, "no Deny statement");
        expect(r, "aws_s3_bucket.get_only", Status.FAIL, "every S3 action");
    }

    @Test
    void noPolicyFailsAndAnUnknownOrUnreadablePolicyIsUndecided() {
        Value<String> secret = explicit(deny("secret", BOTH, SECURE_FALSE).replace("Deny", "Allow")).asSensitive();
        Result r = run(rule,
                bucket("none", defaulted(Defaults.S3_NO_POLICY)),
                bucket("later", unknown()),
                bucket("dup", explicit("{\"Statement\":[{\"Effect\":\"Deny\",\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}")),
                bucket("secret", secret));
        expect(r, "aws_s3_bucket.none", Status.FAIL, "no policy");
        expect(r, "aws_s3_bucket.later", Status.UNKNOWN, "known only after apply");
        expect(r, "aws_s3_bucket.dup", Status.UNKNOWN, "appears twice");
        Finding f = expect(r, "aws_s3_bucket.secret", Status.FAIL, "no Deny statement");
        assertFalse(evidenceShows(f, "policy", "Statement"), "a sensitive policy is never shown");
    }

    @Test
    void aTemplatesRenderedArnPlaceholdersNameTheBucket() {
        S3Bucket b = new S3Bucket("StateBucket", "AWS::S3::Bucket", at());
        b.name = unknown("the name is built at deploy time");
        b.tags = explicit(Map.of("plumbline:role", "tfstate"));
        b.policy = explicit("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"*\","
                + "\"Resource\":[\"${StateBucket.Arn}\",\"${StateBucket.Arn}/*\"]" + SECURE_FALSE + "}]}");
        S3Bucket other = new S3Bucket("OtherBucket", "AWS::S3::Bucket", at());
        other.tags = b.tags;
        other.policy = b.policy;
        Result r = run(rule, b, other);
        expect(r, "StateBucket", Status.PASS);
        expect(r, "OtherBucket", Status.FAIL, "does not cover the bucket or its objects");
    }
}
