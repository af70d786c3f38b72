package io.plumbline.model;

import java.util.regex.Pattern;

/**
 * An Amazon Resource Name read into its parts: {@code arn:partition:service:region:account-id:resource}. The one
 * place ARNs are taken apart, so that every rule reads a key's, vault's or bucket's region and account the same way.
 * <p>
 * {@code region} and {@code account} are empty where the service leaves them out (S3 bucket ARNs name neither, IAM
 * ARNs name no region, AWS-managed policies have the account {@code aws}); the resource part may itself hold colons and
 * slashes ({@code key/1234}, {@code backup-vault:name}, {@code cluster:name}) and is kept whole.
 */
public record Arn(String partition, String service, String region, String account, String resource) {
    /** AWS documents 2,048 characters as the longest ARN any service accepts; longer text is not read as one. */
    public static final int MAX_LENGTH = 2048;

    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern REGION = Pattern.compile("([a-z]{2}(-[a-z]+)+-\\d+)?");
    private static final Pattern ACCOUNT = Pattern.compile("(\\d{12}|aws)?");

    /** The ARN in {@code text}, or null when the text is not a well-formed ARN (including an unresolved template). */
    public static Arn parse(String text) {
        if (text == null || text.length() > MAX_LENGTH || !text.startsWith("arn:")) return null;
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || parts[5].isEmpty()) return null;
        if (!PARTITION.matcher(parts[1]).matches() || !SERVICE.matcher(parts[2]).matches()
                || !REGION.matcher(parts[3]).matches() || !ACCOUNT.matcher(parts[4]).matches()) {
            return null;
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** Whether the ARN names a region (S3 buckets, IAM and other global resources do not). */
    public boolean hasRegion() {
        return !region.isEmpty();
    }

    /** Whether the ARN names an account. */
    public boolean hasAccount() {
        return !account.isEmpty();
    }

    /**
     * The resource type where the service writes {@code type/name} or {@code type:name} ({@code key}, {@code alias},
     * {@code backup-vault}, {@code cluster}), else the empty string (S3 buckets: {@code arn:aws:s3:::name}).
     */
    public String resourceType() {
        if (service.equals("s3")) return ""; // bucket or bucket/key: S3 writes no type
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        int cut = slash < 0 ? colon : colon < 0 ? slash : Math.min(slash, colon);
        if (cut <= 0) return resource;
        return resource.substring(0, cut);
    }

    /** The name or id after the resource type ({@code 1234abcd-...} of {@code key/1234abcd-...}), else the resource. */
    public String resourceId() {
        String type = resourceType();
        return type.isEmpty() || type.equals(resource) ? resource : resource.substring(type.length() + 1);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
