package io.plumbline.source.terraform;

import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows configuration {@code references} to resource instances of the plan: relative to the module instance of
 * the referring resource, through {@code module.X.output} into the module's outputs, and through {@code var.x} to the
 * calling module's expressions. Everything is hash lookups on indexes built once.
 */
final class References {

    /** A module instance: its configuration, its address prefix ("" or {@code module.a["x"].}), its key. */
    static final class ModInst {
        final PlanConfig.Module cm;
        /** Address prefix of resources in this instance; null when the instance is not known (all instances). */
        final String prefix;
        final ModInst parent;
        /** Raw instance key of this module call ({@code 0}, {@code "a"}), or null. */
        final String key;
        final String name;

        ModInst(PlanConfig.Module cm, String prefix, ModInst parent, String key, String name) {
            this.cm = cm;
            this.prefix = prefix;
            this.parent = parent;
            this.key = key;
            this.name = name;
        }

        String display() {
            return prefix == null ? (cm == null ? "?" : cm.path) : (prefix.isEmpty() ? "the root module"
                    : prefix.substring(0, prefix.length() - 1));
        }
    }

    /** One resource instance of the plan. */
    record Inst(String address, String key, MapNode values) {
    }

    /** What a list of references leads to. */
    static final class Result {
        final Set<String> targets = new LinkedHashSet<>();
        /** A reason the references cannot be followed completely (a local, an unknown data source...). */
        String hard;
        /** References to resources that have no instance in this plan (count = 0, conditional branches). */
        String missing;
        /**
         * A reference through a local value, which the plan does not record: it may be the value itself or only a
         * condition choosing between the resources referred to.
         */
        String local;

        void hard(String why) {
            if (hard == null) hard = why;
        }
    }

    private final PlanConfig config;
    /** Full base address (with module keys) → instances. */
    private final Map<String, List<Inst>> byBase;
    /** Configuration-level base address (module keys stripped) → instances of all module instances. */
    private final Map<String, List<Inst>> byConfigBase;
    private final Map<String, ModInst> modCache = new HashMap<>();
    final ModInst rootInst;

    References(PlanConfig config, Map<String, List<Inst>> byBase, Map<String, List<Inst>> byConfigBase) {
        this.config = config;
        this.byBase = byBase;
        this.byConfigBase = byConfigBase;
        this.rootInst = new ModInst(config.root, "", null, null, null);
        modCache.put("", rootInst);
    }

