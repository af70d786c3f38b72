package io.plumbline.rule;

import io.plumbline.model.Kind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Everything a reader needs to know about a rule, in one place, on the rule class itself. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable id from the rule catalog, e.g. {@code ENC-001}. */
    String id();

    String title();

    Severity severity();

    /** Catalog group: multi-az, encryption, network-paths, backups, replication, identity-secrets, ... */
    String group();

    String rationale();

    String remediation();

    /** Control mappings, each "FRAMEWORK ID": {@code "NIST SC-28"}, {@code "SH RDS.27"}, {@code "CIS 2.3.1"}. */
    String[] controls() default {};

    /**
     * The model kinds the rule reads. Where one of them could not be collected (a live call denied), the rule's verdicts
     * in that account and region become UNKNOWN. Empty means "any kind": every gap makes the rule undecided. Kept honest
     * by a test that records what each rule actually reads.
     */
    Kind[] reads() default {};
}
