package io.plumbline.rules.encryption;

import io.plumbline.model.Arn;
import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.policy.Condition;
import io.plumbline.model.policy.Effect;
import io.plumbline.model.policy.PolicyDocument;
import io.plumbline.model.policy.PolicyReader;
import io.plumbline.model.policy.Statement;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ENC-012. KMS key policies grant nothing to an unconditioned wildcard principal. A statement is a wildcard grant when
 * it is an {@code Allow} to {@code "*"} or {@code {"AWS": "*"}}, or uses {@code NotPrincipal} (everyone but the
 * listed). Such a grant is conditioned — restricted to known callers — when at least one of its tests pins the caller
 * or the calling resource to an account, organization or ARN:
 * <ul>
 * <li>keys {@code kms:CallerAccount}, {@code aws:PrincipalAccount}, {@code aws:PrincipalOrgID},
 * {@code aws:PrincipalOrgPaths}, {@code aws:PrincipalArn}, {@code aws:SourceAccount}, {@code aws:SourceArn},
 * {@code aws:SourceOrgID}, {@code aws:SourceOrgPaths};</li>
 * <li>with a positive operator ({@code StringEquals}, {@code StringLike}, {@code ArnEquals}, {@code ArnLike}), not
 * negated, not {@code IfExists} (an absent key would then pass: a direct call carries no {@code aws:SourceAccount})
 * and not {@code ForAllValues:} (true on an absent key);</li>
 * <li>with values that do not leave the account open: no bare {@code *}, and in ARNs no wildcard in the account
 * field.</li>
 * </ul>
 * Decided against counting {@code kms:ViaService} alone: it limits the path (through a service), not who calls, and
 * AWS's own managed-key policies pair it with {@code kms:CallerAccount}. Tests on other keys (encryption context,
 * grant flags) narrow what may be done, not who may do it: FAIL, naming them. A key without a policy gets KMS's
 * default key policy (the account root only): PASS. AWS-managed keys' policies are AWS's: not applicable.
 */
@RuleInfo(
        id = "ENC-012",
        title = "KMS key policies grant no unconditioned wildcard principal",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "Principal \"*\" on a key policy can open encryption and decryption to any AWS account.",
        remediation = "Name the principals (account root, roles) in the key policy, or restrict a \"*\" principal "
                + "with a kms:CallerAccount, aws:PrincipalOrgID or aws:SourceAccount condition.",
        controls = {"SH KMS.5", "CKV CKV_AWS_33"},
        reads = {Kind.KMS_KEY})
public final class KeyPoliciesNoOpenPrincipal implements Rule {
    private static final Set<String> CALLER_KEYS = Set.of("kms:calleraccount", "aws:principalaccount",
            "aws:principalorgid", "aws:principalorgpaths", "aws:principalarn", "aws:sourceaccount", "aws:sourcearn",
            "aws:sourceorgid", "aws:sourceorgpaths");
    private static final Set<String> POSITIVE = Set.of("stringequals", "stringlike", "arnequals", "arnlike",
            "stringequalsignorecase");
    private static final String EXPECTED = "no Allow to \"*\" without a condition on the caller's account, "
            + "organization or ARN";

    @Override
    public void check(RuleContext ctx) {
        for (KmsKey k : ctx.model().all(KmsKey.class)) {
            if (Fields.deleted(k)) continue;
            if (Fields.is(k.keyManager, "AWS")) {
                ctx.notApplicable(k, "an AWS-managed key: AWS writes and keeps its policy",
                        Evidence.of("keyManager", k.keyManager, "CUSTOMER"));
                continue;
            }
            Value<String> text = k.policy;
            if (Fields.absentFromInput(text)) {
                ctx.unknown(k, "this input does not carry the key policy", Evidence.of("policy", text, EXPECTED));
                continue;
            }
            Value<PolicyDocument> doc = PolicyReader.read(text);
            Evidence e = new Evidence("policy", shown(text, doc), EXPECTED, doc.certainty(), text.provenance());
            if (doc.isUnknown()) {
                ctx.unknown(k, "the key policy is unknown: " + doc.note(), e);
            } else if (doc.get() == null) {
                ctx.pass(k, "no key policy is given, so KMS's default key policy applies: only the account root "
                        + "(and the account's IAM policies) may use the key", e);
            } else {
                judge(ctx, k, doc.get(), e);
            }
        }
    }

