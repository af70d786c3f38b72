package io.plumbline.source.terraform;

import io.plumbline.model.ChangeAction;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.GenericResource;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Secrets;
import io.plumbline.model.Value;
import io.plumbline.source.Format;
import io.plumbline.source.InputException;
import io.plumbline.source.tree.JsonTreeReader;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One reading of one plan: validates its structure, indexes resource instances and the configuration once, maps
 * every resource change to the model (one pass), then folds the configuring resources into their targets.
 */
final class PlanReader {

    /** One resource of the plan (a resource change, or a planned value when the plan has no changes). */
    static final class Res {
        int ordinal;
        String address;
        String type;
        String name;
        boolean data;
        String moduleAddress;
        /** Raw instance key ({@code 0}, {@code "a"}) or null. */
        String key;
        ChangeAction action;
        Provenance place;
        References.ModInst mod;
        MapNode cfgResource;
        String providerKey;
        /** The values the model is built from: after (before for a planned delete). */
        Attrs attrs;
        /** The prior values (before, or prior state), or null. */
        Attrs before;
        MapNode vals;
    }

    /** What a folded resource does to its target. */
    interface FoldAction<T extends Resource> {
        void apply(T target, Res x);

        /** The folded resource is planned for deletion: by default its settings are simply not applied. */
        default void deleted(T target, Res x) {
        }
    }

    private record Fold(Res res, String attr, Class<? extends Resource> type, FoldAction<Resource> action,
                        Runnable incomplete, Function<String, ? extends Resource> placeholder) {
    }

    final String file;
    private final String sha256;
    private final MapNode root;
    final PlanConfig config;
    References refs;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Resource> byAddress = new HashMap<>();
    private final Map<String, Resource> byAlias = new HashMap<>();
    private final List<Fold> folds = new ArrayList<>();
    private final List<Runnable> finishers = new ArrayList<>();
    private final Map<String, MapNode> prior = new HashMap<>();
    private final List<Resource> created = new ArrayList<>();
    /** The VPCs' main route tables, which routes and associations may name through the VPC. */
    final MainRouteTables mainTables = new MainRouteTables(this);
    private final Map<Resource, Object> extras = new java.util.IdentityHashMap<>();
    private int excluded;
    /** The sensitive strings read so far (see {@link PlanSecrets}). */
    final Secrets.Builder secrets = new Secrets.Builder();
    private int foldedCount;
    /** Targets the plan does not declare, by the id (or name) its folded resources give: see {@link #placeholderFor}. */
    private final Map<String, Resource> placeholders = new HashMap<>();

    private final io.plumbline.source.SourceOptions options;
    private final java.nio.file.Path planDir;

    PlanReader(MapNode root, String file, String sha256) {
        this(root, file, sha256, io.plumbline.source.SourceOptions.DEFAULT, null);
    }

    /** {@code planDir}: the plan file's directory, where its .tf sources may be; null for a plan read from memory. */
    PlanReader(MapNode root, String file, String sha256, io.plumbline.source.SourceOptions options,
               java.nio.file.Path planDir) {
        this.root = root;
        this.file = file;
        this.sha256 = sha256;
        this.config = new PlanConfig(root, file);
        this.options = options == null ? io.plumbline.source.SourceOptions.DEFAULT : options;
        this.planDir = planDir;
    }

    /** The model; an input error never repeats a value the plan marks sensitive. */
    Model read() {
        try {
            return readModel();
        } catch (InputException e) {
            String problem = secrets.build().redactAll(e.problem());
            if (problem.equals(e.problem())) throw e;
            throw new InputException(e.file(), e.line(), e.column(), problem);
        }
    }

