package io.plumbline.source.terraform;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.Provenance;
import io.plumbline.model.SourceLocator;
import io.plumbline.source.InputException;
import io.plumbline.source.SourceOptions;
import io.plumbline.source.terraform.hcl.HclBlock;
import io.plumbline.source.terraform.hcl.ModuleDir;
import io.plumbline.source.tree.MapNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a plan's places to the {@code .tf} files it was made from. A value's JSON pointer names the resource (its
 * {@code resource_changes} or {@code planned_values} entry, or its {@code configuration} declaration) and the
 * attribute; the resource's address names its module, whose directory follows from the configuration's
 * {@code module_calls[].source} (local paths, {@code ./x} or {@code ../x}, relative to the calling module's directory);
 * the block and attribute lines come from {@link io.plumbline.source.terraform.hcl.HclScanner}. Registry and git
 * modules are not on disk: their resources keep the plan's place, and a diagnostic says so.
 *
 * <p>The sources are {@code --source-dir}, or else the plan's own directory or the current directory when its
 * {@code .tf} files declare every resource and module call of the plan's root module (so that a directory of
 * unrelated files is never taken for the plan's sources).
 */
final class PlanSources implements SourceLocator {
    /** More module directories than any real configuration has; a plan naming more is not followed further. */
    static final int MAX_MODULE_DIRS = 1_000;
    private static final int MAX_NOTES = 5;

    private final String input;
    private final Path absoluteDir;
    private final PlanConfig config;
    private final Map<String, String> addressByPointer;
    /** Config module path ("" for the root) to its directory; a module not on disk has no entry. */
    private final Map<String, ModuleDir> dirs;
    private final RepeatedBlocks repeated = new RepeatedBlocks();

    private PlanSources(String input, Path absoluteDir, PlanConfig config, Map<String, String> addressByPointer,
                        Map<String, ModuleDir> dirs) {
        this.input = input;
        this.absoluteDir = absoluteDir;
        this.config = config;
        this.addressByPointer = addressByPointer;
        this.dirs = dirs;
    }

    /**
     * The plan's sources, when they are found (none otherwise), with diagnostics on what could not be followed.
     *
     * @param planDir the directory of the plan file, or null for a plan read from memory (then only {@code --source-dir}
     *                is used)
     */
    static List<SourceLocator> find(PlanReader reader, List<PlanReader.Res> all, SourceOptions options, Path planDir) {
        PlanConfig config = reader.config;
        boolean explicit = options.sourceDir() != null;
        Provenance at = Provenance.inFile(reader.file, 1, 1, "/configuration");
        ModuleDir root = null;
        ModuleDir.Budget budget = new ModuleDir.Budget();
        if (explicit) {
            Path dir = options.sourceDir();
            if (!ModuleDir.isDirectory(dir)) throw new InputException(dir.toString(), 0, 0, "--source-dir: not a directory");
            if (!config.present) {
                reader.diagnostics.add(Diagnostic.warning("the plan has no configuration section, so its findings cannot "
                        + "be mapped to the .tf files in " + shown(dir) + ": they keep the plan's locations", at));
                return List.of();
            }
            root = ModuleDir.read(dir, budget);
        } else if (config.present) {
            List<Path> candidates = new ArrayList<>(2);
            if (planDir != null) candidates.add(planDir);
            Path cwd = Path.of("");
            if (planDir == null || !same(planDir, cwd)) candidates.add(cwd);
            for (Path c : candidates) {
                if (!ModuleDir.isDirectory(c)) continue;
                ModuleDir m = ModuleDir.read(c, budget);
                if (m.files() > 0 && declaresRoot(m, config.root)) {
                    root = m;
                    break;
                }
            }
        }
        if (root == null) return List.of();

        List<String> notOnDisk = new ArrayList<>();
        Map<String, ModuleDir> dirs = modules(config, root, notOnDisk, reader.diagnostics, at, budget);
        Map<String, String> addressByPointer = new HashMap<>();
        for (PlanReader.Res x : all) {
            if (x.place != null && x.place.pointer() != null) addressByPointer.put(x.place.pointer(), x.address);
        }
        Path common = root.dir().toAbsolutePath().normalize();
        for (ModuleDir d : dirs.values()) common = commonAncestor(common, d.dir().toAbsolutePath().normalize());
        PlanSources sources = new PlanSources(reader.file, common, config, addressByPointer, dirs);

        int declared = 0;
        List<String> missing = new ArrayList<>();
        for (PlanReader.Res x : all) {
            Target t = Target.ofAddress(x.address);
            ModuleDir d = t == null ? null : dirs.get(t.module());
            if (d == null) continue;
            ModuleDir.Declared decl = d.find(t.key());
            if (decl == null) {
                missing.add(x.address);
                continue;
            }
            declared++;
            if (x.attrs != null && x.attrs.vals != null) sources.repeated.match(decl.block(), x.attrs.vals, x.attrs.ptr);
            if (x.before != null && x.before.vals != null) sources.repeated.match(decl.block(), x.before.vals, x.before.ptr);
        }
        reader.diagnostics.add(Diagnostic.info("findings point to the .tf sources in " + shown(root.dir()) + " ("
                + declared + " of " + all.size() + (all.size() == 1 ? " resource" : " resources")
                + " of the plan declared there); the plan's place is kept as each finding's second location", at));
        if (!missing.isEmpty()) {
            reader.diagnostics.add(Diagnostic.warning(missing.size() + (missing.size() == 1 ? " resource is" : " resources are")
                    + " not declared in the .tf files of " + (explicit ? "--source-dir " : "") + shown(root.dir())
                    + " (" + sample(missing) + "): their findings keep the plan's location", at));
        }
        if (!notOnDisk.isEmpty()) {
            reader.diagnostics.add(Diagnostic.info(notOnDisk.size() + (notOnDisk.size() == 1 ? " module is" : " modules are")
                    + " not on disk (" + sample(notOnDisk) + "): findings of their resources keep the plan's location", at));
        }
        return List.of(sources);
    }

    private static String sample(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(MAX_NOTES, items.size())));
        return items.size() > MAX_NOTES ? shown + " and " + (items.size() - MAX_NOTES) + " more" : shown;
    }

    private static Path commonAncestor(Path a, Path b) {
        Path c = a;
        while (c != null && !b.startsWith(c)) c = c.getParent();
        return c == null ? a : c;
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** How a directory is named in messages: as given, or "." for the current one. */
    private static String shown(Path dir) {
        return dir.toString().isEmpty() ? "." : dir.toString();
    }

    /** Whether {@code m} declares every resource and module call of the plan's root module (and at least one). */
    private static boolean declaresRoot(ModuleDir m, PlanConfig.Module root) {
        int n = 0;
        for (String key : root.resourceIndex.keySet()) {
            if (m.find(key) == null) return false;
            n++;
        }
        for (String call : root.children.keySet()) {
            if (m.find("module." + call) == null) return false;
            n++;
        }
        return n > 0;
    }

    /** Each configuration module's directory, following local module sources from the root's. */
    private static Map<String, ModuleDir> modules(PlanConfig config, ModuleDir root, List<String> notOnDisk,
                                                  List<Diagnostic> diagnostics, Provenance at, ModuleDir.Budget budget) {
        Map<String, ModuleDir> dirs = new HashMap<>();
        Map<Path, ModuleDir> read = new HashMap<>();
        dirs.put("", root);
        read.put(root.dir().toAbsolutePath().normalize(), root);
        problems(root, diagnostics, at);
        Deque<PlanConfig.Module> todo = new ArrayDeque<>(config.root.children.values());
        while (!todo.isEmpty()) {
            PlanConfig.Module m = todo.poll();
            ModuleDir parent = dirs.get(m.parent.path);
            if (parent == null) continue;
            String source = m.call == null ? null : m.call.text("source");
            if (!isLocal(source)) {
                notOnDisk.add(m.path + (source == null ? "" : " from " + source));
                continue;
            }
            Path dir = parent.dir().resolve(source).normalize();
            Path key = dir.toAbsolutePath().normalize();
            ModuleDir d = read.get(key);
            if (d == null) {
                if (read.size() >= MAX_MODULE_DIRS || !ModuleDir.isDirectory(dir)) {
                    notOnDisk.add(m.path + " (" + source + ")");
                    continue;
                }
                d = ModuleDir.read(dir, budget);
                read.put(key, d);
                problems(d, diagnostics, at);
            }
            dirs.put(m.path, d);
            todo.addAll(m.children.values());
        }
        return dirs;
    }

    private static void problems(ModuleDir d, List<Diagnostic> diagnostics, Provenance at) {
        for (String p : d.problems()) {
            diagnostics.add(Diagnostic.warning("reading the .tf files of " + shown(d.dir()) + ": " + p, at));
        }
    }

    /**
     * A local module path as Terraform recognises one: it starts with {@code ./} or {@code ../}. Anything else (a
     * registry address, a git or http URL, an absolute path Terraform would not treat as local) is not looked for.
     */
    static boolean isLocal(String source) {
        if (source == null || source.length() > 4096) return false;
        for (int k = 0; k < source.length(); k++) if (Character.isISOControl(source.charAt(k))) return false;
        return source.startsWith("./") || source.startsWith("../") || source.startsWith(".\\") || source.startsWith("..\\");
    }

    // ------------------------------------------------------------------ locating one place

    @Override
    public String input() {
        return input;
    }

    @Override
    public Path sourceDir() {
        return absoluteDir;
    }

    @Override
    public Provenance locate(Provenance place, String resource) {
        Target t = place == null || place.pointer() == null ? null : target(place.pointer());
        if (t == null) t = Target.ofAddress(resource);
        if (t == null) return null;
        ModuleDir d = dirs.get(t.module());
        ModuleDir.Declared declared = d == null ? null : d.find(t.key());
        if (declared == null) return null;
        HclBlock.Place p = attributePlace(declared.block(), t);
        return Provenance.inFile(declared.file().toString(), p.line(), p.column(), null);
    }

    /** What a plan pointer is about: a configuration module, a declaration in it, and the attribute path below. */
    /**
     * {@code values}: the pointer of the resource's values the attribute path starts from (null when there is no path);
     * {@code ordered}: the path indexes nested blocks in the order they are written (the configuration's expressions),
     * not in an order of the plan's own.
     */
    record Target(String module, String key, List<String> attribute, String values, boolean ordered) {

        /** From a resource instance address ({@code module.a["k"].aws_x.y[0]}); null when it is none. */
        static Target ofAddress(String address) {
            if (address == null || address.isEmpty()) return null;
            int deposed = address.indexOf(" (deposed ");
            if (deposed > 0) address = address.substring(0, deposed);
            List<String> segs = Addresses.split(address);
            int k = 0;
            StringBuilder module = new StringBuilder();
            while (k + 1 < segs.size() && "module".equals(segs.get(k))) {
                if (module.length() > 0) module.append('.');
                module.append("module.").append(Addresses.name(segs.get(k + 1)));
                k += 2;
            }
            boolean data = k < segs.size() && "data".equals(segs.get(k));
            if (data) k++;
            if (k + 2 != segs.size()) return null;
            String key = (data ? "data." : "") + segs.get(k) + "." + Addresses.name(segs.get(k + 1));
            return new Target(module.toString(), key, List.of(), null, false);
        }
    }

    private Target target(String pointer) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) return null;
        switch (tokens.get(0)) {
            case "resource_changes" -> {
                if (tokens.size() < 2) return null;
                Target t = Target.ofAddress(addressByPointer.get("/resource_changes/" + tokens.get(1)));
                // /resource_changes/N/change/after/<attribute...>
                List<String> attr = tokens.size() > 4 ? tokens.subList(4, tokens.size()) : List.of();
                String values = tokens.size() > 3 ? "/resource_changes/" + tokens.get(1) + "/change/" + tokens.get(3) : null;
                return t == null ? null : new Target(t.module(), t.key(), attr, values, false);
            }
            case "planned_values" -> {
                int r = tokens.indexOf("resources");
                if (r < 0 || r + 1 >= tokens.size()) return null;
                StringBuilder prefix = new StringBuilder();
                for (int k = 0; k <= r + 1; k++) prefix.append('/').append(Addresses.token(tokens.get(k)));
                Target t = Target.ofAddress(addressByPointer.get(prefix.toString()));
                // .../resources/N/values/<attribute...>
                List<String> attr = tokens.size() > r + 3 ? tokens.subList(r + 3, tokens.size()) : List.of();
                return t == null ? null : new Target(t.module(), t.key(), attr, prefix + "/values", false);
            }
            case "configuration" -> {
                return configTarget(tokens);
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code /configuration/root_module(/module_calls/X/module)*} then {@code /resources/N/expressions/...} or {@code /module_calls/X/expressions/...}. */
    private Target configTarget(List<String> tokens) {
        if (tokens.size() < 2 || !"root_module".equals(tokens.get(1))) return null;
        PlanConfig.Module m = config.root;
        int k = 2;
        while (k + 2 < tokens.size() && "module_calls".equals(tokens.get(k)) && "module".equals(tokens.get(k + 2))) {
            m = m.children.get(tokens.get(k + 1));
            if (m == null) return null;
            k += 3;
        }
        if (k + 1 >= tokens.size()) return null;
        List<String> attr = k + 3 < tokens.size() && "expressions".equals(tokens.get(k + 2))
                ? tokens.subList(k + 3, tokens.size()) : List.of();
        if ("resources".equals(tokens.get(k))) {
            int index;
            try {
                index = Integer.parseInt(tokens.get(k + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (m.resources == null || index < 0 || index >= m.resources.size()) return null;
            if (!(m.resources.get(index) instanceof MapNode r) || r.text("type") == null || r.text("name") == null) return null;
            String key = ("data".equals(r.text("mode")) ? "data." : "") + r.text("type") + "." + r.text("name");
            return new Target(m.path, key, attr, null, true);
        }
        if ("module_calls".equals(tokens.get(k))) return new Target(m.path, "module." + tokens.get(k + 1), attr, null, true);
        return null;
    }

    /** The JSON pointer's tokens, unescaped (RFC 6901). */
    private static List<String> tokens(String pointer) {
        List<String> out = new ArrayList<>();
        if (!pointer.startsWith("/")) return out;
        int start = 1;
        while (start <= pointer.length()) {
            int end = pointer.indexOf('/', start);
            if (end < 0) end = pointer.length();
            out.add(pointer.substring(start, end).replace("~1", "/").replace("~0", "~"));
            start = end + 1;
        }
        return out;
    }

    /**
     * The line of the attribute the path names inside the block: nested blocks are followed by name — the only one
     * written, the {@code content} of a {@code dynamic} block, the n-th written in configuration order, or the one
     * {@link RepeatedBlocks} told apart — and where it cannot be told which, or the block does not write the attribute
     * (defaulted, computed), the place stays at the innermost block that is sure.
     */
    HclBlock.Place attributePlace(HclBlock block, Target t) {
        HclBlock current = block;
        List<String> path = t.attribute();
        StringBuilder at = t.values() == null ? null : new StringBuilder(t.values());
        for (int k = 0; k < path.size(); k++) {
            String name = path.get(k);
            if (isIndex(name)) continue;
            HclBlock.Place attribute = current.attributes().get(name);
            if (attribute != null) return attribute;
            String index = k + 1 < path.size() && isIndex(path.get(k + 1)) ? path.get(k + 1) : null;
            int written = current.count(name);
            HclBlock dynamic = current.dynamicContent(name);
            HclBlock next;
            if (written == 0) {
                next = dynamic;
            } else if (index == null) {
                // the blocks of that name as a whole: where the first is written
                next = current.nested(name, 0);
            } else if (written == 1 && dynamic == null) {
                next = current.nested(name, 0);
            } else if (t.ordered() && dynamic == null) {
                next = current.nested(name, Integer.parseInt(index));
            } else {
                next = at == null || index == null ? null
                        : repeated.block(at + "/" + Addresses.token(name) + "/" + index);
            }
            if (next == null) break;
            if (at != null) {
                at.append('/').append(Addresses.token(name));
                if (index != null) at.append('/').append(index);
            }
            current = next;
        }
        return current.place();
    }

    private static boolean isIndex(String token) {
        if (token.isEmpty() || token.length() > 9) return false;
        for (int k = 0; k < token.length(); k++) if (token.charAt(k) < '0' || token.charAt(k) > '9') return false;
        return true;
    }
}
