package io.plumbline.rules.support;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.storage.AccountPublicAccessBlock;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Default encryption and Block Public Access of a bucket, judged once for ENC-009, BAK-006 and BAK-007. */
public final class BucketSettings {
    private BucketSettings() {
    }

    /**
     * SSE-KMS (or DSSE-KMS, {@code aws:kms:dsse}, the same key rules) with a customer-managed key. SSE-S3
     * ({@code AES256}) fails, also when it is only S3's default (since 2023-01-05 every bucket without a configuration
     * encrypts new objects with SSE-S3, which is encryption but no key of the platform's own); it passes on a bucket a
     * load balancer delivers its access logs to ({@code albLogs}), because ELB log delivery supports SSE-S3 only
     * (catalog §14 "Scopes"). {@code aws:kms} without a key means the AWS-managed {@code aws/s3} key. A key the input
     * does not declare is a customer key when it is named by an alias outside {@code alias/aws/} (KMS reserves that
     * prefix for AWS-managed keys and refuses it in CreateAlias); a bare key id or key ARN of another input cannot be
     * proven and is UNKNOWN.
     */
    public static Judgement cmkEncrypted(Model model, S3Bucket b, LoadBalancer albLogs) {
        Value<String> alg = b.sseAlgorithm;
        Evidence algEvidence = Evidence.of("sse_algorithm", alg, "aws:kms with a customer-managed key");
        if (Fields.absentFromInput(alg)) {
            return new Judgement(Judgement.Outcome.UNKNOWN, "this input does not carry the bucket's default "
                    + "encryption", algEvidence);
        }
        if (alg.isUnknown()) {
            return new Judgement(Judgement.Outcome.UNKNOWN, "the default encryption is unknown: " + alg.note(),
                    algEvidence);
        }
        String a = alg.get() == null ? "" : alg.get().trim().toLowerCase(Locale.ROOT);
        if (a.equals("aes256") || a.isEmpty()) {
            String what = alg.isDefaulted() || a.isEmpty()
                    ? "no default encryption is configured, so S3's default SSE-S3 (AES256, since 2023-01-05) applies"
                    : "default encryption is SSE-S3 (AES256)";
            if (albLogs != null) {
                return new Judgement(Judgement.Outcome.PASS, what + ", which this bucket needs: load balancer "
                        + albLogs.address() + " delivers its access logs here, and ELB log delivery supports SSE-S3 "
                        + "only", algEvidence);
            }
            return new Judgement(Judgement.Outcome.FAIL, what + ": S3-managed keys, not a customer-managed KMS key",
                    algEvidence);
        }
        if (!a.equals("aws:kms") && !a.equals("aws:kms:dsse")) {
            return new Judgement(Judgement.Outcome.FAIL, "default encryption algorithm " + Fields.shown(alg)
                    + " is not aws:kms or aws:kms:dsse", algEvidence);
        }
        Value<Ref> key = b.sseKmsKey;
        Keys.KeyCheck check = Keys.classify(model, b, key);
        Evidence keyEvidence = Keys.evidence("kms_master_key_id", key, check);
        String alias = check.owner() == Keys.Owner.UNPROVEN && key.isPresent() && !key.isSensitive()
                ? customerAlias(key.get().target()) : null;
        return switch (check.owner()) {
            case CUSTOMER -> new Judgement(Judgement.Outcome.PASS, Fields.shown(alg) + " with " + check.description(),
                    keyEvidence);
            case NONE -> new Judgement(Judgement.Outcome.FAIL, Fields.shown(alg) + " without a key: S3 uses the "
                    + "AWS-managed key aws/s3, not a customer-managed key", keyEvidence);
            case AWS_MANAGED -> new Judgement(Judgement.Outcome.FAIL, Fields.shown(alg) + " with "
                    + check.description() + ", not a customer-managed key", keyEvidence);
            case UNKNOWN -> new Judgement(Judgement.Outcome.UNKNOWN, check.description(), keyEvidence);
            case UNPROVEN -> alias != null
                    ? new Judgement(Judgement.Outcome.PASS, Fields.shown(alg) + " with key alias " + alias
                    + ", a customer-managed key (aliases outside alias/aws/ name customer keys)", keyEvidence)
                    : new Judgement(Judgement.Outcome.UNKNOWN, check.description(), keyEvidence);
        };
    }

    private static String customerAlias(String target) {
        String t = target.trim();
        int i = t.indexOf(":alias/");
        String alias = t.startsWith("alias/") ? t : (t.startsWith("arn:") && i > 0 ? t.substring(i + 1) : null);
        return alias == null || Keys.isAwsManagedAlias(alias) ? null : alias;
    }

