package io.plumbline.live;

/**
 * One account to audit: with the caller's own credentials ({@code roleArn} null), or by assuming {@code roleArn}.
 *
 * @param account the account id when known in advance (from an accounts file or Organizations), else null
 * @param roleArn the role to assume in that account, or null for the caller's credentials
 */
public record AuditTarget(String account, String roleArn) {

    public static AuditTarget caller() {
        return new AuditTarget(null, null);
    }

    public static AuditTarget role(String roleArn) {
        return new AuditTarget(accountOf(roleArn), roleArn);
    }

    /** The account id inside {@code arn:aws:iam::ACCOUNT:role/NAME}, or null. */
    public static String accountOf(String roleArn) {
        if (roleArn == null) return null;
        String[] parts = roleArn.split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
    }

    public String display() {
        if (roleArn != null) return roleArn;
        return account != null ? account : "caller's account";
    }
}
