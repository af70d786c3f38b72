package io.plumbline.features.steps;

import io.cucumber.java.en.Given;
import io.plumbline.features.check.AttributePath;
import io.plumbline.features.check.Claim;
import io.plumbline.features.check.Expected;
import io.plumbline.features.check.Found;
import io.plumbline.features.check.Outcome;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Kind;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rules.support.BucketRoles;
import io.plumbline.rules.support.Criticality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Given steps: choose the resources a scenario speaks of, by kind, then by tag, node-group label, name or tier. A
 * resource the plan deletes is not part of the platform and is never chosen. When membership depends on something
 * unknown (the tags are unknown until apply), the resource is kept as an undecided member.
 */
public final class SelectionSteps {

    @Given("the {kind} resources")
    public void ofKind(Kind kind) {
        select(kind, Selection.plural(kind), r -> Membership.IN);
    }

    @Given("the {kind} resources tagged {string} = {string}")
    public void tagged(Kind kind, String key, String value) {
        select(kind, Selection.plural(kind) + " tagged \"" + key + "\" = \"" + value + "\"",
                r -> byMap(r.tags, key, value, "tags"));
    }

    @Given("the {kind} resources tagged {string}")
    public void taggedWithAnyValue(Kind kind, String key) {
        select(kind, Selection.plural(kind) + " tagged \"" + key + "\"", r -> byMap(r.tags, key, null, "tags"));
    }

    @Given("the {kind} resources labelled {string} = {string}")
    public void labelled(Kind kind, String key, String value) {
        select(kind, Selection.plural(kind) + " labelled \"" + key + "\" = \"" + value + "\"", r -> {
            Found f = AttributePath.parse("labels").resolve(r).get(0);
            @SuppressWarnings("unchecked")
            Value<Map<String, String>> labels = (Value<Map<String, String>>) f.source();
            return byMap(labels, key, value, "labels");
        });
    }

    @Given("the {kind} resources in {tier}")
    public void inTier(Kind kind, ParameterTypes.Tier tier) {
        // the core decides tiers: the tier tag, else the network's reading (rule catalog §14)
        io.plumbline.reach.Tiers tiers = World.get().subject().reachability().tiers();
        select(kind, Selection.plural(kind) + " in the " + tier + " tier", r -> {
            io.plumbline.reach.Tiers.Decision d = tiers.of(r);
            if (!d.known()) return Membership.open(d.unknown());
            return d.is(tier.name()) ? Membership.IN : Membership.OUT;
        });
    }

    /**
     * S3 buckets by role, as {@link BucketRoles} decides it: the role tag, the profile's name patterns, else what uses
     * the bucket (logs, backups, artifacts), else {@code general}. A bucket whose role cannot be known is undecided.
     */
    @Given("the {kind} resources with role {string}")
    public void withRole(Kind kind, String role) {
        byRole(kind, role, false);
    }

    /** As {@link #withRole}, leaving out replicas (buckets another bucket replicates into): they are the copies. */
    @Given("the {kind} resources with role {string} that are not replicas")
    public void withRoleNotReplicas(Kind kind, String role) {
        byRole(kind, role, true);
    }

    private static void byRole(Kind kind, String role, boolean noReplicas) {
        requireKind(kind, "a role", Kind.S3_BUCKET);
        World w = World.get();
        BucketRoles roles = BucketRoles.in(w.subject().model(), w.subject().profile().roles());
        select(kind, Selection.plural(kind) + " with role \"" + role + "\"" + (noReplicas ? " that are not replicas"
                : ""), r -> {
            if (noReplicas && roles.isReplica((S3Bucket) r)) return Membership.OUT;
            BucketRoles.Role found = roles.of((S3Bucket) r);
            if (!found.known()) return Membership.open("its role cannot be known: " + found.how());
            return role.equalsIgnoreCase(found.role()) ? Membership.in(found.how()) : Membership.OUT;
        });
    }

    /** The tag that declares a bucket a replica of another (the reference architecture's convention). */
    static final String REPLICA_OF_TAG = "plumbline:replica-of";

    /**
     * Replicas: the buckets another bucket of the input replicates into (no tag needed). Tags override, as everywhere:
     * a bucket tagged {@value #REPLICA_OF_TAG} is a replica, and one whose role tag names its role is what that says,
     * not a copy. An untagged bucket that an unknown replication destination may name is undecided.
     */
    @Given("the {kind} resources that are replicas")
    public void replicas(Kind kind) {
        requireKind(kind, "replicas", Kind.S3_BUCKET);
        World w = World.get();
        BucketRoles roles = BucketRoles.in(w.subject().model(), w.subject().profile().roles());
        String roleTag = w.subject().profile().roles().bucketRoleTag();
        select(kind, Selection.plural(kind) + " that are replicas", r -> {
            S3Bucket b = (S3Bucket) r;
            if (b.tag(REPLICA_OF_TAG) != null) return Membership.in("tag " + REPLICA_OF_TAG + " = " + b.tag(REPLICA_OF_TAG));
            if (roles.isReplica(b)) return Membership.IN;
            if (roleTag != null && b.tag(roleTag) != null) return Membership.OUT;
            String open = roles.mayBeReplica(b);
            return open == null ? Membership.OUT : Membership.open("it may be a replica: " + open);
        });
    }

