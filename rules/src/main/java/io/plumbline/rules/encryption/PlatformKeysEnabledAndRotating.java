package io.plumbline.rules.encryption;

import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.References;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ENC-011. Customer-managed KMS keys are enabled, not pending deletion, and rotate automatically.
 *
 * <p>Which keys: every KMS key of the model, referenced or not. The catalog says "only keys referenced by platform
 * resources" to keep unrelated keys of a live account out; a Terraform plan or CloudFormation template declares only
 * the platform's own keys, so each is evaluated and the evidence says who references it. (A live source should bring
 * in only the keys the platform uses.) A planned delete of a key still referenced by a resource that stays is FAIL;
 * a planned delete of an unused key is not reported.
 *
 * <p>Rotation applies to symmetric encryption keys ({@code SYMMETRIC_DEFAULT}) with key material from KMS; asymmetric,
 * HMAC, imported ({@code EXTERNAL}) and custom-key-store keys cannot rotate automatically, so that part is not
 * applicable (the key may still fail on being disabled). An {@code origin} absent from the input is KMS's default,
 * {@code AWS_KMS}, and an absent {@code keySpec} is {@code SYMMETRIC_DEFAULT} (KMS CreateKey defaults). AWS-managed
 * keys ({@code keyManager = AWS}) rotate by themselves: not applicable.
 */
@RuleInfo(
        id = "ENC-011",
        title = "Platform CMKs are Enabled, not pending deletion, and rotate automatically",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "A disabled or deleted key makes RDS, EBS, ElastiCache and S3 data unreadable; rotation limits key "
                + "exposure.",
        remediation = "Keep is_enabled = true (CloudFormation: Enabled: true), cancel any scheduled deletion of a key "
                + "still in use, and set enable_key_rotation = true (EnableKeyRotation: true) on symmetric keys.",
        controls = {"SH KMS.4", "SH KMS.3", "CIS 3.6", "NIST SC-12", "NIST SC-12(2)", "NIST SC-28(3)",
                "CKV CKV_AWS_7", "CKV CKV_AWS_227", "AVD AVD-AWS-0065", "NAG AwsSolutions-KMS5",
                "NAG NAG-R5 KMSBackingKeyRotationEnabled"})
public final class PlatformKeysEnabledAndRotating implements Rule {
    private static final Set<String> BAD_STATES = Set.of("disabled", "pendingdeletion", "pendingreplicadeletion",
            "unavailable", "pendingimport");

    @Override
    public void check(RuleContext ctx) {
        Map<KmsKey, List<Resource>> users = References.referrers(ctx.model(), KmsKey.class);
        for (KmsKey k : ctx.model().all(KmsKey.class)) {
            List<Resource> usedBy = users.getOrDefault(k, List.of());
            Evidence usage = Evidence.of("referenced by", usedBy.isEmpty() ? "no resource of the input"
                    : usedBy.stream().map(Resource::address).collect(Collectors.joining(", ")),
                    "(informational)", k.location());
            if (Fields.deleted(k)) {
                if (!usedBy.isEmpty()) {
                    ctx.fail(k, "the plan deletes this key while " + describe(usedBy) + " still use it: their data "
                            + "becomes unreadable once the deletion window ends", usage,
                            Evidence.of("change", "DELETE", "no deletion of a key in use", k.location()));
                }
                continue;
            }
            if (Fields.is(k.keyManager, "AWS")) {
                ctx.notApplicable(k, "AWS-managed key: AWS enables and rotates it",
                        Evidence.of("keyManager", k.keyManager, "CUSTOMER"), usage);
                continue;
            }
            Checks v = new Checks("the key is enabled" + (rotationApplies(k) == Boolean.FALSE ? "" : " and rotates "
                    + "automatically"));
            v.note(usage);
            checkEnabled(k, v);
            checkRotation(k, v);
            ctx.report(k, v.verdict());
        }
    }

