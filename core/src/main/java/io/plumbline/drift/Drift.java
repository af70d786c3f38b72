package io.plumbline.drift;

import io.plumbline.drift.DriftReport.Missing;
import io.plumbline.drift.DriftReport.ResourceId;
import io.plumbline.drift.DriftReport.Uncompared;
import io.plumbline.drift.DriftReport.Unmanaged;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Gap;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.Vpc;
import io.plumbline.model.security.KmsKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drift detection: what a plan or template says against what runs (a live audit, or another input).
 *
 * <p>Matching, in this order, each planned resource to at most one actual resource of the same kind (and, when both
 * regions are known, the same region):
 * <ol>
 *   <li>by AWS id or ARN, when the planned side knows it (plans of an existing stack carry {@code id}/{@code arn}):
 *       against the actual resource's address, id and aliases;</li>
 *   <li>by address, when both sides are inputs of the same type (a plan against another plan of the same
 *       configuration);</li>
 *   <li>by a stable name per kind, only when unique on both sides: the security group name within the matched VPC,
 *       otherwise the name the sources give (bucket name, DB cluster identifier, Name tag...).</li>
 * </ol>
 * Then every matched pair is compared attribute by attribute ({@link AttributeComparison}). Planned resources the
 * plan deletes are not compared; resources of types the model does not type (generic) are counted, not compared.
 */
public final class Drift {

    private Drift() {
    }

    public static DriftReport compare(Model planned, Model actual) {
        return compare(planned, actual, DriftOptions.DEFAULT);
    }

    public static DriftReport compare(Model planned, Model actual, DriftOptions options) {
        List<String> notes = new ArrayList<>();
        // Generic resources (IAM roles...) are matched, so that references to them compare, but never compared.
        Matching m = new Matching(planned, actual, notes);
        m.run(sorted(planned.resources(), true), sorted(actual.resources(), true));
        List<Resource> ps = sorted(planned.resources(), false);
        List<Resource> as = sorted(actual.resources(), false);
        int placeholders = (int) planned.resources().stream().filter(Drift::placeholder).count();
        int plannedGeneric = planned.resources().size() - ps.size() - placeholders;
        if (placeholders > 0) {
            notes.add(placeholders + " security group(s) the plan does not declare (it only adds rules to them) were "
                    + "not compared");
        }
        if (plannedGeneric > 0) {
            notes.add(plannedGeneric + " planned resource(s) of types the model does not type were not compared");
        }

        List<DriftReport.Match> matched = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        List<Uncompared> uncompared = new ArrayList<>();
        int pendingDeletes = 0;
        for (Resource p : ps) {
            Resource a = m.partner(p);
            if (p.change == ChangeAction.DELETE) {
                pendingDeletes++;
                continue;
            }
            if (a != null) {
                matched.add(new AttributeComparison(m.refs(), p, a).run(m.how(p)));
                continue;
            }
            String why = notLookedFor(p, actual, options);
            if (why != null) uncompared.add(new Uncompared(id(p), why));
            else missing.add(new Missing(id(p), p.change));
        }
        if (pendingDeletes > 0) {
            notes.add(pendingDeletes + " planned deletion(s) not compared: the plan itself removes them");
        }

        ScopeFilter scope = new ScopeFilter(ps, actual, m);
        List<Unmanaged> unmanaged = new ArrayList<>();
        int outOfScope = 0;
        for (Resource a : as) {
            if (m.matched(a)) continue;
            if (scope.covers(a)) unmanaged.add(new Unmanaged(id(a)));
            else outOfScope++;
        }

        int inSync = 0;
        int drifted = 0;
        int differences = 0;
        int notComparable = 0;
        int sp = 0;
        int sa = 0;
        int sn = 0;
        for (DriftReport.Match x : matched) {
            if (!x.differences().isEmpty()) drifted++;
            else if (x.notComparable().isEmpty()) inSync++;
            differences += x.differences().size();
            notComparable += x.notComparable().size();
            sp += x.skippedPlannedLacks();
            sa += x.skippedActualLacks();
            sn += x.skippedNeither();
        }
        DriftReport.Summary summary = new DriftReport.Summary(planned.resources().size(), actual.resources().size(),
                matched.size(), inSync, drifted, differences, notComparable, missing.size(), unmanaged.size(),
                uncompared.size(), sp, sa, sn, plannedGeneric, pendingDeletes);
        return new DriftReport(matched, missing, unmanaged, uncompared, scope.describe(outOfScope), summary, notes)
                .redacted(planned.secrets().plus(actual.secrets()));
    }