    /** Node groups and Auto Scaling groups that {@link Criticality} finds critical. */
    @Given("the {kind} resources that are critical")
    public void critical(Kind kind) {
        byCriticality(kind, true);
    }

    /** Spot, or marked non-critical by a label or taint. */
    @Given("the {kind} resources that are non-critical")
    public void nonCritical(Kind kind) {
        byCriticality(kind, false);
    }

    private static void byCriticality(Kind kind, boolean wanted) {
        requireKind(kind, "a criticality", Kind.NODE_GROUP, Kind.AUTO_SCALING_GROUP);
        World w = World.get();
        var model = w.subject().model();
        var roles = w.subject().profile().roles();
        select(kind, "the " + (wanted ? "critical " : "non-critical ") + Selection.plural(kind), r -> {
            Criticality.Verdict v = r instanceof NodeGroup g ? Criticality.of(model, g, roles)
                    : Criticality.of(model, (AutoScalingGroup) r);
            if (!v.known()) return Membership.open("its criticality cannot be known: " + v.how());
            return v.critical() == wanted ? Membership.in(v.how()) : Membership.OUT;
        });
    }

    private static void requireKind(Kind kind, String what, Kind... allowed) {
        for (Kind k : allowed) if (k == kind) return;
        throw new IllegalArgumentException("only " + java.util.Arrays.toString(allowed) + " have " + what + ", not "
                + kind);
    }

    /** By address (Terraform address, CloudFormation logical id), name or alias; {@code *} matches any text. */
    @Given("the {kind} resources named {string}")
    public void named(Kind kind, String name) {
        Pattern p = glob(name);
        select(kind, Selection.plural(kind) + " named \"" + name + "\"", r -> {
            if (p.matcher(r.address()).matches()) return Membership.IN;
            for (String alias : r.aliases()) if (p.matcher(alias).matches()) return Membership.IN;
            if (r.name.isPresent() && p.matcher(r.name.get()).matches()) return Membership.IN;
            if (r.name.isUnknown()) return Membership.open("its name is unknown (" + r.name.note() + ")");
            return Membership.OUT;
        });
    }

    /** Narrows the selection: keeps the resources whose attribute is the value; undecided where it is unknown. */
    @Given("only those whose {attribute} is {value}")
    public void onlyThose(AttributePath attribute, Expected value) {
        World w = World.get();
        Selection s = w.selection();
        Claim claim = Claim.is(value.resolve(w.subject().profile()));
        List<Resource> members = new ArrayList<>();
        List<Selection.Open> open = new ArrayList<>(s.undecided());
        for (Resource r : s.members()) {
            List<Claim.Verdict> vs = new ArrayList<>();
            for (Found f : attribute.resolve(r)) vs.add(claim.check(f));
            Claim.Verdict v = Claim.all(vs);
            if (v.outcome() == Outcome.PASS) members.add(r);
            else if (v.outcome() == Outcome.UNDECIDED) open.add(new Selection.Open(r, v.evidence()));
        }
        w.select(new Selection(s.kind(), s.description() + " whose " + attribute + " " + claim.description(), members,
                open));
    }

    /** {@code *} matches any text; everything else literally. */
    static Pattern glob(String name) {
        StringBuilder sb = new StringBuilder();
        String[] parts = name.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) sb.append(".*");
            sb.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(sb.toString());
    }

    private record Membership(int state, String reason) {
        static final Membership IN = new Membership(1, null);
        static final Membership OUT = new Membership(0, null);

        /** In, saying how that was decided (shown in the step's log). */
        static Membership in(String how) {
            return new Membership(1, how);
        }

        static Membership open(String reason) {
            return new Membership(2, reason);
        }
    }

    private static Membership byMap(Value<Map<String, String>> map, String key, String value, String what) {
        if (map == null || map.isUnknown()) {
            return Membership.open("its " + what + " are unknown (" + (map == null ? "not in this input" : map.note()) + ")");
        }
        String v = map.get() == null ? null : map.get().get(key);
        if (v == null) return Membership.OUT;
        return value == null || value.equals(v) ? Membership.IN : Membership.OUT;
    }

    private static void select(Kind kind, String description, Function<Resource, Membership> test) {
        World w = World.get();
        List<Resource> members = new ArrayList<>();
        List<Selection.Open> open = new ArrayList<>();
        Map<Resource, String> how = new java.util.IdentityHashMap<>();
        for (Resource r : w.subject().model().resources()) {
            if (r.kind() != kind || r.change == ChangeAction.DELETE) continue;
            Membership m = test.apply(r);
            if (m.state() == 1) {
                members.add(r);
                if (m.reason() != null) how.put(r, m.reason());
            } else if (m.state() == 2) open.add(new Selection.Open(r, m.reason()));
        }
        w.select(new Selection(kind, description, members, open));
        StringBuilder log = new StringBuilder(members.size() + " " + description);
        for (Resource r : members) {
            log.append("\n  ").append(r.address()).append(" at ").append(r.location().display());
            if (how.containsKey(r)) log.append(" (").append(how.get(r)).append(')');
        }
        for (Selection.Open o : open) log.append("\n  undecided ").append(o.resource().address()).append(": ").append(o.reason());
        w.log(log.toString());
    }
}
