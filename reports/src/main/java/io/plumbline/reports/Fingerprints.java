package io.plumbline.reports;

import io.plumbline.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's stable identity across runs: rule, resource identity and the deciding attribute — not the file name or
 * the line, so that moving a file or reordering a plan does not turn an old finding into a new one.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String of(Finding f) {
        String attribute = f.evidence().isEmpty() ? "" : f.evidence().get(0).attribute();
        return of(f.ruleId(), f.resource(), attribute);
    }

    /** The fingerprint of rule, resource address and deciding attribute ("" when the finding has no evidence). */
    public static String of(String ruleId, String resource, String attribute) {
        String key = ruleId + "\u0000" + resource + "\u0000" + (attribute == null ? "" : attribute);
        byte[] d = SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 16);
    }

    /** One digest per thread: looking the algorithm up for every finding costs a large report a noticeable share. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