    private Model readModel() {
        PlanSecrets.registerRoot(root, secrets);
        indexPriorState();
        List<Res> all = new ArrayList<>();
        Node rc = root.get("resource_changes");
        if (rc != null && !rc.isNull() && !(rc instanceof ListNode)) throw bad(rc, "resource_changes is not an array");
        if (rc instanceof ListNode list && list.size() > 0) {
            List<Node> items = list.items();
            for (int i = 0; i < items.size(); i++) all.add(fromChange(items.get(i), i));
        } else {
            // No changes listed (absent, null or empty): what the plan holds is in planned_values. Never an empty
            // result from a plan that has resources: read them there, and say so.
            Node pv = JsonTreeReader.materialize(root.get("planned_values"));
            if (pv != null && !pv.isNull()) {
                if (!(pv instanceof MapNode pvm)) throw bad(pv, "planned_values is not an object");
                Node rm = pvm.get("root_module");
                if (rm != null && !rm.isNull()) {
                    if (!(rm instanceof MapNode rmm)) throw bad(rm, "planned_values.root_module is not an object");
                    fromPlannedModule(rmm, "/planned_values/root_module", all, 0);
                }
            }
            String how = rc == null ? "has no resource_changes" : rc.isNull() ? "has resource_changes: null"
                    : "has an empty resource_changes";
            if (!all.isEmpty()) {
                String what = how + ": read " + resources(all.size()) + " from planned_values and prior_state (no unknown "
                        + "values are marked, actions are inferred)";
                Provenance at = Provenance.inFile(file, 1, 1, "/planned_values");
                // an absent member is an older plan format; null or empty beside planned resources is odd input
                diagnostics.add(rc == null ? Diagnostic.info("the plan " + what, at)
                        : Diagnostic.warning("the plan " + what, at));
            } else if (!prior.isEmpty()) {
                throw bad(rc == null ? root : rc, "the plan " + how + " and no planned_values resources, but its "
                        + "prior_state holds " + resources(prior.size()) + ": it does not say what they become, so "
                        + "there is nothing to evaluate");
            }
        }
        // Index every instance once, so that references from any resource to any other are hash lookups.
        Map<String, List<References.Inst>> byBase = new HashMap<>();
        Map<String, List<References.Inst>> byConfigBase = new HashMap<>();
        for (Res x : all) {
            String base = baseAddress(x);
            References.Inst inst = new References.Inst(x.address, x.key, x.vals);
            byBase.computeIfAbsent(base, k -> new ArrayList<>(1)).add(inst);
            String cfgBase = x.moduleAddress.isEmpty() ? base : Addresses.stripKeys(base);
            if (!cfgBase.equals(base)) byConfigBase.computeIfAbsent(cfgBase, k -> new ArrayList<>(1)).add(inst);
            else byConfigBase.put(cfgBase, byBase.get(base));
        }
        refs = new References(config, byBase, byConfigBase);
        for (Res x : all) bind(x);

        Resource[] slots = new Resource[all.size()];
        for (Res x : all) {
            if (x.data) {
                excluded++;
                continue;
            }
            Resource r = Mappings.map(this, x);
            if (r != null) slots[x.ordinal] = r;
        }
        for (Fold f : folds) {
            Resource r = applyFold(f);
            if (r != null) slots[f.res().ordinal] = r;
        }
        for (Runnable r : finishers) r.run();

        List<Resource> resources = new ArrayList<>(all.size());
        for (Resource r : slots) if (r != null) resources.add(r);
        // Placeholders and the main route tables made for VPCs are the model's, not the input's: not counted as modelled.
        int modelled = resources.size() - placeholders.size();
        resources.addAll(mainTables.made());
        InputFile input = new InputFile(file, Format.TERRAFORM_PLAN.id(), sha256, all.size(), modelled, foldedCount,
                excluded);
        List<io.plumbline.model.SourceLocator> sources = PlanSources.find(this, all, options, planDir);
        return new Model(resources, List.of(input), diagnostics, List.of(), secrets.build(), sources);
    }

    // ------------------------------------------------------------------ reading the plan's structure

    private static String resources(int n) {
        return n + (n == 1 ? " resource" : " resources");
    }

    private InputException bad(Node n, String problem) {
        return new InputException(file, n == null ? 0 : n.line(), n == null ? 0 : n.column(), problem);
    }

