package io.plumbline.rule;

/**
 * A rule of the reference architecture. It reads only the model (through the context) and reports one verdict per
 * resource it applies to. Its metadata is its {@link RuleInfo} annotation. Implementations are stateless.
 */
public interface Rule {
    void check(RuleContext context);

    default RuleDescriptor descriptor() {
        return RuleDescriptor.of(getClass());
    }
}
