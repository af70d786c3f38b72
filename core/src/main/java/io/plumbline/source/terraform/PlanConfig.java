package io.plumbline.source.terraform;

import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.source.InputException;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's {@code configuration} section, indexed once: modules by path, their resources by {@code type.name},
 * module calls, outputs and variables; provider configurations and the regions they resolve to (cached).
 */
final class PlanConfig {

    /** One module of the configuration (the root module, or the module behind a module call). */
    static final class Module {
        final String path;
        final String ptr;
        final Module parent;
        final String callName;
        /** The module_calls entry of the parent that instantiates this module (null for the root). */
        final MapNode call;
        final String callPtr;
        final Map<String, Integer> resourceIndex = new HashMap<>();
        final ListNode resources;
        final Map<String, Module> children = new HashMap<>();
        final MapNode outputs;
        final MapNode variables;

        Module(String path, String ptr, MapNode node, Module parent, String callName, MapNode call, String callPtr) {
            this.path = path;
            this.ptr = ptr;
            this.parent = parent;
            this.callName = callName;
            this.call = call;
            this.callPtr = callPtr;
            this.resources = node == null ? null : node.list("resources");
            this.outputs = node == null ? null : node.map("outputs");
            this.variables = node == null ? null : node.map("variables");
            if (resources != null) {
                List<Node> items = resources.items();
                for (int i = 0; i < items.size(); i++) {
                    if (!(items.get(i) instanceof MapNode r)) continue;
                    String type = r.text("type");
                    String name = r.text("name");
                    if (type == null || name == null) continue;
                    String key = "data".equals(r.text("mode")) ? "data." + type + "." + name : type + "." + name;
                    resourceIndex.putIfAbsent(key, i);
                }
            }
        }

        MapNode resource(int i) {
            return (MapNode) resources.get(i);
        }

        /** The expressions the calling module passes in, or null. */
        MapNode callExpressions() {
            return call == null ? null : call.map("expressions");
        }

        boolean isRoot() {
            return parent == null;
        }
    }

    final String file;
    final boolean present;
    final Module root;
    final Map<String, Module> byPath = new HashMap<>();
    private final MapNode providers;
    /** The plan's top-level {@code variables} (root module input values). */
    final MapNode rootVariables;
    private final Map<String, Value<String>> regionCache = new HashMap<>();

    PlanConfig(MapNode plan, String file) {
        this.file = file;
        Node c = plan.get("configuration");
        Node vars = plan.get("variables");
        this.rootVariables = vars instanceof MapNode m ? m : null;
        if (c == null || c.isNull()) {
            present = false;
            root = new Module("", "/configuration/root_module", null, null, null, null, null);
            providers = null;
            byPath.put("", root);
            return;
        }
        if (!(c instanceof MapNode cfg)) {
            throw new InputException(file, c.line(), c.column(), "configuration is not an object");
        }
        present = true;
        providers = cfg.map("provider_config");
        Node rm = cfg.get("root_module");
        if (rm != null && !rm.isNull() && !(rm instanceof MapNode)) {
            throw new InputException(file, rm.line(), rm.column(), "configuration.root_module is not an object");
        }
        root = new Module("", "/configuration/root_module", (MapNode) rm, null, null, null, null);
        byPath.put("", root);
        if (rm != null) indexCalls(root, (MapNode) rm, 0);
    }

    private void indexCalls(Module m, MapNode node, int depth) {
        MapNode calls = node.map("module_calls");
        if (calls == null || depth > 64) return;
        for (Map.Entry<String, Node> e : calls.entries().entrySet()) {
            if (!(e.getValue() instanceof MapNode call)) continue;
            String callPtr = m.ptr + "/module_calls/" + Addresses.token(e.getKey());
            MapNode body = call.map("module");
            String path = m.path.isEmpty() ? "module." + e.getKey() : m.path + ".module." + e.getKey();
            Module child = new Module(path, callPtr + "/module", body, m, e.getKey(), call, callPtr);
            m.children.put(e.getKey(), child);
            byPath.putIfAbsent(path, child);
            if (body != null) indexCalls(child, body, depth + 1);
        }
    }

    Module module(String configPath) {
        return byPath.get(configPath);
    }

    // ---------------------------------------------------------------- provider regions

    /**
     * The region of the provider configuration {@code providerKey} as used from module {@code m}: the configuration's
     * own {@code region}, or for a module's default provider the one it inherits from its parent.
     */
    Value<String> region(String providerKey, Module m) {
        if (!present) return Value.unknown("the plan has no configuration section to tell the provider's region", Provenance.NONE);
        String key = providerKey == null ? "aws" : providerKey;
        String cacheKey = key + '|' + (m == null ? "" : m.path);
        Value<String> v = regionCache.get(cacheKey);
        if (v == null) {
            v = computeRegion(key, m, 0);
            regionCache.put(cacheKey, v);
        }
        return v;
    }

