package io.plumbline.rule;

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
}
