package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketsEncryptedWithCmkTest {
    private final BucketsEncryptedWithCmk rule = new BucketsEncryptedWithCmk();

    private static S3Bucket bucket(String name, String role, Value<String> alg, Value<Ref> key) {
        S3Bucket b = new S3Bucket("aws_s3_bucket." + name, "aws_s3_bucket", at());
        b.name = explicit("acme-" + name);
        b.addAlias(b.name.get());
        b.tags = explicit(role == null ? Map.of() : Map.of("plumbline:role", role));
        b.sseAlgorithm = alg;
        b.sseKmsKey = key;
        return b;
    }

    @Test
    void protectedBucketsNeedACustomerManagedKey() {
        KmsKey cmk = new KmsKey("aws_kms_key.s3", "aws_kms_key", at());
        cmk.keyManager = explicit("CUSTOMER");
        Result r = run(rule, cmk,
                bucket("state", "tfstate", explicit("aws:kms"), ref("aws_kms_key.s3")),
                bucket("dsse", "backups", explicit("aws:kms:dsse"), ref("aws_kms_key.s3")),
                bucket("sse_s3", "tfstate", explicit("AES256"), explicit(null)),
                bucket("silent", "backups", defaulted(Defaults.S3_DEFAULT_SSE), Value.notInInput()),
                bucket("aws_s3", "artifacts", explicit("aws:kms"), explicit(null)),
                bucket("aws_alias", "logs", explicit("aws:kms"), ref("alias/aws/s3")),
                bucket("own_alias", "logs", explicit("aws:kms"), ref("arn:aws:kms:eu-west-1:1:alias/platform-s3")),
                bucket("foreign", "backups", explicit("aws:kms"),
                        ref("arn:aws:kms:eu-west-1:1:key/0a1b2c3d-0000-4000-8000-000000000000")),
                bucket("later", "backups", unknown(), Value.notInInput()),
                bucket("plain", null, explicit("AES256"), explicit(null)));
        expect(r, "aws_s3_bucket.state", Status.PASS, "customer-managed key aws_kms_key.s3");
        expect(r, "aws_s3_bucket.dsse", Status.PASS, "aws:kms:dsse");
        expect(r, "aws_s3_bucket.sse_s3", Status.FAIL, "SSE-S3");
        expect(r, "aws_s3_bucket.silent", Status.FAIL, "2023-01-05");
        expect(r, "aws_s3_bucket.aws_s3", Status.FAIL, "aws/s3");
        expect(r, "aws_s3_bucket.aws_alias", Status.FAIL, "AWS-managed");
        expect(r, "aws_s3_bucket.own_alias", Status.PASS, "alias/platform-s3");
        expect(r, "aws_s3_bucket.foreign", Status.UNKNOWN, "cannot be proven");
        expect(r, "aws_s3_bucket.later", Status.UNKNOWN, "known only after apply");
        expect(r, "aws_s3_bucket.plain", Status.FAIL, "general", "SSE-S3");
    }

    @Test
    void aBucketReceivingLoadBalancerLogsPassesWithSseS3() {
        S3Bucket logs = bucket("alb_logs", null, explicit("AES256"), explicit(null));
        LoadBalancer lb = new LoadBalancer("aws_lb.front", "aws_lb", at());
        lb.type = explicit("application");
        lb.accessLogsEnabled = explicit(true);
        lb.accessLogsBucket = ref("acme-alb_logs");
        Result r = run(rule, logs, lb);
        expect(r, "aws_s3_bucket.alb_logs", Status.PASS, "aws_lb.front", "SSE-S3 only", "logs bucket");
    }
}
