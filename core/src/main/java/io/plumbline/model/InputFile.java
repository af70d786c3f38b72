package io.plumbline.model;

/**
 * One input that was read: its path, detected format, SHA-256 of its bytes, and an account of its resources:
 * {@code declared} in the input = {@code modelled} as resources + {@code folded} into another resource +
 * {@code excluded} (data sources, resources whose CloudFormation condition is false). Placeholders the model adds for
 * resources the input refers to without declaring them (a security group its standalone rules target) are not counted:
 * the model may hold more resources than {@code modelled}.
 */
public record InputFile(String path, String format, String sha256, int declared, int modelled, int folded,
                        int excluded) {
}
