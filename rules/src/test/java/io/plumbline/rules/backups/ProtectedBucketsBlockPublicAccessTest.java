package io.plumbline.rules.backups;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.storage.AccountPublicAccessBlock;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtectedBucketsBlockPublicAccessTest {
    private final ProtectedBucketsBlockPublicAccess rule = new ProtectedBucketsBlockPublicAccess();

    private static S3Bucket bucket(String name, Value<Boolean> acls, Value<Boolean> policy) {
        S3Bucket b = new S3Bucket("aws_s3_bucket." + name, "aws_s3_bucket", at());
        b.name = explicit("acme-" + name);
        b.tags = explicit(Map.of("plumbline:role", "backups"));
        b.blockPublicAcls = acls;
        b.blockPublicPolicy = policy;
        b.ignorePublicAcls = explicit(true);
        b.restrictPublicBuckets = explicit(true);
        return b;
    }

    private static AccountPublicAccessBlock account(Value<Boolean> policy) {
        AccountPublicAccessBlock a = new AccountPublicAccessBlock("aws_s3_account_public_access_block.this",
                "aws_s3_account_public_access_block", at());
        a.blockPublicAcls = explicit(true);
        a.blockPublicPolicy = policy;
        a.ignorePublicAcls = explicit(false);
        a.restrictPublicBuckets = explicit(false);
        return a;
    }

    @Test
    void everyFlagMustBeOnAtBucketLevel() {
        Result r = run(rule,
                bucket("on", explicit(true), explicit(true)),
                bucket("new", defaulted(Defaults.CFN_S3_NEW_BUCKET_BLOCKS_PUBLIC_ACCESS),
                        defaulted(Defaults.CFN_S3_NEW_BUCKET_BLOCKS_PUBLIC_ACCESS)),
                bucket("policy_off", explicit(true), defaulted(Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG)),
                bucket("later", explicit(true), unknown()));
        expect(r, "aws_s3_bucket.on", Status.PASS, "all four", "backups bucket");
        expect(r, "aws_s3_bucket.new", Status.PASS);
        expect(r, "aws_s3_bucket.policy_off", Status.FAIL, "block_public_policy is false");
        expect(r, "aws_s3_bucket.later", Status.UNKNOWN, "block_public_policy is unknown");
    }

    @Test
    void theAccountLevelCoversWhatTheBucketLeavesOff() {
        Result r = run(rule, account(explicit(true)),
                bucket("covered", explicit(false), explicit(false)),
                bucket("unknown_own", unknown(), explicit(false)));
        expect(r, "aws_s3_bucket.covered", Status.PASS, "account level", "aws_s3_account_public_access_block.this");
        expect(r, "aws_s3_bucket.unknown_own", Status.PASS, "account level");

        Result partly = run(rule, account(unknown()), bucket("open", explicit(true), explicit(false)));
        expect(partly, "aws_s3_bucket.open", Status.UNKNOWN, "at account level");

        Result neither = run(rule, account(explicit(false)), bucket("off", explicit(true), explicit(false)));
        expect(neither, "aws_s3_bucket.off", Status.FAIL, "not on at account level either");
    }

    @Test
    void anAuditedBucketWithAFlagOffIsUndecidedWhileTheAccountLevelIsNotRead() {
        Provenance live = Provenance.live("111122223333", "eu-west-1", "arn:aws:s3:::acme-live",
                "s3:GetBucketPublicAccessBlock");
        S3Bucket b = new S3Bucket("arn:aws:s3:::acme-live", "AWS::S3::Bucket", live);
        b.name = Value.explicit("acme-live", live);
        b.tags = Value.explicit(Map.of("plumbline:role", "backups"), live);
        b.blockPublicAcls = Value.explicit(true, live);
        b.blockPublicPolicy = Value.explicit(false, live);
        b.ignorePublicAcls = Value.explicit(true, live);
        b.restrictPublicBuckets = Value.explicit(true, live);
        expect(run(rule, b), "arn:aws:s3:::acme-live", Status.UNKNOWN, "account-level setting was not read");
        expect(run(rule, account(explicit(true)), b), "arn:aws:s3:::acme-live", Status.PASS, "account level");
    }
}