    private Res fromChange(Node node, int i) {
        String where = "resource_changes[" + i + "]";
        if (!(node instanceof MapNode rc)) throw bad(node, where + " is not an object");
        String type = requireText(rc, "type", where);
        String address = requireText(rc, "address", where);
        Node ch = rc.get("change");
        if (!(ch instanceof MapNode change)) throw bad(ch == null ? rc : ch, where + " (" + address + ") has no change object");
        Node actions = change.get("actions");
        if (!(actions instanceof ListNode al)) {
            throw bad(actions == null ? change : actions, where + " (" + address + ") has no actions array");
        }
        Res x = new Res();
        x.ordinal = i;
        x.type = type;
        x.data = "data".equals(rc.text("mode"));
        x.address = address;
        String deposed = rc.text("deposed");
        if (deposed != null) x.address = address + " (deposed " + deposed + ")";
        x.name = rc.text("name");
        x.moduleAddress = rc.text("module_address");
        if (x.moduleAddress == null) x.moduleAddress = Addresses.moduleOf(address);
        x.key = keyOf(address, x);
        x.action = action(al, where);
        x.place = Provenance.inFile(file, rc.line(), rc.column(), "/resource_changes/" + i);
        String cp = "/resource_changes/" + i + "/change";
        MapNode after = objectOrNull(change, "after", where);
        MapNode before = objectOrNull(change, "before", where);
        PlanSecrets.marked(after, change.get("after_sensitive"), x.address, secrets, 0);
        PlanSecrets.marked(before, change.get("before_sensitive"), x.address, secrets, 0);
        if (x.action == ChangeAction.DELETE) {
            x.vals = before;
            x.attrs = values(x, before, cp + "/before", null, cp + "/after_unknown", change.get("before_sensitive"));
        } else {
            x.vals = after;
            x.attrs = values(x, after, cp + "/after", change.get("after_unknown"), cp + "/after_unknown",
                    change.get("after_sensitive"));
        }
        MapNode prev = before != null ? before : prior.get(address);
        if (prev != null && x.action != ChangeAction.CREATE) {
            x.before = values(x, prev, before != null ? cp + "/before" : "/prior_state", null, null,
                    change.get("before_sensitive"));
        }
        return x;
    }

    private Attrs values(Res x, MapNode vals, String ptr, Node unk, String unkPtr, Node sens) {
        // The configuration is attached later (bind), once every instance is indexed.
        return new Attrs(this, x, vals, ptr, unk, unkPtr, sens, null, null, false, x.place);
    }

