package io.plumbline.model;

/**
 * One input that was read: its path, detected format, SHA-256 of its bytes, and an account of its resources:
 * {@code declared} in the input = {@code modelled} as resources + {@code folded} into another resource +
 * {@code excluded} (data sources, resources whose CloudFormation condition is false).
 */
public record InputFile(String path, String format, String sha256, int declared, int modelled, int folded,
                        int excluded) {
}
