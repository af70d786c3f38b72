package io.plumbline.rule;

import java.util.List;

/** A rule's metadata, read from its {@link RuleInfo}. */
public record RuleDescriptor(String id, String title, Severity severity, String group, String rationale,
                             String remediation, List<String> controls) {

    public static RuleDescriptor of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo annotation");
        }
        return new RuleDescriptor(info.id(), info.title(), info.severity(), info.group(), info.rationale(),
                info.remediation(), List.of(info.controls()));
    }
}