    private void fromPlannedModule(MapNode module, String ptr, List<Res> out, int depth) {
        if (depth > 64) throw bad(module, "planned_values modules nest too deeply");
        Node rs = module.get("resources");
        if (rs != null && !rs.isNull()) {
            if (!(rs instanceof ListNode list)) throw bad(rs, "planned_values resources is not an array");
            for (int i = 0; i < list.size(); i++) {
                Node node = list.get(i);
                String p = ptr + "/resources/" + i;
                String where = p.substring(1);
                if (!(node instanceof MapNode r)) throw bad(node, where + " is not an object");
                Res x = new Res();
                x.ordinal = out.size();
                x.type = requireText(r, "type", where);
                x.address = requireText(r, "address", where);
                x.data = "data".equals(r.text("mode"));
                x.name = r.text("name");
                x.moduleAddress = Addresses.moduleOf(x.address);
                x.key = keyOf(x.address, x);
                MapNode prev = prior.get(x.address);
                x.action = x.data ? ChangeAction.READ : prev != null ? ChangeAction.NO_OP : ChangeAction.CREATE;
                x.place = Provenance.inFile(file, r.line(), r.column(), p);
                x.vals = objectOrNull(r, "values", where);
                PlanSecrets.marked(x.vals, r.get("sensitive_values"), x.address, secrets, 0);
                x.attrs = values(x, x.vals, p + "/values", null, null, r.get("sensitive_values"));
                if (prev != null) x.before = values(x, prev, "/prior_state", null, null, null);
                out.add(x);
            }
        }
        Node cms = module.get("child_modules");
        if (cms != null && !cms.isNull()) {
            if (!(cms instanceof ListNode list)) throw bad(cms, "planned_values child_modules is not an array");
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof MapNode cm)) throw bad(list.get(i), "a child module is not an object");
                fromPlannedModule(cm, ptr + "/child_modules/" + i, out, depth + 1);
            }
        }
    }

    private void indexPriorState() {
        Node ps = root.get("prior_state");
        if (!(ps instanceof MapNode psm)) return;
        MapNode values = psm.map("values");
        MapNode rm = values == null ? null : values.map("root_module");
        if (rm != null) indexPriorModule(rm, 0);
    }

    private void indexPriorModule(MapNode module, int depth) {
        if (depth > 64) return;
        ListNode rs = module.list("resources");
        if (rs != null) {
            for (Node n : rs.items()) {
                if (n instanceof MapNode r && r.text("address") != null && r.map("values") != null) {
                    prior.put(r.text("address"), r.map("values"));
                    PlanSecrets.marked(r.map("values"), r.get("sensitive_values"), r.text("address"), secrets, 0);
                }
            }
        }
        ListNode cms = module.list("child_modules");
        if (cms != null) for (Node n : cms.items()) if (n instanceof MapNode m) indexPriorModule(m, depth + 1);
    }

    private String requireText(MapNode n, String key, String where) {
        Node v = n.get(key);
        if (v instanceof ScalarNode s && s.value() instanceof String str && !str.isEmpty()) return str;
        throw bad(v == null ? n : v, where + (v == null ? " has no " + key : " has a " + key + " that is not a string"));
    }

    private MapNode objectOrNull(MapNode n, String key, String where) {
        Node v = n.get(key);
        if (v == null || v.isNull()) return null;
        if (v instanceof MapNode m) return m;
        throw bad(v, where + "." + key + " is not an object");
    }

    private ChangeAction action(ListNode actions, String where) {
        String first = actions.size() > 0 && actions.get(0) instanceof ScalarNode s ? s.text() : null;
        String second = actions.size() > 1 && actions.get(1) instanceof ScalarNode s ? s.text() : null;
        if (first == null) throw bad(actions, where + " has an empty actions array");
        if (second != null) {
            if (("delete".equals(first) && "create".equals(second)) || ("create".equals(first) && "delete".equals(second))) {
                return ChangeAction.REPLACE;
            }
        }
        switch (first) {
            case "create":
                return ChangeAction.CREATE;
            case "update":
                return ChangeAction.UPDATE;
            case "delete":
                return ChangeAction.DELETE;
            case "no-op":
                return ChangeAction.NO_OP;
            case "read":
                return ChangeAction.READ;
            case "forget":
                return ChangeAction.NO_OP;
            default:
                diagnostics.add(Diagnostic.warning(where + " has an action this reader does not know (" + first
                        + "): read as an update", Provenance.inFile(file, actions.line(), actions.column(), null)));
                return ChangeAction.UPDATE;
        }
    }

    /** The instance key at the end of an address, as written ({@code 0}, {@code "a"}), or null. */
    private static String keyOf(String address, Res x) {
        if (!address.endsWith("]")) return null;
        String base = baseAddress(x);
        if (address.length() > base.length() + 1 && address.startsWith(base) && address.charAt(base.length()) == '[') {
            return address.substring(base.length() + 1, address.length() - 1);
        }
        List<String> segs = Addresses.split(address);
        return Addresses.key(segs.get(segs.size() - 1));
    }

    /** The address without the instance key: {@code module.a[0].aws_subnet.x}. */
    static String baseAddress(Res x) {
        String local = (x.data ? "data." : "") + x.type + "." + (x.name != null ? x.name : nameFrom(x.address));
        return x.moduleAddress.isEmpty() ? local : x.moduleAddress + "." + local;
    }

    private static String nameFrom(String address) {
        List<String> segs = Addresses.split(address);
        return Addresses.name(segs.get(segs.size() - 1));
    }

    /** Attaches the configuration (module instance, resource expressions) to a resource's values. */
    private void bind(Res x) {
        if (x.name == null) x.name = nameFrom(x.address);
        x.mod = refs.module(x.moduleAddress);
        PlanConfig.Module cm = x.mod.cm;
        String cfgKey = (x.data ? "data." : "") + x.type + "." + x.name;
        Integer idx = cm == null ? null : cm.resourceIndex.get(cfgKey);
        MapNode exprs = null;
        String exprPtr = null;
        if (idx != null) {
            x.cfgResource = cm.resource(idx);
            x.providerKey = x.cfgResource.text("provider_config_key");
            exprs = x.cfgResource.map("expressions");
            exprPtr = cm.ptr + "/resources/" + idx + "/expressions";
        }
        boolean known = config.present && x.cfgResource != null;
        Attrs a = x.attrs;
        x.attrs = new Attrs(this, x, a.vals, a.ptr, a.unk, a.unkPtr, a.sens, exprs, exprPtr, known, x.place);
    }

    // ------------------------------------------------------------------ the model side

    /** Sets what every resource has: change, region, tags, name, id, aliases; and registers it for joins. */
    <T extends Resource> T common(T r, Res x, String nameAttr) {
        Attrs a = x.attrs;
        r.change = x.action;
        if (x.type.startsWith("aws_")) r.region = region(x);
        Value<java.util.Map<String, String>> tags;
        if (a.raw("tags_all") instanceof MapNode && !a.isUnknown("tags_all")) {
            tags = a.stringMap("tags_all");
        } else if (a.raw("tags") instanceof ListNode) {
            tags = a.keyValues("tags");
        } else {
            tags = a.stringMap("tags");
            if (Attrs.absent(tags) && a.isUnknown("tags_all")) tags = a.stringMap("tags_all");
        }
        if ((Attrs.absent(tags) || tags.isPresent() && tags.get().isEmpty())
                && a.raw("tag") instanceof ListNode tl && tl.size() > 0) {
            tags = a.keyValues("tag");
        }
        r.tags = tags;
        Value<String> name = nameAttr == null ? Value.notInInput() : a.strOrNull(nameAttr);
        if (Attrs.absent(name) && tags.isPresent() && tags.get().containsKey("Name")) {
            name = Value.explicit(tags.get().get("Name"), tags.provenance());
            if (tags.isSensitive()) name = name.asSensitive();
        }
        r.name = name;
        Value<String> id = a.strOrNull("id");
        if (!id.isPresent() && x.before != null && x.action != ChangeAction.REPLACE) {
            Value<String> prev = x.before.strOrNull("id");
            if (prev.isPresent()) id = prev;
        }
        if (id.isPresent()) r.awsId = id;
        alias(r, a, nameAttr);
        if (x.before != null) alias(r, x.before, nameAttr);
        register(r);
        return r;
    }

    private void alias(Resource r, Attrs a, String nameAttr) {
        r.addAlias(a.publicText("id"));
        r.addAlias(a.publicText("arn"));
        if (nameAttr != null) r.addAlias(a.publicText(nameAttr));
    }

    void register(Resource r) {
        created.add(r);
        byAddress.putIfAbsent(r.address(), r);
        for (String alias : r.aliases()) byAlias.putIfAbsent(alias, r);
    }

    /** Adds an alias after registration (a KMS alias name, a computed ARN). */
    void addAlias(Resource r, String alias) {
        if (alias == null || alias.isEmpty()) return;
        r.addAlias(alias);
        byAlias.putIfAbsent(alias, r);
    }

    private Value<String> region(Res x) {
        Attrs a = x.attrs;
        if (a.has("region")) {
            Value<String> own = a.strOrNull("region");
            if (own.isPresent()) return own;
        }
        return config.region(x.providerKey, x.mod == null ? null : x.mod.cm);
    }

    GenericResource generic(Res x) {
        return common(new GenericResource(x.address, x.type, x.place), x, "name");
    }

    /** Registers a resource that configures another: folded after every resource exists. */
    @SuppressWarnings("unchecked")
    <T extends Resource> void fold(Res x, String attr, Class<T> type, FoldAction<T> action, Runnable incomplete) {
        folds.add(new Fold(x, attr, type, (FoldAction<Resource>) action, incomplete, null));
    }

    /**
     * Like {@link #fold(Res, String, Class, FoldAction, Runnable)}, for a resource that matters on its own (a security
     * group rule is an exposure whatever group it lands on): when its target is not in the plan, or cannot be
     * determined, it is folded into a placeholder that {@code placeholder} makes for the given name.
     */
    @SuppressWarnings("unchecked")
    <T extends Resource> void fold(Res x, String attr, Class<T> type, FoldAction<T> action, Runnable incomplete,
                                   Function<String, T> placeholder) {
        folds.add(new Fold(x, attr, type, (FoldAction<Resource>) action, incomplete, placeholder));
    }

    <T extends Resource> void fold(Res x, String attr, Class<T> type, FoldAction<T> action) {
        fold(x, attr, type, action, null);
    }

    /** Every resource of a model class created so far (for marks that concern all of them). */
    <T extends Resource> void forEach(Class<T> type, java.util.function.Consumer<T> action) {
        for (Resource r : created) if (type.isInstance(r)) action.accept(type.cast(r));
    }

    /** Per-resource working state of a mapping (what folds contributed), or null. */
    <T> T extra(Resource r, Class<T> type) {
        Object o = extras.get(r);
        return type.isInstance(o) ? type.cast(o) : null;
    }

    void putExtra(Resource r, Object state) {
        extras.put(r, state);
    }

    private final Map<Class<?>, Boolean> incomplete = new HashMap<>();

    /** Marks every resource of a kind once (e.g. all security groups when a rule's group cannot be determined). */
    <T extends Resource> void markAllOnce(Class<T> type, java.util.function.Consumer<T> action) {
        if (incomplete.putIfAbsent(type, Boolean.TRUE) == null) finisher(() -> forEach(type, action));
    }

    /** Runs after every fold (merging what folds contributed). */
    void finisher(Runnable r) {
        finishers.add(r);
    }

    Resource lookup(String target) {
        Resource r = byAddress.get(target);
        return r != null ? r : byAlias.get(target);
    }

    /** Resolves a link to a resource of this plan, or null. */
    <T extends Resource> T resolve(Value<Ref> link, Class<T> type) {
        if (!link.isPresent()) return null;
        Resource r = lookup(link.get().target());
        return type.isInstance(r) ? type.cast(r) : null;
    }

    private Resource applyFold(Fold f) {
        Res x = f.res();
        Value<Ref> link = x.attrs.ref(f.attr());
        String why;
        if (link.isPresent()) {
            // The configuration's reference names the target exactly; a literal name or id may be ambiguous.
            String byConfig = x.attrs.isUnknown(f.attr()) ? null : x.attrs.configTarget(f.attr());
            Resource target = byConfig != null && f.type().isInstance(byAddress.get(byConfig)) ? byAddress.get(byConfig)
                    : lookup(link.get().target());
            if (f.type() == io.plumbline.model.network.RouteTable.class) {
                target = mainTables.standIn(link.get().target(), target);
            }
            if (f.type().isInstance(target)) {
                target.addFolded(x.address);
                foldedCount++;
                if (x.action == ChangeAction.DELETE) {
                    f.action().deleted(target, x);
                    diagnostics.add(Diagnostic.info(x.address + " is planned for deletion; its settings are not applied to "
                            + target.address(), x.place));
                } else {
                    f.action().apply(target, x);
                }
                return null;
            }
            String shown = link.isSensitive() ? "(sensitive)" : link.get().target();
            if (target == null && f.placeholder() != null && x.action != ChangeAction.DELETE) {
                String name = link.isSensitive() ? "(" + f.attr() + " of " + x.address + ")" : link.get().target();
                return placeholderFor(f, x, name, "its " + f.attr() + " (" + shown + ") is not a resource of this input");
            }
            why = target == null ? "its " + f.attr() + " (" + shown + ") is not a resource of this input"
                    : "its " + f.attr() + " points at " + target.address() + ", which is not a " + f.type().getSimpleName();
        } else if (link.isUnknown()) {
            why = "its " + f.attr() + " cannot be resolved: " + link.note();
            if (f.incomplete() != null) f.incomplete().run();
            if (f.placeholder() != null && x.action != ChangeAction.DELETE) {
                return placeholderFor(f, x, "(" + f.attr() + " of " + x.address + ")", why);
            }
        } else {
            why = "it has no " + f.attr();
        }
        diagnostics.add(Diagnostic.warning(x.address + " could not be folded into its " + f.type().getSimpleName()
                + ": " + why + "; kept as a generic resource", x.place));
        return generic(x);
    }

    /**
     * Folds {@code x} into the placeholder named {@code name} (made on first use, registered under that name so that
     * later resources naming the same id find it). Returns the placeholder when it was made now (it takes the slot of
     * the resource that made it), else null.
     */
    private Resource placeholderFor(Fold f, Res x, String name, String why) {
        Resource ph = placeholders.get(name);
        boolean made = ph == null;
        if (made) {
            ph = f.placeholder().apply(name);
            if (x.type.startsWith("aws_")) ph.region = region(x);
            register(ph);
            placeholders.put(name, ph);
        }
        ph.addFolded(x.address);
        foldedCount++;
        f.action().apply(ph, x);
        diagnostics.add(Diagnostic.warning(x.address + " targets a " + f.type().getSimpleName() + " that is not declared "
                + "in this plan (" + why + "): judged on placeholder " + ph.address() + ", whose other settings are "
                + "unknown", x.place));
        return made ? ph : null;
    }
}
