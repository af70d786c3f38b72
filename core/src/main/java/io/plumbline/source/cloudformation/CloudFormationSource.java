package io.plumbline.source.cloudformation;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Secrets;
import io.plumbline.model.Value;
import io.plumbline.source.Format;
import io.plumbline.source.InputException;
import io.plumbline.source.SourceOptions;
import io.plumbline.source.cloudformation.Ev.Loc;
import io.plumbline.source.cloudformation.Ev.NoValue;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.Unk;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation template (JSON or YAML) into the model, following {@code docs/sources.md}.
 *
 * <h2>Steps</h2>
 * YAML short forms become long forms ({@link ShortForms}); intrinsic functions are evaluated ({@link Evaluator});
 * resources are mapped to typed model resources, configuring resources are folded into their targets, and everything
 * else is kept as a {@link io.plumbline.model.GenericResource} ({@link ResourceMapper}).
 *
 * <h2>Availability zones chosen by index</h2>
 * {@code !Select [i, !GetAZs '']} cannot be turned into an AZ name (the names and their number are per account and
 * region), yet distinct indexes must stay comparable. Such a value becomes
 * {@code Value.unknown("AZ index <i> of the region's AZs (Fn::Select <i> of Fn::GetAZs, region <r>|region not
 * declared)")}: UNKNOWN, so that no rule takes it for a literal AZ, with a reason that starts with the fixed text
 * {@code "AZ index <i> of the region's AZs"} ({@link #AZ_INDEX_REASON_PREFIX}), from which a rule may read the index
 * (regex {@code ^AZ index (\d+) of the region's AZs}) and conclude that distinct indexes are distinct AZs when the
 * run declares the region and the region has more AZs than the largest index. A list of such AZs (e.g.
 * {@code PreferredCacheClusterAZs}) is unknown with the reason
 * {@code "availability zones chosen by index: AZ indexes [0, 1] of the region's AZs (...)"}; the whole
 * {@code !GetAZs} list is unknown ("all availability zones of the region").
 *
 * <h2>Transforms</h2>
 * A {@code Transform} is reported as a diagnostic and the template is read as written, with these choices:
 * {@code AWS::LanguageExtensions} is evaluated here ({@code Fn::Length}, {@code Fn::ToJsonString},
 * {@code Fn::FindInMap} defaults, intrinsics in {@code DeletionPolicy}), except {@code Fn::ForEach} loops: such
 * entries of {@code Resources} are excluded (counted, with a warning), and a loop inside a value makes that value
 * unknown. {@code AWS::Serverless-2016-10-31} (SAM) only rewrites {@code AWS::Serverless::*} resources, which are kept
 * generic; the resources SAM would add are not in the model (warning). Any other macro may rewrite anything: parameter
 * values become unknown unless given with {@code --param} (a macro typically resolves them), resources are read as
 * written, and the warning says so. {@code Fn::Transform} (e.g. {@code AWS::Include}) makes the value it stands in
 * unknown. With any transform, names the template does not declare are unknown instead of errors.
 *
 * <h2>Other choices</h2>
 * Resources whose {@code Condition} is false are excluded; those whose condition is unknown are modelled with an INFO
 * diagnostic; a folded resource whose existence is unknown makes its target's list incomplete (security group rules,
 * routes, NACL entries: {@code *Complete} unknown; associations: an unknown item) rather than adding a rule that may
 * not exist. Nested stacks are generic resources with a diagnostic. Tag values that cannot be known (e.g. built from
 * {@code AWS::StackName}) are left out of the tag map. Prefix-list peers of security group rules are in
 * {@code peerGroup} (a reference, literal {@code pl-...} id or template logical id). Policy documents are JSON text in
 * which pseudo parameters and resource attributes stay as {@code ${...}} placeholders; a document with any other
 * unknown part is unknown.
 */
public final class CloudFormationSource {

    /** The fixed start of the reason of an AZ chosen by index (see the class comment). */
    public static final String AZ_INDEX_REASON_PREFIX = "AZ index ";

    private static final String SAM = "AWS::Serverless-2016-10-31";
    private static final String LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";

    private CloudFormationSource() {
    }

    public static Model read(MapNode root, String file, String sha256, SourceOptions options) {
        return new Reading(root, file, sha256, options == null ? SourceOptions.DEFAULT : options).read();
    }

    private static final class Reading {
        private final MapNode raw;
        private final String file;
        private final String sha256;
        private final SourceOptions options;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Conv conv;
        /** The sensitive strings read so far: NoEcho parameter values and everything computed from them. */
        private final Secrets.Builder secrets = new Secrets.Builder();

        Reading(MapNode root, String file, String sha256, SourceOptions options) {
            this.raw = root;
            this.file = file;
            this.sha256 = sha256;
            this.options = options;
            this.conv = new Conv(file);
        }

        /** The model; an input error never repeats a secret (a NoEcho value that is no boolean, a mapping key...). */
        Model read() {
            try {
                return readModel();
            } catch (InputException e) {
                Secrets known = secrets.build();
                String problem = known.redactAll(e.problem());
                if (problem.equals(e.problem())) throw e;
                throw new InputException(e.file(), e.line(), e.column(), problem);
            }
        }

        private Model readModel() {
            ShortForms shortForms = new ShortForms();
            Node resourcesNode = raw.get("Resources");
            if (resourcesNode == null) throw error(raw, "the template has no Resources section");
            if (!(resourcesNode instanceof MapNode rawResources)) {
                throw error(resourcesNode, "Resources must be a mapping of logical ids to resources");
            }
            MapNode parameters = section(shortForms, "Parameters");
            MapNode mappings = section(shortForms, "Mappings");
            MapNode conditions = section(shortForms, "Conditions");
            registerNoEchoValues(parameters);

            List<String> transforms = transforms(raw.get("Transform"));
            String macro = null;
            for (String t : transforms) {
                if (!t.equals(SAM) && !t.equals(LANGUAGE_EXTENSIONS) && macro == null) macro = t;
            }
            for (String t : transforms) diagnostics.add(transformDiagnostic(t));

            int declared = rawResources.size();
            int excluded = 0;
            Map<String, String> types = new LinkedHashMap<>();
            Map<String, MapNode> nodes = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : rawResources.entries().entrySet()) {
                String id = e.getKey();
                if (id.startsWith("Fn::ForEach::")) {
                    excluded++;
                    diagnostics.add(Diagnostic.warning("Resources entry " + id + " is an Fn::ForEach loop expanded by "
                            + LANGUAGE_EXTENSIONS + " at deploy time: the resources it creates are not modelled",
                            place(e.getValue(), "/Resources/" + Evaluator.escape(id))));
                    continue;
                }
                Node n = shortForms.normalise(e.getValue());
                if (!(n instanceof MapNode m)) throw error(e.getValue(), "resource " + id + " must be a mapping");
                Node type = m.get("Type");
                if (type == null) throw error(m, "resource " + id + " has no Type");
                if (!(type instanceof ScalarNode ts) || !(ts.value() instanceof String typeName) || typeName.isBlank()) {
                    throw error(type, "the Type of resource " + id + " must be a string");
                }
                types.put(id, typeName);
                nodes.put(id, m);
            }

            Evaluator ev = new Evaluator(file, options, parameters, mappings, conditions, types, nodes, macro,
                    !transforms.isEmpty());
            for (String name : ev.noEchoParameters()) Ev.collectSecrets(ev.parameterValue(name), null, secrets);

            Map<String, String> uncertain = new HashMap<>();
            for (Map.Entry<String, MapNode> e : nodes.entrySet()) {
                Node cond = e.getValue().get("Condition");
                if (cond == null) continue;
                String ptr = "/Resources/" + Evaluator.escape(e.getKey()) + "/Condition";
                if (!(cond instanceof ScalarNode cs) || !(cs.value() instanceof String name)) {
                    throw error(cond, "the Condition of resource " + e.getKey() + " must be a condition name");
                }
                Evaluator.Cond c = ev.condition(name, new Loc(cond.line(), cond.column(), ptr));
                if (c.known() && !c.value()) {
                    ev.notCreated(e.getKey(), "its condition " + name + " is false");
                } else if (!c.known()) {
                    String prefix = "condition " + name + " is unknown: ";
                    String why = c.reason().startsWith(prefix) ? c.reason().substring(prefix.length()) : c.reason();
                    uncertain.put(e.getKey(), "condition " + name + " holds, which is unknown: " + why);
                }
            }

            Value<String> region = options.region() != null
                    ? Value.explicit(options.region(), Provenance.NONE)
                    : Value.unknown("the region is chosen at deploy time: pass --region", Provenance.NONE);

            List<Res> toMap = new ArrayList<>();
            for (Map.Entry<String, MapNode> e : nodes.entrySet()) {
                String id = e.getKey();
                MapNode m = e.getValue();
                String base = "/Resources/" + Evaluator.escape(id);
                if (ev.isNotCreated(id)) {
                    excluded++;
                    continue;
                }
                Node propsNode = m.get("Properties");
                Ev props = null;
                if (propsNode != null && !propsNode.isNull()) {
                    props = ev.evalValue(propsNode, base + "/Properties");
                    if (props instanceof NoValue) props = null;
                    else if (!(props instanceof Obj) && !(props instanceof Unk)) {
                        throw error(propsNode, "the Properties of resource " + id + " must be a mapping");
                    }
                }
                Ev deletion = attribute(ev, m, "DeletionPolicy", base);
                Ev replace = attribute(ev, m, "UpdateReplacePolicy", base);
                // Strings computed from NoEcho values (a !Sub name, a tag, a description) are secrets of this resource.
                Ev.collectSecrets(props, id, secrets);
                Ev.collectSecrets(deletion, id, secrets);
                Ev.collectSecrets(replace, id, secrets);
                Provenance loc = Provenance.inFile(file, m.line(), m.column(), base);
                String why = uncertain.get(id);
                if (why != null) {
                    diagnostics.add(Diagnostic.info("resource " + id + " exists only if " + why, loc));
                }
                toMap.add(new Res(id, types.get(id), m, loc, props, deletion, replace, why));
            }

            for (Node tagged : shortForms.unknownTags()) {
                diagnostics.add(Diagnostic.warning("YAML tag " + tagged.tag() + " is no CloudFormation intrinsic "
                        + "function (a packaging tool such as rain replaces it before deployment): its value is unknown",
                        place(tagged, null)));
            }
            ResourceMapper mapper = new ResourceMapper(conv, region, types, diagnostics);
            Map<String, Resource> slots = new LinkedHashMap<>();
            for (Res r : toMap) {
                if (mapper.folds(r.type())) {
                    slots.put(r.id(), null);
                    continue;
                }
                slots.put(r.id(), mapper.primary(r));
                if (r.type().equals("AWS::CloudFormation::Stack") || r.type().equals("AWS::Serverless::Application")) {
                    diagnostics.add(Diagnostic.info("resource " + r.id() + " is a nested stack (" + r.type()
                            + "): its template is a separate input, read it as another file", r.loc()));
                }
            }
            int folded = 0;
            for (Res r : toMap) {
                if (!mapper.folds(r.type())) continue;
                Resource generic = mapper.fold(r);
                if (generic == null) folded++;
                else slots.put(r.id(), generic);
                Resource placeholder = mapper.placeholderMadeBy(r.id());
                if (placeholder != null) slots.put(r.id(), placeholder);
            }
            mapper.finish();
            List<Resource> resources = new ArrayList<>();
            for (Resource r : slots.values()) if (r != null) resources.add(r);
            attachDeclaredWaivers(nodes, resources);

            InputFile input = new InputFile(file, Format.CLOUDFORMATION.id(), sha256, declared,
                    resources.size() - mapper.placeholderCount(), folded, excluded);
            return new Model(resources, List.of(input), diagnostics, List.of(), secrets.build());
        }

        /**
         * Each resource's {@code Metadata} waivers, on the model resource that findings name: its own, or the one it
         * was folded into (a security group ingress's waiver concerns its group's findings).
         */
        private void attachDeclaredWaivers(Map<String, MapNode> nodes, List<Resource> resources) {
            Map<String, List<io.plumbline.model.DeclaredWaiver>> declared = new HashMap<>();
            for (Map.Entry<String, MapNode> e : nodes.entrySet()) {
                var ws = MetadataWaivers.read(file, e.getKey(), e.getValue());
                if (!ws.isEmpty()) declared.put(e.getKey(), ws);
            }
            if (declared.isEmpty()) return;
            for (Resource r : resources) {
                for (var w : declared.getOrDefault(r.address(), List.of())) r.addWaiver(w);
                for (String f : r.folded()) {
                    for (var w : declared.getOrDefault(f, List.of())) {
                        r.addWaiver(new io.plumbline.model.DeclaredWaiver(w.rule(), r.address(), w.reason(),
                                w.expires(), w.location()));
                    }
                }
            }
        }

        /**
         * The raw values of NoEcho parameters (the {@code --param} override and the Default, whole and as list
         * items), registered before anything is evaluated so that even an early input error cannot repeat them.
         */
        private void registerNoEchoValues(MapNode parameters) {
            if (parameters == null) return;
            for (Map.Entry<String, Node> e : parameters.entries().entrySet()) {
                if (!(e.getValue() instanceof MapNode decl)) continue;
                Node noEcho = decl.get("NoEcho");
                if (!(noEcho instanceof ScalarNode ne) || ne.value() == null || !"true".equalsIgnoreCase(ne.text())) continue;
                String override = options.parameters().get(e.getKey());
                if (override != null) registerWithItems(override);
                Node def = decl.get("Default");
                if (def instanceof ScalarNode ds && ds.value() != null) registerWithItems(ds.text());
                if (def instanceof ListNode dl) {
                    for (Node i : dl.items()) if (i instanceof ScalarNode is && is.value() != null) registerWithItems(is.text());
                }
            }
        }

        private void registerWithItems(String value) {
            secrets.add(value, null);
            for (String part : value.split(",")) secrets.add(part.trim(), null);
        }

        private Ev attribute(Evaluator ev, MapNode m, String name, String base) {
            Node n = m.get(name);
            if (n == null || n.isNull()) return null;
            Ev v = ev.evalValue(n, base + "/" + name);
            return v instanceof NoValue ? null : v;
        }

        private MapNode section(ShortForms shortForms, String name) {
            Node n = raw.get(name);
            if (n == null || n.isNull()) return null;
            if (!(n instanceof MapNode)) throw error(n, name + " must be a mapping");
            return (MapNode) shortForms.normalise(n);
        }

        private List<String> transforms(Node n) {
            List<String> out = new ArrayList<>();
            if (n == null || n.isNull()) return out;
            List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
            for (Node i : items) {
                if (i instanceof ScalarNode s && s.value() != null) out.add(s.text());
                else if (i instanceof MapNode m && m.text("Name") != null) out.add(m.text("Name"));
                else throw error(i, "Transform must name a transform or macro");
            }
            return out;
        }

        private Diagnostic transformDiagnostic(String t) {
            Provenance at = place(raw.get("Transform"), "/Transform");
            if (t.equals(LANGUAGE_EXTENSIONS)) {
                return Diagnostic.warning("Transform " + t + ": its functions are evaluated here, except Fn::ForEach "
                        + "loops, whose resources are not modelled and whose values are unknown", at);
            }
            if (t.equals(SAM)) {
                return Diagnostic.warning("Transform " + t + " (SAM) is not expanded: AWS::Serverless::* resources are "
                        + "kept as generic resources and the resources SAM would create are not in the model", at);
            }
            return Diagnostic.warning("Transform " + t + " is a macro that may rewrite any part of the template: "
                    + "parameter values are treated as unknown unless given with --param, and resources are read as "
                    + "written", at);
        }

        private Provenance place(Node n, String pointer) {
            return n == null ? Provenance.inFile(file, 0, 0, pointer)
                    : Provenance.inFile(file, n.line(), n.column(), pointer);
        }

        private InputException error(Node n, String problem) {
            return new InputException(file, n.line(), n.column(), problem);
        }
    }
}
