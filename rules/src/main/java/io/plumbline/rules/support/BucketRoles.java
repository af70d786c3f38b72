package io.plumbline.rules.support;

import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.security.WafWebAcl;
import io.plumbline.model.storage.BucketWriter;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Evidence;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which role each bucket plays (rule catalog §0.7 and §14), decided in this order:
 * <ol>
 * <li>the value of the profile's bucket role tag ({@code plumbline:role});</li>
 * <li>the first {@code bucketNamePatterns} entry whose regular expression is found in the bucket name (use
 * {@code ^...$} for a whole name; this is how a profile names its Terraform state bucket, {@code tfstate});</li>
 * <li>what uses the bucket: <b>logs</b> when it receives S3 server access logs, ALB/NLB access logs, CloudFront
 * standard logs, CloudTrail log files, VPC flow logs or WAF logs; <b>backups</b> when it is a replication destination
 * or receives RDS snapshot exports; <b>artifacts</b> when it is a CodePipeline artifact store or CodeBuild's artifact
 * location;</li>
 * <li>else <b>general</b>: no use found.</li>
 * </ol>
 * A link whose bucket the input does not know (known only after apply, a name built at deploy time) could point at any
 * bucket, so a bucket with no role of its own is then of unknown role, with the reason; nothing is guessed. Bucket
 * references may be a name, an address of the input, {@code name/prefix}, {@code s3://name/prefix}, an ARN
 * ({@code arn:aws:s3:::name/prefix}) or CloudFront's {@code name.s3.amazonaws.com}.
 *
 * <p>{@code bucketNamePatterns} maps a role to a regular expression ({@code tfstate: "-tfstate$"}). Because the
 * profile does not spell the orientation out, an entry whose key is not a known role but whose value is
 * ({@code "-tfstate$": tfstate}) is read the other way round; known roles are those of §0.7 and the profile's
 * protected roles.
 *
 * <p>Rules that use roles read the kinds in {@link #READS}.
 */
public final class BucketRoles {
    public static final String GENERAL = "general";
    private static final String REPLICA = "replication destination of bucket ";
    private static final List<String> CATALOG_ROLES = List.of("tfstate", "logs", "backups", "artifacts");
    /** When a bucket has uses of several roles, the first of these wins (the others are named in the evidence). */
    private static final List<String> PRECEDENCE = List.of("tfstate", "backups", "logs", "artifacts");
    /** The kinds the inference reads: declare them in the {@code reads} of a rule that uses it. */
    public static final List<Kind> READS = List.of(Kind.S3_BUCKET, Kind.LOAD_BALANCER, Kind.CLOUDFRONT_DISTRIBUTION,
            Kind.WAF_WEB_ACL, Kind.BUCKET_WRITER);
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:s3:::([^/]+)(/.*)?$");
    private static final Pattern S3_URL = Pattern.compile("^s3://([^/]+)(/.*)?$");
    private static final Pattern WEBSITE_OR_DOMAIN = Pattern.compile(
            "^(.+?)\\.s3([.-][a-z0-9-]+)?(\\.dualstack)?([.-][a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?$");

    /** The role found, or why it cannot be known; {@code role} is null only when not known. */
    public record Role(String role, boolean known, String how, Evidence evidence) {
        public boolean protectedBy(Profile.Roles roles) {
            if (!known || role == null) return false;
            for (String r : roles.protectedBucketRoles()) if (r.trim().equalsIgnoreCase(role)) return true;
            return false;
        }

        /**
         * Whether the baseline bucket rules judge this bucket: every bucket when the profile does not narrow
         * {@code baselineBucketRoles} (whatever its role, known or not); else those of a listed role. Null when that
         * depends on a role that cannot be known.
         */
        public Boolean baseline(Profile.Roles roles) {
            List<String> covered = roles.baselineBucketRoles();
            if (covered == null) return true;
            if (!known) return null;
            for (String r : covered) if (r != null && r.trim().equalsIgnoreCase(role)) return true;
            return false;
        }

        /** "logs bucket (logs: target of ...)" or "bucket of unknown role (...)". */
        public String describe() {
            return known ? role + " bucket (" + how + ")" : "bucket of unknown role (" + how + ")";
        }
    }

    /** One use of a bucket: by whom, what it means, and whether it is certain. */
    private record Use(String role, String why, Resource user, Value<?> link, boolean certain) {
    }

    /**
     * A link the input cannot follow: the user writes into some bucket, which one is unknown. {@code notItself}: the
     * user cannot be that bucket (S3 refuses a bucket as its own replication destination).
     */
    private record Open(String why, Resource user, Value<?> link, boolean notItself) {
        Open(String why, Resource user, Value<?> link) {
            this(why, user, link, false);
        }
    }

    private final Model model;
    private final Profile.Roles roles;
    private final Map<S3Bucket, List<Use>> uses = new IdentityHashMap<>();
    private final List<Open> open = new ArrayList<>();
    /** Per bucket, how many of the open links are its own replication links (which cannot name it). */
    private final Map<Resource, Integer> ownOpen = new IdentityHashMap<>();

    private BucketRoles(Model model, Profile.Roles roles) {
        this.model = model;
        this.roles = roles;
        index();
        for (Open o : open) if (o.notItself()) ownOpen.merge(o.user(), 1, Integer::sum);
    }

    /** The roles of the buckets of {@code model}: walks every bucket user once. */
    public static BucketRoles in(Model model, Profile.Roles roles) {
        return new BucketRoles(model, roles);
    }

    // ------------------------------------------------------------------ what uses which bucket

    private void index() {
        for (S3Bucket b : model.all(S3Bucket.class)) {
            if (Fields.deleted(b)) continue;
            link(b, b.loggingTarget, "logs", "target of the server access logs of bucket " + b.address(), true);
            Value<List<ReplicationRule>> rules = b.replicationRules;
            if (rules.isUnknown() && !Fields.absentFromInput(rules)) {
                open.add(new Open("the replication destinations of bucket " + b.address() + " are unknown ("
                        + rules.note() + ")", b, rules, true));
            } else if (rules.isPresent()) {
                for (ReplicationRule r : rules.get()) {
                    if (r.status().isPresent() && "Disabled".equalsIgnoreCase(r.status().get())) continue;
                    if (r.destinationBucket().isUnknown() && !Fields.absentFromInput(r.destinationBucket())) {
                        open.add(new Open("the " + REPLICA + b.address() + " is unknown ("
                                + r.destinationBucket().note() + ")", b, r.destinationBucket(), true));
                    } else {
                        link(b, r.destinationBucket(), "backups", REPLICA + b.address(), true);
                    }
                }
            }
        }
        for (LoadBalancer lb : model.all(LoadBalancer.class)) {
            if (Fields.deleted(lb) || Fields.absentFromInput(lb.accessLogsBucket)) continue;
            if (lb.accessLogsEnabled.isPresent() && !lb.accessLogsEnabled.get()) continue;
            boolean certain = lb.accessLogsEnabled.isPresent();
            String what = lb.type.isPresent() ? lb.type.get().toUpperCase(Locale.ROOT).replace("APPLICATION", "ALB")
                    .replace("NETWORK", "NLB") : "load balancer";
            link(lb, lb.accessLogsBucket, "logs", "target of the access logs of " + what + " " + lb.address()
                    + (certain ? "" : " (whether they are enabled is unknown: " + lb.accessLogsEnabled.note() + ")"),
                    certain);
        }
        for (CloudFrontDistribution d : model.all(CloudFrontDistribution.class)) {
            if (Fields.deleted(d)) continue;
            link(d, d.loggingBucket, "logs", "target of the standard logs of CloudFront distribution " + d.address(),
                    true);
        }
        for (WafWebAcl w : model.all(WafWebAcl.class)) {
            if (Fields.deleted(w) || Fields.absentFromInput(w.loggingDestinations)) continue;
            Value<List<String>> dest = w.loggingDestinations;
            if (dest.isUnknown()) {
                open.add(new Open("the log destinations of web ACL " + w.address() + " are unknown (" + dest.note()
                        + ")", w, dest));
            } else if (dest.isPresent()) {
                for (String d : dest.get()) use(w, new Ref(d), dest, "logs", "target of the WAF logs of web ACL "
                        + w.address(), true);
            }
        }
        for (BucketWriter w : model.all(BucketWriter.class)) {
            if (Fields.deleted(w) || !w.writes.isPresent()) continue;
            String what = w.delivers.isPresent() ? w.delivers.get() : w.writes.get();
            Value<List<Ref>> dest = w.buckets;
            if (dest.isUnknown()) {
                open.add(new Open(w.address() + " writes its " + what + " into a bucket the input does not name ("
                        + dest.note() + ")", w, dest));
            } else if (dest.isPresent()) {
                for (Ref r : dest.get()) use(w, r, dest, w.writes.get(), "target of the " + what + " of "
                        + w.address(), true);
            }
        }
    }

    private void link(Resource user, Value<Ref> link, String role, String why, boolean certain) {
        if (Fields.absentFromInput(link)) return;
        if (link.isUnknown()) {
            open.add(new Open(why.replaceFirst("^target of", "the bucket receiving") + " is unknown (" + link.note()
                    + ")", user, link));
        } else if (link.isPresent()) {
            use(user, link.get(), link, role, why, certain);
        }
    }

    private void use(Resource user, Ref ref, Value<?> link, String role, String why, boolean certain) {
        bucket(user, ref).ifPresent(b -> uses.computeIfAbsent(b, k -> new ArrayList<>())
                .add(new Use(role, why, user, link, certain)));
    }

    /** The bucket of the input a reference names, in any of the spellings AWS uses. */
    private Optional<S3Bucket> bucket(Resource from, Ref ref) {
        if (ref == null || ref.target() == null) return Optional.empty();
        Optional<S3Bucket> direct = model.resolve(from, ref, S3Bucket.class);
        if (direct.isPresent()) return direct;
        String name = bucketName(ref.target());
        if (name == null || name.equals(ref.target())) return Optional.empty();
        return model.resolve(from, new Ref(name), S3Bucket.class);
    }

    /** The bucket name in {@code arn:aws:s3:::name/prefix}, {@code s3://name/prefix}, {@code name/prefix}, domains. */
    public static String bucketName(String reference) {
        String t = reference.trim();
        Matcher m = ARN.matcher(t);
        if (m.matches()) return m.group(1);
        m = S3_URL.matcher(t);
        if (m.matches()) return m.group(1);
        if (t.startsWith("arn:")) return null;
        m = WEBSITE_OR_DOMAIN.matcher(t);
        if (m.matches()) return m.group(1);
        int slash = t.indexOf('/');
        return slash > 0 ? t.substring(0, slash) : t;
    }

    // ------------------------------------------------------------------ one bucket's role

    /**
     * Whether a bucket of the input replicates into {@code bucket}: a replica is itself the copy, so rules that ask a
     * bucket to replicate leave it out.
     */
    public boolean isReplica(S3Bucket bucket) {
        for (Use u : uses.getOrDefault(bucket, List.of())) if (u.certain() && u.why().startsWith(REPLICA)) return true;
        return false;
    }

    /**
     * Why {@code bucket} may be a replica although no known link says so: a replication destination of another
     * bucket is unknown. Null when every replication link is known (then {@link #isReplica} decides).
     */
    public String mayBeReplica(S3Bucket bucket) {
        for (Open o : open) {
            if (o.notItself() && o.user() != bucket) return o.why();
        }
        return null;
    }

    /**
     * The load balancer whose access logs certainly land in {@code bucket} (ELB log delivery writes with SSE-S3 only,
     * so such a bucket cannot require a KMS key), or null.
     */
    public LoadBalancer loadBalancerLogging(S3Bucket bucket) {
        for (Use u : uses.getOrDefault(bucket, List.of())) {
            if (u.certain() && u.user() instanceof LoadBalancer lb) return lb;
        }
        return null;
    }

    public Role of(S3Bucket bucket) {
        String tagKey = roles.bucketRoleTag();
        if (bucket.tags.isUnknown() && !Fields.absentFromInput(bucket.tags)) {
            return new Role(null, false, "the bucket's tags are unknown (" + bucket.tags.note() + "), so its "
                    + tagKey + " role cannot be known", Evidence.of("tags", bucket.tags, "known tags"));
        }
        String tagged = bucket.tag(tagKey);
        if (tagged != null && !tagged.isBlank()) {
            String role = tagged.trim().toLowerCase(Locale.ROOT);
            return new Role(role, true, "tag " + tagKey + " = " + tagged,
                    Evidence.of("tags." + tagKey, tagged, "a role", bucket.tags.provenance()));
        }
        Role byName = byName(bucket);
        if (byName != null) return byName;
        return byUse(bucket);
    }

    /** The role a name pattern gives, an unknown role when the patterns cannot be applied, or null. */
    private Role byName(S3Bucket bucket) {
        Map<String, String> patterns = roles.bucketNamePatterns() == null ? Map.of() : roles.bucketNamePatterns();
        if (patterns.isEmpty()) return null;
        if (!bucket.name.isPresent()) {
            return new Role(null, false, "the bucket has no " + roles.bucketRoleTag() + " tag and its name is "
                    + bucket.name.display() + ", so the name patterns cannot be applied",
                    Evidence.of("name", bucket.name, "a name matching bucketNamePatterns"));
        }
        String name = bucket.name.get();
        Set<String> known = new LinkedHashSet<>(CATALOG_ROLES);
        for (String r : roles.protectedBucketRoles()) known.add(lower(r));
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
        return null;
    }

    private Role byUse(S3Bucket bucket) {
        List<Use> found = uses.getOrDefault(bucket, List.of());
        List<Use> certain = found.stream().filter(Use::certain).toList();
        if (!certain.isEmpty()) {
            Use first = null;
            for (String r : PRECEDENCE) {
                for (Use u : certain) if (first == null && u.role().equals(r)) first = u;
            }
            if (first == null) first = certain.get(0);
            StringBuilder how = new StringBuilder(first.role() + ": " + first.why());
            for (Use u : certain) {
                if (u != first) how.append("; also ").append(u.role()).append(": ").append(u.why());
            }
            return new Role(first.role(), true, how.toString(), Evidence.of("used by " + first.user().address(),
                    first.link().display(), "a use that gives a role", first.link().provenance()));
        }
        if (!found.isEmpty()) {
            Use u = found.get(0);
            return new Role(null, false, "may be " + u.role() + ": " + u.why(), Evidence.of("used by "
                    + u.user().address(), u.link(), "a use that gives a role"));
        }
        // Constant work per bucket (inputs may hold many thousands of buckets): only its own replication links are
        // left out, and they are counted per bucket once.
        int own = ownOpen.getOrDefault(bucket, 0);
        if (open.size() > own) {
            Open o = null;
            for (Open x : open) {
                if (!(x.notItself() && x.user() == bucket)) {
                    o = x;
                    break;
                }
            }
            int others = open.size() - own - 1;
            String more = others > 0 ? " (and " + others + " more link(s) like it)" : "";
            return new Role(null, false, "no use of this bucket found, but " + o.why() + more + ": it may be this "
                    + "bucket", Evidence.of("link of " + o.user().address(), o.link(), "a known bucket"));
        }
        return new Role(GENERAL, true, "general: no use found (no access logging, load balancer or CloudFront "
                + "logs, replication, trail, flow log, WAF logging, pipeline, build or export in the input names it)",
                Evidence.of("uses", "none", "a use that gives a role", bucket.location()));
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
