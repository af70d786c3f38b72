package io.plumbline.rules.support;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Evidence;
import io.plumbline.model.Secrets;
import java.util.Locale;

/**
 * Is the KMS key an attribute points at customer-managed? A reference that resolves to a {@link KmsKey} of the model
 * is customer-managed (the platform declares it) unless its {@code keyManager} says AWS; an AWS-managed alias
 * ({@code alias/aws/rds}, or its ARN form) is AWS-managed; no key at all means the service's default key (AWS-managed
 * or AWS-owned); a literal key ARN, key id or alias that is not in the model cannot be proven customer-managed.
 */
public final class Keys {

    /** Who owns the key, as far as the model can tell. */
    public enum Owner {
        /** A key the platform declares and manages. */
        CUSTOMER,
        /** An AWS-managed key ({@code aws/rds}, {@code aws/elasticache}...) or a key whose manager is AWS. */
        AWS_MANAGED,
        /** No key given: the service uses its default (AWS-managed or AWS-owned) key, or none. */
        NONE,
        /** A key named literally that is not in the model: its owner cannot be proven from this input. */
        UNPROVEN,
        /** The key attribute itself is unknown. */
        UNKNOWN
    }

    /** The answer: the owner, a sentence saying why, and the key resource when the model has it. */
    public record KeyCheck(Owner owner, String description, KmsKey key) {
        public boolean customerManaged() {
            return owner == Owner.CUSTOMER;
        }
    }

    private Keys() {
    }

    public static KeyCheck classify(Model model, Resource from, Value<Ref> kmsKey) {
        if (Fields.absentFromInput(kmsKey)) return new KeyCheck(Owner.NONE, "no KMS key is given", null);
        if (kmsKey.isUnknown()) {
            return new KeyCheck(Owner.UNKNOWN, "the KMS key is unknown: " + kmsKey.note(), null);
        }
        Ref ref = kmsKey.get();
        if (ref == null || ref.target() == null || ref.target().isBlank()) {
            return new KeyCheck(Owner.NONE, "no KMS key is given", null);
        }
        String target = kmsKey.isSensitive() ? Secrets.MASK : ref.target();
        Resource resolved = model.resolve(from, ref, KmsKey.class).map(Resource.class::cast)
                .or(() -> model.resolve(from, ref)).orElse(null);
        if (resolved instanceof KmsKey key) {
            if (key.keyManager.isPresent() && key.keyManager.get().trim().equalsIgnoreCase("AWS")) {
                return new KeyCheck(Owner.AWS_MANAGED, "key " + key.address() + " is managed by AWS (keyManager "
                        + key.keyManager.display() + ")", key);
            }
            return new KeyCheck(Owner.CUSTOMER, "customer-managed key " + key.address() + " declared in the input", key);
        }
        if (resolved != null) {
            return new KeyCheck(Owner.UNPROVEN, "the key reference " + target + " points at " + resolved
                    + ", which is not a KMS key", null);
        }
        if (isAwsManagedAlias(ref.target())) {
            return new KeyCheck(Owner.AWS_MANAGED, target + " is an AWS-managed key alias", null);
        }
        return new KeyCheck(Owner.UNPROVEN, "key " + target + " is not declared in this input, so it cannot be "
                + "proven to be customer-managed", null);
    }

    /** {@code alias/aws/...} or {@code arn:aws:kms:<region>:<account>:alias/aws/...}. */
    public static boolean isAwsManagedAlias(String target) {
        String t = target.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("alias/aws/") || (t.startsWith("arn:") && t.contains(":alias/aws/"));
    }

    /** Evidence for a key attribute: the value as found and, when resolved, the key's address. */
    public static Evidence evidence(String attribute, Value<Ref> kmsKey, KeyCheck check) {
        Evidence base = Evidence.of(attribute, kmsKey, "a customer-managed KMS key");
        String actual = Fields.absentFromInput(kmsKey) ? "(not set)" : base.actual();
        if (check.key() != null && !check.key().address().equals(actual)) actual = actual + " → " + check.key().address();
        return new Evidence(attribute, actual + " [" + check.owner().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "]", base.expected(), base.certainty(), base.location());
    }
}
