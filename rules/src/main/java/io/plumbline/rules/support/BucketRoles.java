package io.plumbline.rules.support;

import io.plumbline.model.storage.S3Bucket;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Evidence;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which role a bucket plays (rule catalog §0.7): the value of the profile's bucket role tag ({@code plumbline:role}),
 * else the first {@code bucketNamePatterns} entry whose regular expression is found in the bucket name (use
 * {@code ^...$} for a whole-name match).
 *
 * <p>{@code bucketNamePatterns} maps a role to a regular expression ({@code tfstate: "-tfstate$"}). Because the
 * profile does not spell the orientation out, an entry whose key is not a known role but whose value is
 * ({@code "-tfstate$": tfstate}) is read the other way round; known roles are those of §0.7 and the profile's
 * protected roles.
 *
 * <p>When the tags are unknown the role is unknown (the tag would win over a name pattern); when there is no tag
 * and the name is unknown while name patterns exist, the role is unknown too.
 */
public final class BucketRoles {
    private static final List<String> CATALOG_ROLES = List.of("tfstate", "logs", "backups", "artifacts");

    /** The role found ({@code null} when the bucket has none), or why it cannot be known. */
    public record Role(String role, boolean known, String how, Evidence evidence) {
        public boolean protectedBy(Profile.Roles roles) {
            if (!known || role == null) return false;
            for (String r : roles.protectedBucketRoles()) if (r.trim().equalsIgnoreCase(role)) return true;
            return false;
        }
    }

    private BucketRoles() {
    }

    public static Role of(S3Bucket bucket, Profile.Roles roles) {
        String tagKey = roles.bucketRoleTag();
        if (bucket.tags.isUnknown()) {
            return new Role(null, false, "the bucket's tags are unknown (" + bucket.tags.note() + "), so its "
                    + tagKey + " role cannot be known", Evidence.of("tags", bucket.tags, "known tags"));
        }
        String tagged = bucket.tag(tagKey);
        if (tagged != null && !tagged.isBlank()) {
            String role = tagged.trim().toLowerCase(Locale.ROOT);
            return new Role(role, true, "tag " + tagKey + " = " + tagged,
                    Evidence.of("tags." + tagKey, tagged, "a role", bucket.tags.provenance()));
        }
        Map<String, String> patterns = roles.bucketNamePatterns() == null ? Map.of() : roles.bucketNamePatterns();
        if (patterns.isEmpty()) {
            return new Role(null, true, "no " + tagKey + " tag", Evidence.of("tags." + tagKey, "(not set)",
                    "a role", bucket.location()));
        }
        if (!bucket.name.isPresent()) {
            return new Role(null, false, "the bucket has no " + tagKey + " tag and its name is "
                    + bucket.name.display() + ", so the name patterns cannot be applied",
                    Evidence.of("name", bucket.name, "a name matching bucketNamePatterns"));
        }
        String name = bucket.name.get();
        Set<String> known = new LinkedHashSet<>(CATALOG_ROLES);
        for (String r : roles.protectedBucketRoles()) known.add(r.trim().toLowerCase(Locale.ROOT));
        for (Map.Entry<String, String> e : patterns.entrySet()) {
            String role = e.getKey();
            String regex = e.getValue();
            if (!known.contains(lower(role)) && known.contains(lower(regex))) {
                role = e.getValue();
                regex = e.getKey();
            }
            if (regex == null) continue;
            try {
                if (Pattern.compile(regex).matcher(name).find()) {
                    return new Role(lower(role), true, "name " + name + " matches bucketNamePatterns " + role + " = "
                            + regex, Evidence.of("name", bucket.name, "bucketNamePatterns " + role + " = " + regex));
                }
            } catch (PatternSyntaxException ex) {
                return new Role(null, false, "the profile's bucketNamePatterns entry for " + role + " is not a valid "
                        + "regular expression: " + ex.getDescription(), Evidence.of("name", bucket.name, regex));
            }
        }
        return new Role(null, true, "no " + tagKey + " tag and no name pattern matches " + name,
                Evidence.of("name", bucket.name, "a name matching bucketNamePatterns"));
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