    private static void checkEnabled(KmsKey k, Checks v) {
        Evidence e = Evidence.of("enabled", k.enabled, "true");
        if (k.enabled.isUnknown()) {
            v.unknown("enabled is unknown: " + k.enabled.note(), e);
        } else if (!Boolean.TRUE.equals(k.enabled.get())) {
            v.fail("the key is disabled (enabled " + k.enabled.display() + "): data under it cannot be decrypted", e);
        } else {
            v.pass(e);
        }
        // keyState exists only where AWS reports it (live); plans and templates do not carry it.
        if (Fields.absentFromInput(k.keyState)) return;
        Evidence s = Evidence.of("keyState", k.keyState, "Enabled");
        if (k.keyState.isUnknown()) {
            v.unknown("keyState is unknown: " + k.keyState.note(), s);
        } else if (k.keyState.get() == null) {
            v.note(s);
        } else if (BAD_STATES.contains(k.keyState.get().trim().toLowerCase(Locale.ROOT))) {
            v.fail("the key state is " + Fields.shown(k.keyState) + (k.keyState.get().toLowerCase(Locale.ROOT)
                    .contains("deletion") ? ": it is scheduled for deletion" : ""), s);
        } else {
            v.pass(s);
        }
    }

    /** TRUE when rotation applies, FALSE when the key cannot rotate, null when that is unknown. */
    private static Boolean rotationApplies(KmsKey k) {
        if (unknownHere(k.keySpec) || unknownHere(k.origin)) return null;
        String spec = k.keySpec.isPresent() ? k.keySpec.get() : "SYMMETRIC_DEFAULT";
        if (spec != null && !spec.trim().equalsIgnoreCase("SYMMETRIC_DEFAULT")) return false;
        if (Fields.is(k.keyUsage, "GENERATE_VERIFY_MAC") || Fields.is(k.keyUsage, "SIGN_VERIFY")) return false;
        String origin = k.origin.isPresent() ? k.origin.get().trim() : "AWS_KMS";
        return origin.equalsIgnoreCase("AWS_KMS");
    }

    private static void checkRotation(KmsKey k, Checks v) {
        Boolean applies = rotationApplies(k);
        if (applies == null) {
            boolean spec = unknownHere(k.keySpec);
            Value<?> why = spec ? k.keySpec : k.origin;
            String attr = spec ? "keySpec" : "origin";
            v.unknown("whether the key can rotate is unknown: " + attr + " is unknown (" + why.note() + ")",
                    Evidence.of(attr, why, spec ? "SYMMETRIC_DEFAULT" : "AWS_KMS"));
            return;
        }
        if (!applies) {
            v.note(Evidence.of("keySpec", k.keySpec, "SYMMETRIC_DEFAULT (only those rotate automatically)"));
            v.note(Evidence.of("origin", k.origin.isPresent() ? k.origin.get() : "AWS_KMS (KMS default)",
                    "AWS_KMS", k.origin.provenance()));
            v.note(Evidence.of("rotationEnabled", "not applicable: this key cannot rotate automatically",
                    "-", k.location()));
            return;
        }
        Evidence e = Evidence.of("rotationEnabled", k.rotationEnabled, "true");
        if (k.rotationEnabled.isUnknown()) {
            v.unknown("rotationEnabled is unknown: " + k.rotationEnabled.note(), e);
        } else if (!Boolean.TRUE.equals(k.rotationEnabled.get())) {
            v.fail("automatic key rotation is off (rotationEnabled " + k.rotationEnabled.display() + ")", e);
        } else {
            v.pass(e);
            if (k.rotationPeriodDays.isPresent()) v.note(Evidence.of("rotationPeriodDays", k.rotationPeriodDays,
                    "90-2560"));
        }
    }

    /** Unknown for a reason other than "this input kind does not carry it" (then KMS's default applies). */
    private static boolean unknownHere(Value<?> v) {
        return v.isUnknown() && !Fields.absentFromInput(v);
    }

    private static String describe(List<Resource> users) {
        return users.stream().map(Resource::address).collect(Collectors.joining(", "));
    }
}
