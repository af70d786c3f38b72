package io.plumbline.rule;

import io.plumbline.model.Kind;
import java.util.List;

/** A rule's metadata, read from its {@link RuleInfo}. {@code reads} empty means the rule may read any kind. */
public record RuleDescriptor(String id, String title, Severity severity, String group, String rationale,
                             String remediation, List<String> controls, List<Kind> reads) {

    public RuleDescriptor(String id, String title, Severity severity, String group, String rationale,
                          String remediation, List<String> controls) {
        this(id, title, severity, group, rationale, remediation, controls, List.of());
    }

    /** Whether a gap in {@code kind} may change this rule's verdicts. */
    public boolean reads(Kind kind) {
        return reads.isEmpty() || reads.contains(kind);
    }

    public static RuleDescriptor of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo annotation");
        }
        return new RuleDescriptor(info.id(), info.title(), info.severity(), info.group(), info.rationale(),
                info.remediation(), List.of(info.controls()), List.of(info.reads()));
    }
}
