package io.plumbline.features.steps;

import io.cucumber.java.ParameterType;
import io.plumbline.features.check.AttributePath;
import io.plumbline.features.check.Expected;
import io.plumbline.features.check.Kinds;
import io.plumbline.model.Kind;
import java.util.List;
import java.util.Locale;

/**
 * The parameter types of the step library (documented in {@code features/STEPS.md}). Each is a small regular
 * expression and a transformer that validates what it matched, so a typo fails the step with the list of what is
 * accepted instead of matching nothing.
 */
public final class ParameterTypes {
    public static final String KIND = "[A-Za-z][A-Za-z0-9 _-]*?";
    public static final String ATTRIBUTE = "(?!only those whose )(?:their |its |the )?[A-Za-z][A-Za-z0-9 -]*?";
    public static final String TIER = "(?:the )?\"?([a-z][a-z0-9-]*)\"?(?: tier)?";
    public static final String RULE_ID = "[A-Z]{2,5}-\\d{3}";

    /** {@code DB cluster}, {@code Aurora cluster}, {@code S3 bucket}, {@code DB_CLUSTER}... ({@link Kinds}). */
    @ParameterType(name = "kind", value = KIND)
    public Kind kind(String text) {
        return Kinds.parse(text);
    }

    /** {@code their backup retention period}, {@code the status of their replication rules} ({@link AttributePath}). */
    @ParameterType(name = "attribute", value = ATTRIBUTE)
    public AttributePath attribute(String text) {
        return AttributePath.parse(text);
    }

    /** {@code true}, {@code false}, {@code 7}, {@code "required"}, {@code not set}, {@code the secondary region}. */
    @ParameterType(name = "value", value = Expected.REGEX)
    public Expected value(String text) {
        return Expected.parse(text);
    }

    /** {@code "redirect-to-https", "https-only"} or {@code "a", "b" or "c"}. */
    @ParameterType(name = "list", value = Expected.LIST_REGEX)
    public List<Expected> list(String text) {
        return Expected.parseList(text);
    }

    /** {@code the internet}, {@code "internet"}, {@code the app tier}, {@code data}... */
    @ParameterType(name = "tier", value = TIER)
    public Tier tier(String name) {
        return new Tier(name.toLowerCase(Locale.ROOT));
    }

    /** {@code tcp 5432}, {@code tcp 80, 443}, {@code tcp 1024-65535}, {@code icmp}, {@code any traffic} ({@link Ports}). */
    @ParameterType(name = "traffic", value = Ports.REGEX)
    public Ports traffic(String text) {
        return Ports.parse(text);
    }

    /** A rule id of the registry: {@code ENC-001}. */
    @ParameterType(name = "ruleId", value = RULE_ID)
    public RuleId ruleId(String id) {
        return new RuleId(id);
    }

    /** A tier name: {@code internet} or a value of the profile's tier tag. */
    public record Tier(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A rule id as written. */
    public record RuleId(String id) {
        @Override
        public String toString() {
            return id;
        }
    }
}
