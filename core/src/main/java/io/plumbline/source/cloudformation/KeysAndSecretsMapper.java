package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Defaults;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.Secret;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Unk;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** KMS keys and aliases; Secrets Manager secrets and their rotation schedules. */
final class KeysAndSecretsMapper extends FamilyMapper {
    private static final Pattern RATE_DAYS = Pattern.compile("rate\\(\\s*(\\d+)\\s+days?\\s*\\)");

    private final Map<Secret, Res> rotations = new IdentityHashMap<>();

    KeysAndSecretsMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return switch (r.type()) {
            case "AWS::KMS::Key" -> kmsKey(r);
            case "AWS::SecretsManager::Secret" -> secret(r);
            default -> null;
        };
    }

    @Override
    Set<String> foldingTypes() {
        return Set.of("AWS::KMS::Alias", "AWS::SecretsManager::RotationSchedule");
    }

    @Override
    Resource fold(Res r) {
        return switch (r.type()) {
            case "AWS::KMS::Alias" -> foldKmsAlias(r);
            case "AWS::SecretsManager::RotationSchedule" -> foldRotation(r);
            default -> super.fold(r);
        };
    }

    @Override
    void finish() {
        for (Map.Entry<Secret, Res> e : rotations.entrySet()) rotation(e.getKey(), e.getValue());
    }

    private KmsKey kmsKey(Res r) {
        KmsKey k = new KmsKey(r.id(), r.type(), r.loc());
        Ev p = r.props();
        k.enabled = c.bool(get(p, "Enabled"), Defaults.KMS_ENABLED, r.loc());
        k.rotationEnabled = c.bool(get(p, "EnableKeyRotation"), Defaults.KMS_ROTATION, r.loc());
        k.rotationPeriodDays = c.integer(get(p, "RotationPeriodInDays"));
        k.keySpec = c.str(get(p, "KeySpec"), Defaults.KMS_KEY_SPEC, r.loc());
        k.keyUsage = c.str(get(p, "KeyUsage"), Defaults.KMS_KEY_USAGE, r.loc());
        k.deletionWindowDays = c.integer(get(p, "PendingWindowInDays"), Defaults.KMS_DELETION_WINDOW, r.loc());
        k.multiRegion = c.bool(get(p, "MultiRegion"), Defaults.KMS_MULTI_REGION, r.loc());
        k.keyManager = Value.defaulted(Defaults.CFN_KMS_KEY_MANAGER, r.loc());
        k.origin = c.str(get(p, "Origin"), Defaults.CFN_KMS_ORIGIN, r.loc());
        Ev policy = get(p, "KeyPolicy");
        k.policy = policy == null ? Value.defaulted(Defaults.CFN_KMS_DEFAULT_KEY_POLICY, r.loc()) : document(policy);
        return k;
    }

    private Secret secret(Res r) {
        Secret s = new Secret(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(s, r, "Name", false);
        s.kmsKey = c.ref(get(p, "KmsKeyId"), Defaults.CFN_SECRET_AWS_MANAGED_KEY, r.loc());
        s.rotationEnabled = Value.defaulted(Defaults.CFN_SECRET_NO_ROTATION, r.loc());
        Ev replicas = get(p, "ReplicaRegions");
        s.replicaRegions = replicas == null ? Value.defaulted(Defaults.CFN_SECRET_NO_REPLICAS, r.loc())
                : c.list(replicas, rr -> c.str(get(rr, "Region")));
        return s;
    }

    private Resource foldKmsAlias(Res r) {
        Ev p = r.props();
        KmsKey k = target(r, get(p, "TargetKeyId"), KmsKey.class, "TargetKeyId", "a KMS key");
        if (k == null) return null;
        String alias = text(get(p, "AliasName"));
        if (alias != null) k.addAlias(alias);
        return k;
    }

    private Resource foldRotation(Res r) {
        Ev p = r.props();
        Secret s = target(r, get(p, "SecretId"), Secret.class, "SecretId", "a secret");
        if (s == null) return null;
        rotations.put(s, r);
        return s;
    }

    private void rotation(Secret s, Res r) {
        if (r.uncertain() != null) {
            s.rotationEnabled = Value.unknown("the rotation schedule " + existence(r), r.loc());
            return;
        }
        Ev p = r.props();
        s.rotationEnabled = p instanceof Unk u ? Value.unknown("the rotation schedule " + r.id() + " is not known: "
                + u.reason(), r.loc()) : Value.explicit(true, r.loc());
        Ev rules = get(p, "RotationRules");
        Ev days = get(rules, "AutomaticallyAfterDays");
        Ev schedule = get(rules, "ScheduleExpression");
        if (days != null) {
            s.rotationDays = c.integer(days);
        } else if (schedule instanceof Lit l && l.value() != null) {
            Matcher m = RATE_DAYS.matcher(l.text().trim());
            s.rotationDays = m.matches() ? Value.explicit(Integer.parseInt(m.group(1)), c.at(schedule))
                    : Value.unknown("rotation schedule '" + Ev.shown(l) + "' is not a rate in days", c.at(schedule));
        } else if (schedule != null) {
            s.rotationDays = c.integer(schedule);
        }
    }
}
