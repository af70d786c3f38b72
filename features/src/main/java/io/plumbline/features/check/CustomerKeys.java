package io.plumbline.features.check;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.rules.support.Keys;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Encrypted with a customer-managed key", decided the way the rules decide it ({@link Keys#classify}): the key
 * attribute must point at a KMS key the input declares (not managed by AWS); no key, or an AWS-managed alias, fails;
 * a key named only by an ARN that is not in the input, or an unknown key, is undecided. Where the resource has an
 * encryption switch ({@code storageEncrypted}, {@code atRestEncryption}, {@code encrypted}) or algorithm
 * ({@code sseAlgorithm} {@code aws:kms}, {@code encryptionType} {@code KMS}), it must be on too. Nested records that
 * carry their own key (a launch template's block devices) are each checked.
 */
public final class CustomerKeys {
    static final List<String> KEY_FIELDS = List.of("kmsKey", "sseKmsKey", "secretsEncryptionKey");
    static final List<String> SWITCH_FIELDS = List.of("storageEncrypted", "atRestEncryption", "encrypted");
    static final List<String> ALGORITHM_FIELDS = List.of("sseAlgorithm", "encryptionType");
    static final Set<String> KMS_ALGORITHMS = Set.of("aws:kms", "aws:kms:dsse", "kms", "kms_dsse");
    static final List<String> NESTED_FIELDS = List.of("blockDevices");

    private CustomerKeys() {
    }

    /** The verdict for one resource, with its evidence. */
    public static Claim.Verdict check(Model model, Resource resource) {
        List<Object> units = new ArrayList<>();
        List<String> unitNames = new ArrayList<>();
        if (hasAny(resource, KEY_FIELDS)) {
            units.add(resource);
            unitNames.add("");
        }
        for (String nested : NESTED_FIELDS) {
            if (!has(resource, nested)) continue;
            Found f = AttributePath.parse(nested).resolve(resource).get(0);
            if (!f.known()) return new Claim.Verdict(Outcome.UNDECIDED, f.describe());
            List<Found> elements = f.elements();
            if (elements.isEmpty()) {
                return new Claim.Verdict(Outcome.UNDECIDED, f.path() + " declares none: the volumes' encryption comes "
                        + "from defaults that are not in this input");
            }
            for (Found e : elements) {
                units.add(e.value());
                unitNames.add(e.path() + ".");
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a " + resource.getClass().getSimpleName() + " has no KMS key attribute"
                    + " (one of " + String.join(", ", KEY_FIELDS) + ")");
        }
        List<Claim.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) verdicts.add(unit(model, resource, units.get(i), unitNames.get(i)));
        return Claim.all(verdicts);
    }

    @SuppressWarnings("unchecked")
    private static Claim.Verdict unit(Model model, Resource resource, Object unit, String prefix) {
        Outcome o = Outcome.PASS;
        List<String> lines = new ArrayList<>();
        for (String s : SWITCH_FIELDS) {
            Value<?> v = value(unit, s);
            if (v == null) continue;
            Found f = Found.of(prefix + s, v, resource.location());
            if (v.isUnknown()) {
                o = o.and(Outcome.UNDECIDED);
                lines.add(f.describe());
            } else if (!Boolean.TRUE.equals(v.get()) && !"true".equalsIgnoreCase(String.valueOf(v.get()))) {
                o = o.and(Outcome.FAIL);
                lines.add(f.describe() + " (expected: true)");
            } else {
                lines.add(f.describe());
            }
        }
        for (String s : ALGORITHM_FIELDS) {
            Value<?> v = value(unit, s);
            if (v == null) continue;
            Found f = Found.of(prefix + s, v, resource.location());
            if (v.isUnknown()) {
                o = o.and(Outcome.UNDECIDED);
                lines.add(f.describe());
            } else if (v.get() == null || !KMS_ALGORITHMS.contains(String.valueOf(v.get()).toLowerCase(Locale.ROOT))) {
                o = o.and(Outcome.FAIL);
                lines.add(f.describe() + " (expected: KMS encryption)");
            } else {
                lines.add(f.describe());
            }
        }
        for (String s : KEY_FIELDS) {
            Value<?> v = value(unit, s);
            if (v == null) continue;
            Keys.KeyCheck key = Keys.classify(model, resource, (Value<Ref>) v);
            Found f = Found.of(prefix + s, v, resource.location());
            String line = f.describe() + ": " + key.description();
            switch (key.owner()) {
                case CUSTOMER -> lines.add(line);
                case AWS_MANAGED, NONE -> {
                    o = o.and(Outcome.FAIL);
                    lines.add(line + " (expected: a customer-managed KMS key)");
                }
                default -> {
                    o = o.and(Outcome.UNDECIDED);
                    lines.add(line);
                }
            }
        }
        return new Claim.Verdict(o, String.join("; ", lines));
    }

    /** The verdict for a key attribute a feature names ("their secrets encryption key is a customer-managed key"). */
    @SuppressWarnings("unchecked")
    public static Claim.Verdict checkKey(Model model, Resource resource, Found f) {
        if (f.empty()) return new Claim.Verdict(Outcome.FAIL, f.describe() + " (expected: a customer-managed KMS key)");
        Value<Ref> v;
        if (f.source() != null && (f.source().isUnknown() || f.source().get() == null || f.source().get() instanceof Ref)) {
            v = (Value<Ref>) f.source();
        } else if (f.value() instanceof Ref r) {
            v = Value.explicit(r, f.where());
        } else if (f.value() instanceof Collection<?>) {
            List<Claim.Verdict> each = new ArrayList<>();
            for (Found e : f.elements()) each.add(checkKey(model, resource, e));
            if (each.isEmpty()) return new Claim.Verdict(Outcome.FAIL, f.describe() + " (expected: a customer-managed KMS key)");
            return Claim.all(each);
        } else {
            throw new IllegalArgumentException(f.path() + " is not a reference to a KMS key");
        }
        Keys.KeyCheck key = Keys.classify(model, resource, v);
        String line = f.describe() + ": " + key.description();
        return switch (key.owner()) {
            case CUSTOMER -> new Claim.Verdict(Outcome.PASS, line);
            case AWS_MANAGED, NONE -> new Claim.Verdict(Outcome.FAIL, line + " (expected: a customer-managed KMS key)");
            default -> new Claim.Verdict(Outcome.UNDECIDED, line);
        };
    }

    private static boolean hasAny(Object target, List<String> names) {
        for (String n : names) if (has(target, n)) return true;
        return false;
    }

    private static boolean has(Object target, String name) {
        return value(target, name) != null || AttributePath.names(target.getClass()).contains(name);
    }

    private static Value<?> value(Object target, String name) {
        try {
            if (target.getClass().isRecord()) {
                for (RecordComponent rc : target.getClass().getRecordComponents()) {
                    if (rc.getName().equals(name)) {
                        Object o = rc.getAccessor().invoke(target);
                        return o instanceof Value<?> v ? v : null;
                    }
                }
                return null;
            }
            Object o = target.getClass().getField(name).get(target);
            return o instanceof Value<?> v ? v : null;
        } catch (NoSuchFieldException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