    private static void judge(RuleContext ctx, KmsKey k, PolicyDocument doc, Evidence e) {
        List<String> open = new ArrayList<>();
        List<String> restricted = new ArrayList<>();
        for (Statement s : doc.statements()) {
            if (s.effect() != Effect.ALLOW || s.principal() == null) continue;
            if (!s.notPrincipal() && !s.principal().isWildcard()) continue;
            String who = s.notPrincipal() ? "NotPrincipal " + s.principal().describe() + " (everyone else)"
                    : "Principal " + s.principal().describe();
            Condition pin = null;
            for (Condition c : s.conditions()) if (pins(c)) pin = pin == null ? c : pin;
            if (pin != null) {
                restricted.add(s.describe() + " allows " + who + " only where " + pin.describe());
            } else if (s.conditions().isEmpty()) {
                open.add(s.describe() + " allows " + who + " " + s.actions() + " without any condition");
            } else {
                List<String> tests = s.conditions().stream().map(Condition::describe).toList();
                open.add(s.describe() + " allows " + who + " " + s.actions() + " with conditions that do not limit "
                        + "who calls (" + String.join("; ", tests) + ")");
            }
        }
        if (!open.isEmpty()) {
            ctx.fail(k, "the key policy opens the key to any principal: " + String.join("; ", open), e);
        } else if (!restricted.isEmpty()) {
            ctx.pass(k, "every wildcard grant of the key policy is restricted to known callers: "
                    + String.join("; ", restricted), e);
        } else {
            ctx.pass(k, "the key policy grants nothing to a wildcard principal", e);
        }
    }

    private static boolean pins(Condition c) {
        if (!CALLER_KEYS.contains(c.key().toLowerCase(Locale.ROOT))) return false;
        if (c.negated() || c.ifExists() || c.qualifier() == Condition.Qualifier.FOR_ALL_VALUES) return false;
        if (!POSITIVE.contains(c.base().toLowerCase(Locale.ROOT)) || c.values().isEmpty()) return false;
        boolean like = c.base().toLowerCase(Locale.ROOT).endsWith("like");
        for (String v : c.values()) if (!pinned(v, c.key(), like)) return false;
        return true;
    }

    /** A value that names one account, organization, path or ARN (wildcards only below the account). */
    private static boolean pinned(String v, String key, boolean like) {
        String t = v.trim();
        if (t.isEmpty() || t.equals("*")) return false;
        if (!like || (t.indexOf('*') < 0 && t.indexOf('?') < 0)) return true;
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("arn")) {
            // A template's pseudo parameters stand for the stack's own partition, region and account: pinned.
            Arn arn = Arn.parse(t.replace("${AWS::Partition}", "aws").replace("${AWS::Region}", "us-east-1")
                    .replace("${AWS::AccountId}", "000000000000"));
            return arn != null && arn.hasAccount() && arn.account().indexOf('*') < 0 && arn.account().indexOf('?') < 0;
        }
        if (k.endsWith("orgpaths")) {
            int slash = t.indexOf('/');
            String org = slash < 0 ? t : t.substring(0, slash);
            return org.startsWith("o-") && org.indexOf('*') < 0 && org.indexOf('?') < 0;
        }
        return false;
    }

    private static String shown(Value<String> text, Value<PolicyDocument> doc) {
        if (text.isSensitive()) return io.plumbline.model.Secrets.MASK;
        if (doc.isUnknown()) return text.isUnknown() ? text.display() : "(unreadable policy)";
        if (doc.get() == null) return text.display();
        return doc.get().statements().size() + " statement(s)";
    }
}