    private Value<String> computeRegion(String key, Module m, int depth) {
        if (depth > 64) return Value.unknown("provider configuration nesting too deep", Provenance.NONE);
        int colon = key.lastIndexOf(':');
        String local = colon < 0 ? key : key.substring(colon + 1);
        String prefix = colon < 0 ? null : key.substring(0, colon);
        MapNode entry = provider(key);
        if (entry == null && prefix != null) {
            entry = provider(prefix.startsWith("module.") ? prefix + ":" + local : "module." + prefix + ":" + local);
            if (entry == null && m != null && !m.path.isEmpty()) entry = provider(m.path + ":" + local);
        }
        if (entry != null) {
            MapNode exprs = entry.map("expressions");
            MapNode region = exprs == null ? null : exprs.map("region");
            if (region != null) {
                Module scope = prefix == null ? root : (m == null ? root : m);
                return evaluateString(region, providerPointer(entry, key) + "/expressions/region", scope, 0,
                        "the provider's region");
            }
        }
        if (prefix == null) {
            // A root provider configuration (default or alias).
            if (entry == null) {
                return Value.unknown("no provider configuration \"" + local + "\" in the plan (region comes from the environment)",
                        Provenance.NONE);
            }
            return Value.unknown("provider \"" + key + "\" sets no region (it comes from the environment)",
                    Provenance.inFile(file, entry.line(), entry.column(), providerPointer(entry, key)));
        }
        if (local.indexOf('.') >= 0) {
            return Value.unknown("provider " + local + " of module " + prefix + " is passed in by its caller; the plan does not say which",
                    Provenance.NONE);
        }
        // A module's default provider, not configured in the module: inherited from the parent module.
        Module parent = m == null ? null : m.parent;
        if (parent == null || parent.isRoot()) return computeRegion(local, root, depth + 1);
        return computeRegion(parent.path + ":" + local, parent, depth + 1);
    }

    private MapNode provider(String key) {
        return providers == null ? null : providers.map(key);
    }

    private String providerPointer(MapNode entry, String key) {
        return "/configuration/provider_config/" + Addresses.token(key);
    }

    /**
     * Evaluates a configuration expression that should be a string: a constant, or a lone {@code var.x} reference
     * followed to the root variable's value or the calling module's expression.
     */
    /** Whether the module declares {@code var} with {@code sensitive = true}. */
    private static boolean sensitiveVariable(Module module, String var) {
        MapNode decl = module == null || module.variables == null ? null : module.variables.map(var);
        Node s = decl == null ? null : decl.get("sensitive");
        return s instanceof ScalarNode sn && Boolean.TRUE.equals(sn.value());
    }

    Value<String> evaluateString(MapNode expr, String ptr, Module scope, int depth, String what) {
        Provenance place = Provenance.inFile(file, expr.line(), expr.column(), ptr);
        if (depth > 32) return Value.unknown(what + " could not be evaluated (too deep)", place);
        Node c = expr.get("constant_value");
        if (c != null) {
            if (c instanceof ScalarNode s) {
                return Value.explicit(s.text(), Provenance.inFile(file, c.line(), c.column(), ptr + "/constant_value"));
            }
            return Value.unknown(what + " is not a string", place);
        }
        ListNode refs = expr.list("references");
        if (refs != null && refs.size() == 1 && refs.get(0) instanceof ScalarNode s && s.value() instanceof String ref
                && ref.startsWith("var.")) {
            String var = Addresses.name(Addresses.split(ref).get(1));
            if (scope == null || scope.isRoot()) {
                MapNode v = rootVariables == null ? null : rootVariables.map(var);
                Node value = v == null ? null : v.get("value");
                if (value instanceof ScalarNode vs && vs.value() != null) {
                    Value<String> found = Value.explicit(vs.text(), Provenance.inFile(file, value.line(), value.column(),
                            "/variables/" + Addresses.token(var) + "/value"));
                    return sensitiveVariable(root, var) ? found.asSensitive() : found;
                }
                return Value.unknown(what + " comes from var." + var + ", which has no value in the plan", place);
            }
            MapNode passed = scope.callExpressions() == null ? null : scope.callExpressions().map(var);
            if (passed != null) {
                return evaluateString(passed, scope.callPtr + "/expressions/" + Addresses.token(var), scope.parent,
                        depth + 1, what);
            }
            MapNode decl = scope.variables == null ? null : scope.variables.map(var);
            Node def = decl == null ? null : decl.get("default");
            if (def instanceof ScalarNode ds && ds.value() != null) {
                Value<String> found = Value.explicit(ds.text(), Provenance.inFile(file, def.line(), def.column(),
                        scope.ptr + "/variables/" + Addresses.token(var) + "/default"));
                return sensitiveVariable(scope, var) ? found.asSensitive() : found;
            }
            return Value.unknown(what + " comes from var." + var + " of " + scope.path + ", which is not set", place);
        }
        return Value.unknown(what + " is an expression the plan does not evaluate", place);
    }
}