    /** Resources (typed only, unless {@code generic}) in address order (stable: input order among equal addresses). */
    private static List<Resource> sorted(List<Resource> rs, boolean generic) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : rs) if (generic || r.kind() != Kind.GENERIC && !placeholder(r)) out.add(r);
        out.sort(Comparator.comparing(Resource::address));
        return out;
    }

    /** A group the input does not declare: only some of its rules are known, so it is matched but never compared. */
    private static boolean placeholder(Resource r) {
        return r instanceof SecurityGroup g && g.declaredInInput.is(false);
    }

    /** Why a planned resource without a match could not be looked for, or null when it is simply missing. */
    private static String notLookedFor(Resource p, Model actual, DriftOptions options) {
        if (!options.covers(p.kind())) return "the actual state was not collected for " + p.kind();
        String region = p.region.isPresent() ? p.region.get() : null;
        Provenance where = Provenance.live(null, region, null, null);
        for (Gap g : actual.gaps()) {
            if (g.kind() == p.kind() && g.covers(where)) return "the actual state could not be read: " + g.display();
        }
        return null;
    }

    static ResourceId id(Resource r) {
        String awsId = r.awsId.isPresent() && !r.awsId.isSensitive() ? r.awsId.get() : null;
        return new ResourceId(r.kind(), r.address(), r.sourceType(), awsId, r.location());
    }

    static String region(Resource r) {
        return r.region.isPresent() && !r.region.isSensitive() ? r.region.get() : null;
    }

    /** The resource's {@code vpc} link, for the kinds that have one, or null. */
    @SuppressWarnings("unchecked")
    static Value<Ref> vpc(Resource r) {
        try {
            var f = r.getClass().getField("vpc");
            return f.getType() == Value.class ? (Value<Ref>) f.get(r) : null;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    /** Where unmanaged resources are looked for (see {@link DriftReport.Scope}). */
    private static final class ScopeFilter {
        private final Model actual;
        private final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        private final Set<String> regions = new TreeSet<>();
        private boolean anyRegion;
        private final Set<String> vpcs = new TreeSet<>();

        ScopeFilter(List<Resource> planned, Model actual, Matching m) {
            this.actual = actual;
            for (Resource p : planned) {
                kinds.add(p.kind());
                String region = region(p);
                if (region == null) anyRegion = true;
                else regions.add(region);
                Resource a = m.partner(p);
                if (p.kind() == Kind.VPC && a != null) vpcs.add(a.address());
                Value<Ref> v = vpc(p);
                if (v != null && v.isPresent()) {
                    Resource target = m.refs().actualTarget(true, p, v.get());
                    if (target instanceof Vpc) vpcs.add(target.address());
                }
            }
        }

        boolean covers(Resource a) {
            if (!kinds.contains(a.kind())) return false;
            String region = region(a);
            if (!anyRegion && region != null && !regions.contains(region)) return false;
            if (awsDefault(a)) return false;
            if (!vpcs.isEmpty() && a.kind() != Kind.VPC) {
                Value<Ref> v = vpc(a);
                if (v != null && v.isPresent()) {
                    Resource target = actual.resolve(a, v.get()).orElse(null);
                    return target != null && vpcs.contains(target.address());
                }
            }
            return true;
        }

        /** What AWS creates by itself: never someone's unmanaged resource. */
        private boolean awsDefault(Resource a) {
            if (a instanceof Vpc v && v.isDefault.is(true)) return true;
            if (a instanceof SecurityGroup g && g.groupName.is("default")) return true;
            if (a instanceof RouteTable t && t.main.is(true)) return true;
            if (a instanceof NetworkAcl n && n.isDefault.is(true)) return true;
            if (a instanceof KmsKey k && k.keyManager.is("AWS")) return true;
            Value<Ref> v = vpc(a);
            if (v != null && v.isPresent()) {
                Vpc vpc = actual.resolve(a, v.get(), Vpc.class).orElse(null);
                return vpc != null && vpc.isDefault.is(true);
            }
            return false;
        }

        DriftReport.Scope describe(int outOfScope) {
            List<Kind> k = new ArrayList<>(kinds);
            return new DriftReport.Scope(k, anyRegion ? List.of() : List.copyOf(regions), List.copyOf(vpcs),
                    outOfScope);
        }
    }

    /** The matching itself: planned → actual, one to one. */
    static final class Matching {
        private final Model planned;
        private final Model actual;
        private final List<String> notes;
        private final java.util.Map<Resource, Resource> p2a = new java.util.IdentityHashMap<>();
        private final java.util.Map<Resource, Resource> a2p = new java.util.IdentityHashMap<>();
        private final java.util.Map<Resource, String> how = new java.util.IdentityHashMap<>();
        private final Refs refs;

        Matching(Model planned, Model actual, List<String> notes) {
            this.planned = planned;
            this.actual = actual;
            this.notes = notes;
            this.refs = new Refs(planned, actual, p2a);
        }

        Refs refs() {
            return refs;
        }

        Resource partner(Resource p) {
            return p2a.get(p);
        }

        boolean matched(Resource a) {
            return a2p.containsKey(a);
        }

        String how(Resource p) {
            return how.get(p);
        }

        void run(List<Resource> ps, List<Resource> as) {
            byAwsId(ps, as);
            byAddress(ps, as);
            byName(ps, as, false);
            byName(ps, as, true); // security groups last: their key needs the VPCs matched
            byReference(ps, as);
        }

        /**
         * Pairs what matched pairs point at: when a matched repository's {@code kmsKey} is {@code aws_kms_key.ecr} on
         * one side and {@code EcrKmsKey} on the other, and neither key is matched yet, they are the same key; and,
         * the other way, a resource unmatched on both sides that alone of its kind points, by the same attribute,
         * at the two halves of a matched pair. Repeated until nothing more pairs, so a template whose names are
         * known only at deploy time ({@code AWS::StackName}) still pairs with the plan of the same architecture; a
         * reference is never a reason to pair two resources of different kinds or regions.
         */
        private void byReference(List<Resource> ps, List<Resource> as) {
            boolean progress = true;
            while (progress) {
                progress = false;
                List<Resource> pairs = ps.stream().filter(p2a::containsKey).toList();
                for (Resource p : pairs) progress |= followReferences(p, p2a.get(p));
                progress |= referrersOfPairs(ps, as);
            }
        }

        /** Pairs the unmatched targets of the same attribute of one matched pair; true when any paired. */
        private boolean followReferences(Resource p, Resource a) {
            boolean paired = false;
            for (java.lang.reflect.Field f : AttributeComparison.fields(p.getClass())) {
                if (f.getType() != Value.class || !f.getDeclaringClass().isInstance(a)) continue;
                List<Resource> at = targets(actual, a, f, List.of());
                // A name several resources hold (an EKS cluster and a Redis group): read as the other side's kind.
                List<Class<? extends Resource>> as = at.size() == 1 ? List.of(at.get(0).getClass()) : List.of();
                List<Resource> pt = targets(planned, p, f, as);
                pt.removeIf(p2a::containsKey);
                at.removeIf(a2p::containsKey);
                String by = "reference " + f.getName() + " of " + p.address();
                if (pt.size() == 1 && at.size() == 1) {
                    if (kindKey(pt.get(0)).equals(kindKey(at.get(0))) && compatible(pt.get(0), at.get(0))) {
                        match(pt.get(0), at.get(0), by);
                        paired = true;
                    }
                } else if (pt.size() > 1 && pt.size() == at.size()) {
                    paired |= pairAlike(pt, at, by);
                }
            }
            return paired;
        }

        /**
         * Pairs the elements of two referenced lists (a node group's three subnets on each side) whose own attributes
         * agree, each with exactly one of the other list: references, which may point at resources not paired yet,
         * and tags, which each source fills in its own way, do not decide.
         */
        private boolean pairAlike(List<Resource> pt, List<Resource> at, String by) {
            java.util.Map<Resource, Resource> alike = new java.util.IdentityHashMap<>();
            java.util.Map<Resource, Integer> chosen = new java.util.IdentityHashMap<>();
            for (Resource x : pt) {
                // Not compatible(): the VPCs these point at may be what this pairing is about to reveal.
                List<Resource> same = at.stream().filter(y -> kindKey(x).equals(kindKey(y)) && !a2p.containsKey(y)
                        && regionOk(x, y) && sameOwnAttributes(x, y)).toList();
                if (same.size() == 1) {
                    alike.put(x, same.get(0));
                    chosen.merge(same.get(0), 1, Integer::sum);
                }
            }
            boolean paired = false;
            for (Resource x : pt) {
                Resource y = alike.get(x);
                if (y != null && chosen.get(y) == 1 && !p2a.containsKey(x) && !a2p.containsKey(y)) {
                    match(x, y, by);
                    paired = true;
                }
            }
            return paired;
        }

        /** No difference but in references and tags, and at least one attribute known alike on both sides. */
        private boolean sameOwnAttributes(Resource x, Resource y) {
            DriftReport.Match m = new AttributeComparison(refs, x, y).run("");
            for (DriftReport.Difference d : m.differences()) {
                if (d.path().startsWith("tags") || holdsReference(d.planned()) || holdsReference(d.actual())) continue;
                return false;
            }
            Set<String> open = new java.util.HashSet<>();
            for (DriftReport.Difference d : m.differences()) open.add(d.path().split("[.\\[]", 2)[0]);
            for (DriftReport.NotComparable n : m.notComparable()) open.add(n.path().split("[.\\[]", 2)[0]);
            int agreed = AttributeComparison.fields(x.getClass()).size() - m.skippedNeither()
                    - m.skippedActualLacks() - m.skippedPlannedLacks() - open.size();
            return agreed > 0;
        }

        private static boolean holdsReference(DriftReport.Side side) {
            if (side == null || side.value() == null || !side.value().isKnown()) return false;
            Object v = side.value().get();
            if (v instanceof Ref) return true;
            return v instanceof List<?> l && l.stream().anyMatch(e -> e instanceof Ref
                    || e instanceof Value<?> ev && ev.isKnown() && ev.get() instanceof Ref);
        }

        /** Pairs unmatched resources that alone of their kind point by one attribute at a matched pair. */
        private boolean referrersOfPairs(List<Resource> ps, List<Resource> as) {
            java.util.Map<String, List<Resource>> pByKey = new java.util.TreeMap<>();
            java.util.Map<String, List<Resource>> aByKey = new java.util.HashMap<>();
            for (Resource p : ps) {
                if (p2a.containsKey(p)) continue;
                for (java.lang.reflect.Field f : AttributeComparison.fields(p.getClass())) {
                    List<Resource> t = targets(planned, p, f, pairedTypes());
                    if (t.isEmpty() || !t.stream().allMatch(p2a::containsKey)) continue;
                    String key = kindKey(p) + "|" + f.getName() + "|"
                            + new TreeSet<>(t.stream().map(x -> p2a.get(x).address()).toList());
                    pByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                }
            }
            for (Resource a : as) {
                if (a2p.containsKey(a)) continue;
                for (java.lang.reflect.Field f : AttributeComparison.fields(a.getClass())) {
                    List<Resource> t = targets(actual, a, f, pairedTypes());
                    if (t.isEmpty() || !t.stream().allMatch(a2p::containsKey)) continue;
                    aByKey.computeIfAbsent(kindKey(a) + "|" + f.getName() + "|"
                            + new TreeSet<>(t.stream().map(Resource::address).toList()), k -> new ArrayList<>()).add(a);
                }
            }
            boolean paired = false;
            for (var e : pByKey.entrySet()) {
                List<Resource> pl = e.getValue().stream().filter(p -> !p2a.containsKey(p)).toList();
                List<Resource> al = aByKey.getOrDefault(e.getKey(), List.of()).stream()
                        .filter(a -> !a2p.containsKey(a)).toList();
                String[] key = e.getKey().split("\\|", 3);
                String by = "its " + key[1] + " pointing at " + key[2];
                if (pl.size() == 1 && al.size() == 1) {
                    if (compatible(pl.get(0), al.get(0))) {
                        match(pl.get(0), al.get(0), by);
                        paired = true;
                    }
                } else if (pl.size() > 1 && pl.size() == al.size()) {
                    // Six subnets of one VPC on each side: told apart by their own attributes (CIDR, zone).
                    paired |= pairAlike(pl, al, by);
                }
            }
            return paired;
        }

        /** The model classes of paired resources, in a stable order. */
        private List<Class<? extends Resource>> pairedTypes() {
            java.util.TreeMap<String, Class<? extends Resource>> types = new java.util.TreeMap<>();
            for (Resource r : p2a.keySet()) types.put(r.getClass().getName(), r.getClass());
            return List.copyOf(types.values());
        }

        /** The one reference a record holds (a block device's KMS key), or null when it holds none or several. */
        private static Ref onlyReference(Record rec) {
            Ref found = null;
            for (java.lang.reflect.RecordComponent c : rec.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(rec);
                } catch (ReflectiveOperationException e) {
                    continue;
                }
                if (v instanceof Value<?> rv && rv.isKnown() && !rv.isSensitive() && rv.get() instanceof Ref r) {
                    if (found != null) return null;
                    found = r;
                }
            }
            return found;
        }

        /** The resources a {@code Value<Ref>} or {@code Value<List<Ref>>} field resolves to in its own model. */
        private List<Resource> targets(Model model, Resource owner, java.lang.reflect.Field f,
                                       List<Class<? extends Resource>> preferred) {
            List<Resource> out = new ArrayList<>();
            if (f.getType() != Value.class) return out;
            Object v;
            try {
                v = f.get(owner);
            } catch (IllegalAccessException e) {
                return out;
            }
            if (!(v instanceof Value<?> value) || !value.isKnown() || value.isSensitive()) return out;
            Object x = value.get();
            List<?> refs = x instanceof Ref ? List.of(x) : x instanceof List<?> l ? l : List.of();
            for (Object o : refs) {
                Ref ref = o instanceof Ref r ? r : o instanceof Value<?> rv && rv.isKnown() && rv.get() instanceof Ref r
                        ? r : o instanceof Record rec ? onlyReference(rec) : null;
                if (ref == null) continue;
                // A name several resources hold (a DB cluster and its subnet group): read as a kind that pairs.
                Optional<? extends Resource> t = Optional.empty();
                for (Class<? extends Resource> type : preferred) {
                    Optional<? extends Resource> typed = model.resolve(owner, ref, type);
                    if (typed.isPresent() && (preferred.size() == 1 || p2a.containsKey(typed.get())
                            || a2p.containsKey(typed.get()))) {
                        t = typed;
                        break;
                    }
                }
                if (t.isEmpty()) t = model.resolve(owner, ref);
                t.filter(r -> !out.contains(r)).ifPresent(out::add);
            }
            return out;
        }

        private void match(Resource p, Resource a, String by) {
            p2a.put(p, a);
            a2p.put(a, p);
            how.put(p, by);
        }

        private static boolean regionOk(Resource p, Resource a) {
            String rp = region(p);
            String ra = region(a);
            return rp == null || ra == null || rp.equals(ra);
        }

        private void byAwsId(List<Resource> ps, List<Resource> as) {
            java.util.Map<String, List<Resource>> index = new java.util.HashMap<>();
            for (Resource a : as) {
                Set<String> ids = new LinkedHashSet<>();
                ids.add(a.address());
                if (a.awsId.isPresent() && !a.awsId.isSensitive()) ids.add(a.awsId.get());
                ids.addAll(a.aliases());
                for (String id : ids) index.computeIfAbsent(kindKey(a) + "|" + id, k -> new ArrayList<>()).add(a);
            }
            for (Resource p : ps) {
                if (p2a.containsKey(p)) continue;
                Set<String> ids = new LinkedHashSet<>();
                if (p.awsId.isPresent() && !p.awsId.isSensitive()) ids.add(p.awsId.get());
                for (String alias : p.aliases()) if (alias.startsWith("arn:")) ids.add(alias);
                Set<Resource> candidates = new LinkedHashSet<>();
                String used = null;
                for (String id : ids) {
                    for (Resource a : index.getOrDefault(kindKey(p) + "|" + id, List.of())) {
                        if (!a2p.containsKey(a) && regionOk(p, a) && candidates.add(a) && used == null) used = id;
                    }
                }
                if (candidates.size() == 1) {
                    match(p, candidates.iterator().next(), "aws id " + used);
                } else if (candidates.size() > 1) {
                    notes.add(p.address() + ": its id matches " + candidates.size() + " actual resources; not matched "
                            + "by id");
                }
            }
        }

        private void byAddress(List<Resource> ps, List<Resource> as) {
            java.util.Map<String, Resource> index = new java.util.HashMap<>();
            for (Resource a : as) {
                if (a.location().isLive()) continue;
                index.putIfAbsent(a.kind() + "|" + a.sourceType() + "|" + a.address(), a);
            }
            for (Resource p : ps) {
                if (p2a.containsKey(p) || p.location().isLive()) continue;
                Resource a = index.get(p.kind() + "|" + p.sourceType() + "|" + p.address());
                if (a != null && !a2p.containsKey(a)) match(p, a, "address " + p.address());
            }
        }

        /** The stable name of a resource: the group name for security groups, else the name its source gives. */
        private static String nameKey(Resource r) {
            Value<String> v = r instanceof SecurityGroup g ? g.groupName : r.name;
            return v.isPresent() && !v.isSensitive() && !v.get().isEmpty() ? v.get() : null;
        }

        /** Generic resources match only resources of the same input type. */
        private static String kindKey(Resource r) {
            return r.kind() == Kind.GENERIC ? "GENERIC:" + r.sourceType() : r.kind().name();
        }

        private boolean vpcOk(Resource p, Resource a) {
            Value<Ref> vp = vpc(p);
            Value<Ref> va = vpc(a);
            if (vp == null || va == null || !vp.isPresent() || !va.isPresent()) return true;
            return refs.identity(true, p, vp.get()).equals(refs.identity(false, a, va.get()));
        }

        private boolean compatible(Resource p, Resource a) {
            return !a2p.containsKey(a) && !p2a.containsKey(p) && regionOk(p, a) && vpcOk(p, a);
        }

        private void byName(List<Resource> ps, List<Resource> as, boolean securityGroups) {
            java.util.Map<String, List<Resource>> pIndex = new java.util.TreeMap<>();
            java.util.Map<String, List<Resource>> aIndex = new java.util.HashMap<>();
            for (Resource p : ps) {
                if (p2a.containsKey(p) || (p.kind() == Kind.SECURITY_GROUP) != securityGroups) continue;
                String k = nameKey(p);
                if (k != null) pIndex.computeIfAbsent(kindKey(p) + "|" + k, x -> new ArrayList<>()).add(p);
            }
            for (Resource a : as) {
                if (a2p.containsKey(a) || (a.kind() == Kind.SECURITY_GROUP) != securityGroups) continue;
                String k = nameKey(a);
                if (k != null) aIndex.computeIfAbsent(kindKey(a) + "|" + k, x -> new ArrayList<>()).add(a);
            }
            for (var e : pIndex.entrySet()) {
                List<Resource> pl = e.getValue();
                List<Resource> al = aIndex.getOrDefault(e.getKey(), List.of());
                for (Resource p : pl) {
                    List<Resource> cands = al.stream().filter(a -> compatible(p, a)).toList();
                    if (cands.isEmpty()) continue;
                    if (cands.size() == 1) {
                        Resource a = cands.get(0);
                        long rivals = pl.stream().filter(q -> compatible(q, a)).count();
                        if (rivals == 1) {
                            match(p, a, "name " + nameKey(p));
                            continue;
                        }
                    }
                    notes.add(p.address() + ": the name " + nameKey(p) + " is not unique (" + cands.size()
                            + " actual candidate(s)); not matched by name");
                }
            }
        }
    }
}