    private record Flag(String name, Function<S3Bucket, Value<Boolean>> bucket,
                        Function<AccountPublicAccessBlock, Value<Boolean>> account) {
    }

    private static final List<Flag> FLAGS = List.of(
            new Flag("block_public_acls", b -> b.blockPublicAcls, a -> a.blockPublicAcls),
            new Flag("block_public_policy", b -> b.blockPublicPolicy, a -> a.blockPublicPolicy),
            new Flag("ignore_public_acls", b -> b.ignorePublicAcls, a -> a.ignorePublicAcls),
            new Flag("restrict_public_buckets", b -> b.restrictPublicBuckets, a -> a.restrictPublicBuckets));

    /**
     * All four Block Public Access settings in effect. S3 applies the most restrictive combination of the bucket's and
     * the account's settings (catalog §14, S3 user guide "Blocking public access to your Amazon S3 storage"), so each
     * setting is on when either level has it on; the account level counts where the input has it (a plan's
     * {@code aws_s3_account_public_access_block}, an audit's account settings) and applies to the buckets of its
     * account.
     */
    public static Judgement publicAccessBlocked(Model model, S3Bucket b) {
        List<AccountPublicAccessBlock> accounts = new ArrayList<>();
        for (AccountPublicAccessBlock a : model.all(AccountPublicAccessBlock.class)) {
            if (!Fields.deleted(a) && sameAccount(a, b)) accounts.add(a);
        }
        List<String> off = new ArrayList<>();
        List<String> open = new ArrayList<>();
        List<String> byAccount = new ArrayList<>();
        Evidence failing = null;
        Evidence undecided = null;
        Evidence first = null;
        for (Flag f : FLAGS) {
            Value<Boolean> own = f.bucket().apply(b);
            Evidence e = Evidence.of(f.name(), own, "true");
            if (first == null) first = e;
            if (own.is(Boolean.TRUE)) continue;
            Value<Boolean> acct = null;
            AccountPublicAccessBlock which = null;
            for (AccountPublicAccessBlock a : accounts) {
                Value<Boolean> v = f.account().apply(a);
                if (v.is(Boolean.TRUE) || acct == null || (acct.isKnown() && !v.isKnown())) {
                    acct = v;
                    which = a;
                }
                if (v.is(Boolean.TRUE)) break;
            }
            if (acct != null && acct.is(Boolean.TRUE)) {
                byAccount.add(f.name() + " (account level, " + which.address() + ")");
                continue;
            }
            boolean ownOpen = own.isUnknown() && !Fields.absentFromInput(own);
            boolean acctOpen = acct != null && acct.isUnknown();
            // An audit reads each bucket's own settings but not yet the account's, which may block what the bucket
            // leaves open: off at bucket level is then no proof of public access.
            boolean accountUnread = acct == null && b.location().isLive();
            if (ownOpen || acctOpen || Fields.absentFromInput(own) && acct == null || accountUnread) {
                open.add(f.name() + " is " + (ownOpen ? "unknown: " + own.note() : acctOpen ? "unknown at account "
                        + "level: " + acct.note() : accountUnread ? Fields.shown(own) + " at bucket level, and the "
                        + "account-level setting was not read (s3control:GetPublicAccessBlock is not collected), "
                        + "while S3 applies the stricter of the two" : "unknown: this input does not carry it"));
                if (undecided == null) undecided = acctOpen && !ownOpen ? Evidence.of(f.name() + " (account)", acct,
                        "true") : e;
            } else {
                off.add(f.name() + " is " + (own.isKnown() && own.get() != null ? own.display() : "not set")
                        + (accounts.isEmpty() ? "" : " and not on at account level either"));
                if (failing == null) failing = e;
            }
        }
        if (!off.isEmpty()) {
            return new Judgement(Judgement.Outcome.FAIL, "public access is not fully blocked: " + String.join("; ", off),
                    failing);
        }
        if (!open.isEmpty()) return new Judgement(Judgement.Outcome.UNKNOWN, String.join("; ", open), undecided);
        String how = byAccount.isEmpty() ? "all four Block Public Access settings are on for the bucket"
                : "all four Block Public Access settings are in effect (" + String.join(", ", byAccount) + ")";
        return new Judgement(Judgement.Outcome.PASS, how, first);
    }

    private static boolean sameAccount(AccountPublicAccessBlock a, S3Bucket b) {
        String mine = accountOf(b.location());
        String theirs = a.accountId.isPresent() ? a.accountId.get() : accountOf(a.location());
        return mine == null || theirs == null || mine.equals(theirs);
    }

    private static String accountOf(Provenance p) {
        return p == null ? null : p.account();
    }
}