    /** The module instance of a {@code module_address} (cached: many resources share one). */
    ModInst module(String moduleAddress) {
        ModInst m = modCache.get(moduleAddress);
        if (m != null) return m;
        List<String> segs = Addresses.split(moduleAddress);
        ModInst cur = rootInst;
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i + 1 < segs.size(); i += 2) {
            String seg = segs.get(i + 1);
            String name = Addresses.name(seg);
            prefix.append("module.").append(seg).append('.');
            PlanConfig.Module child = cur.cm == null ? null : cur.cm.children.get(name);
            cur = new ModInst(child, prefix.toString(), cur, Addresses.key(seg), name);
        }
        modCache.put(moduleAddress, cur);
        return cur;
    }

    /** Follows {@code refs} as written in module instance {@code ctx}; {@code selfKey} is the referrer's own key. */
    Result resolve(ListNode refs, ModInst ctx, String selfKey) {
        Result r = new Result();
        resolve(refs, ctx, selfKey, null, r, 0);
        return r;
    }

    /**
     * {@code select}: the instance key an enclosing expression selects with ({@code x[count.index]} written around a
     * module output or a variable), or null. An expression that mentions {@code count.index} or {@code each.key}
     * selects, from a resource with several instances, the one with the referrer's own key.
     */
    private void resolve(ListNode refs, ModInst ctx, String selfKey, String select, Result out, int depth) {
        if (depth > 32) {
            out.hard("references nest too deeply to follow");
            return;
        }
        if (ctx.cm == null) {
            out.hard("the configuration of " + ctx.display() + " is not in the plan");
            return;
        }
        Parsed parsed = parsed(refs);
        if (selfKey != null && parsed.selects) select = selfKey;
        for (String local : parsed.locals) {
            if (out.local == null) {
                out.local = "it goes through " + local + " in " + ctx.display() + ", and the plan does not record locals";
            }
        }
        if (ctx.parent != null) {
            for (String var : parsed.vars) {
                MapNode exprs = ctx.cm.callExpressions();
                MapNode passed = exprs == null ? null : exprs.map(var);
                ListNode up = passed == null ? null : passed.list("references");
                if (up != null && up.size() > 0) resolve(up, ctx.parent, ctx.key, select, out, depth + 1);
            }
        }
        for (String[] mo : parsed.outputs) {
            String callSeg = mo[0];
            String output = mo[1];
            String callName = Addresses.name(callSeg);
            PlanConfig.Module child = ctx.cm.children.get(callName);
            if (child == null) {
                out.hard("module." + callName + " is not in the plan's configuration");
                continue;
            }
            MapNode o = child.outputs == null ? null : child.outputs.map(output);
            MapNode expr = o == null ? null : o.map("expression");
            if (expr == null && mo[2] != null && child.resourceIndex.containsKey(mo[2])) {
                // module.x.aws_subnet.app[*].id: a resource inside the module, named through its call (hand-written
                // plans and other tools write it so); every instance of it, in every instance of the module
                addInstances(childInstance(ctx, callSeg, child, callName), mo[2],
                        mo[3] == null ? Set.of() : Set.of(mo[3]), null, out);
                continue;
            }
            if (expr == null) {
                out.hard("module." + callName + " has no output " + output + " in the plan's configuration");
                continue;
            }
            ListNode down = expr.list("references");
            if (down == null || down.size() == 0) continue; // a constant output: not a link
            resolve(down, childInstance(ctx, callSeg, child, callName), null, select, out, depth + 1);
        }
        for (Map.Entry<String, Set<String>> e : parsed.keyed.entrySet()) addInstances(ctx, e.getKey(), e.getValue(), select, out);
    }

    /**
     * The instances of resource {@code base} in module instance {@code ctx}: those with the given keys, else the one
     * {@code select} picks, else all of them (the resource named alone, or through a splat).
     */
    private void addInstances(ModInst ctx, String base, Set<String> keys, String select, Result out) {
        List<Inst> instances = instances(ctx, base);
        if (instances.isEmpty()) {
            if (out.missing == null) out.missing = base + " has no instance in this plan";
            return;
        }
        List<Inst> chosen = new ArrayList<>(2);
        if (!keys.isEmpty()) {
            for (String k : keys) {
                Inst hit = withKey(instances, k);
                if (hit != null) chosen.add(hit);
                else if (out.missing == null) out.missing = base + "[" + k + "] is not in this plan";
            }
        } else if (select != null && instances.size() > 1) {
            Inst hit = withKey(instances, select);
            if (hit == null) {
                out.hard("the expression picks one of the " + instances.size() + " instances of " + base
                        + " by count.index or each.key, and none has the key " + select);
                return;
            }
            chosen.add(hit);
        } else {
            chosen.addAll(instances);
        }
        boolean data = base.startsWith("data.");
        for (Inst i : chosen) {
            if (!data) {
                out.targets.add(i.address());
                continue;
            }
            Node id = i.values() == null ? null : i.values().get("id");
            if (id instanceof ScalarNode s && s.value() != null && !s.text().isEmpty()) out.targets.add(s.text());
            else out.hard(i.address() + " is read only during apply");
        }
    }

    /** The instance of module call {@code callSeg} of {@code ctx}: every instance when the call is counted and no key is given. */
    private static ModInst childInstance(ModInst ctx, String callSeg, PlanConfig.Module child, String callName) {
        String key = Addresses.key(callSeg);
        if (isSplat(key)) key = null;
        boolean counted = child.call != null && (child.call.has("count_expression")
                || child.call.has("for_each_expression"));
        String prefix = ctx.prefix == null || (key == null && counted) || isSplat(Addresses.key(callSeg)) ? null
                : ctx.prefix + "module." + Addresses.name(callSeg) + (key == null ? "" : "[" + key + "]") + ".";
        return new ModInst(child, prefix, ctx, key, callName);
    }


    /**
     * A splat ({@code [*]}, or the legacy {@code .*}) takes every instance: the same as naming the resource alone.
     */
    static boolean isSplat(String key) {
        return "*".equals(key);
    }

    private static String ref(List<String> segs, int n) {
        StringBuilder sb = new StringBuilder(segs.get(0));
        for (int i = 1; i < n && i < segs.size(); i++) sb.append('.').append(Addresses.name(segs.get(i)));
        return sb.toString();
    }

    /** A references list taken apart once (every instance of a counted resource shares its configuration). */
    private static final class Parsed {
        boolean selects;
        final List<String> locals = new ArrayList<>(0);
        final List<String> vars = new ArrayList<>(0);
        /**
         * {call segment, output name, resource TYPE.NAME or null, resource key or null} of module.X.out references
         * (and of module.X.TYPE.NAME ones), each once.
         */
        final List<String[]> outputs = new ArrayList<>(0);
        /** Resource (or data) base address → the instance keys named, empty for the whole resource. */
        final Map<String, Set<String>> keyed = new LinkedHashMap<>();
    }

    private final Map<ListNode, Parsed> parsedCache = new java.util.IdentityHashMap<>();

    private Parsed parsed(ListNode refs) {
        Parsed p = parsedCache.get(refs);
        if (p != null) return p;
        p = new Parsed();
        Set<String> seenOutputs = null;
        for (Node n : refs.items()) {
            if (!(n instanceof ScalarNode s) || !(s.value() instanceof String ref)) continue;
            List<String> segs = Addresses.split(ref);
            String head = segs.get(0);
            switch (head) {
                case "count", "each" -> p.selects = true;
                case "path", "terraform", "self" -> {
                }
                case "local" -> {
                    String local = ref(segs, 2);
                    if (!p.locals.contains(local)) p.locals.add(local);
                }
                case "var" -> {
                    if (segs.size() < 2) break;
                    String var = Addresses.name(segs.get(1));
                    if (!p.vars.contains(var)) p.vars.add(var);
                }
                case "module" -> {
                    if (segs.size() < 3) break; // the whole module object: followed through its outputs when named
                    if (seenOutputs == null) seenOutputs = new java.util.HashSet<>();
                    String output = Addresses.name(segs.get(2));
                    // module.x.TYPE.NAME[...]: kept as a possible resource of the module, used when no such output
                    String resource = segs.size() >= 4 ? output + "." + Addresses.name(segs.get(3)) : null;
                    String resourceKey = segs.size() >= 4 ? Addresses.key(segs.get(3)) : null;
                    if (isSplat(resourceKey)) resourceKey = null;
                    if (seenOutputs.add(segs.get(1) + "." + output + (resource == null ? "" : "/" + resource
                            + (resourceKey == null ? "" : "[" + resourceKey + "]")))) {
                        p.outputs.add(new String[] {segs.get(1), output, resource, resourceKey});
                    }
                }
                case "data" -> {
                    if (segs.size() < 3) break;
                    Set<String> keys = p.keyed.computeIfAbsent("data." + segs.get(1) + "." + Addresses.name(segs.get(2)),
                            k -> new LinkedHashSet<>());
                    String key = Addresses.key(segs.get(2));
                    if (key != null && !isSplat(key)) keys.add(key);
                }
                default -> {
                    if (segs.size() < 2) break;
                    Set<String> keys = p.keyed.computeIfAbsent(head + "." + Addresses.name(segs.get(1)),
                            k -> new LinkedHashSet<>());
                    String key = Addresses.key(segs.get(1));
                    if (key != null && !isSplat(key)) keys.add(key);
                }
            }
        }
        parsedCache.put(refs, p);
        return p;
    }

    /** Instance keys of big counted resources, indexed on first use (a scan would be quadratic over a plan). */
    private final Map<List<Inst>, Map<String, Inst>> keyIndex = new java.util.IdentityHashMap<>();

    private Inst withKey(List<Inst> instances, String key) {
        if (instances.size() <= 8) {
            for (Inst i : instances) if (key.equals(i.key())) return i;
            return null;
        }
        Map<String, Inst> index = keyIndex.computeIfAbsent(instances, l -> {
            Map<String, Inst> m = new java.util.HashMap<>(l.size() * 2);
            for (Inst i : l) if (i.key() != null) m.putIfAbsent(i.key(), i);
            return m;
        });
        return index.get(key);
    }

    private List<Inst> instances(ModInst ctx, String base) {
        List<Inst> l;
        if (ctx.prefix != null) {
            l = byBase.get(ctx.prefix + base);
        } else {
            l = byConfigBase.get(ctx.cm.path.isEmpty() ? base : ctx.cm.path + "." + base);
        }
        return l == null ? List.of() : l;
    }

    /** True when every reference is a variable that evaluates to null (so the attribute is in effect not set). */
    boolean allVariablesNull(ListNode refs, ModInst ctx, int depth) {
        if (refs.size() == 0 || depth > 32 || ctx == null || ctx.cm == null) return false;
        for (Node n : refs.items()) {
            if (!(n instanceof ScalarNode s) || !(s.value() instanceof String ref) || !ref.startsWith("var.")) return false;
            String var = Addresses.name(Addresses.split(ref).get(1));
            if (!variableNull(var, ctx, depth)) return false;
        }
        return true;
    }

    private boolean variableNull(String var, ModInst ctx, int depth) {
        if (ctx.parent == null) {
            MapNode v = config.rootVariables == null ? null : config.rootVariables.map(var);
            return v != null && v.has("value") && v.get("value").isNull();
        }
        MapNode exprs = ctx.cm.callExpressions();
        MapNode passed = exprs == null ? null : exprs.map(var);
        if (passed == null) {
            MapNode decl = ctx.cm.variables == null ? null : ctx.cm.variables.map(var);
            if (decl == null) return false;
            Node def = decl.get("default");
            return def == null || def.isNull();
        }
        Node c = passed.get("constant_value");
        if (c != null) return c.isNull();
        ListNode up = passed.list("references");
        return up != null && allVariablesNull(up, ctx.parent, depth + 1);
    }
}
