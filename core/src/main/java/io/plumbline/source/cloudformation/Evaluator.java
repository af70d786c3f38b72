package io.plumbline.source.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Secrets;
import io.plumbline.source.InputException;
import io.plumbline.source.SourceOptions;
import io.plumbline.source.cloudformation.Ev.Arr;
import io.plumbline.source.cloudformation.Ev.Az;
import io.plumbline.source.cloudformation.Ev.Azs;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Loc;
import io.plumbline.source.cloudformation.Ev.NoValue;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.ResRef;
import io.plumbline.source.cloudformation.Ev.Unk;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions over a long-form template (see {@link ShortForms}).
 *
 * <p>What is resolved: {@code Ref} of parameters (override from {@link SourceOptions#parameters()}, else
 * {@code Default}; {@code NoEcho} marks the value sensitive; {@code AWS::SSM::Parameter::Value<...>} parameters are
 * unknown, their value living in SSM), of pseudo parameters ({@code AWS::Region} from {@link SourceOptions#region()},
 * {@code AWS::Partition} and {@code AWS::URLSuffix} derived from it, {@code AWS::NoValue}; account and stack name from
 * a parameter override of that name, else unknown; stack id unknown) and of resources ({@link ResRef}); {@code Fn::GetAtt} (a {@link ResRef} for identity attributes such as
 * {@code Arn}, {@code Id}, {@code GroupId}; the property for attributes that only echo one, such as a VPC's
 * {@code CidrBlock} or a subnet's {@code AvailabilityZone}; unknown otherwise); {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap} (with {@code DefaultValue}; an unknown key still
 * resolves when every candidate entry agrees), {@code Fn::If} and the condition functions (three-valued: a condition
 * that depends on an unknown is unknown, and {@code Fn::If} on it is unknown unless both branches agree),
 * {@code Fn::Base64}, {@code Fn::Length}, {@code Fn::ToJsonString}. Unknown: {@code Fn::ImportValue},
 * {@code Fn::Cidr}, {@code Fn::Transform}, {@code Fn::ForEach} loops, dynamic references ({@code {{resolve:...}}},
 * sensitive for {@code secretsmanager} and {@code ssm-secure}).
 *
 * <p>{@code Fn::GetAZs} yields {@link Azs}, and {@code Fn::Select [i, Fn::GetAZs ...]} yields {@link Az} (index and
 * region), so that the mapping can tell distinct indexes apart without inventing AZ names.
 */
final class Evaluator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RULE_FUNCTIONS = Set.of("Fn::Contains", "Fn::EachMemberEquals",
            "Fn::EachMemberIn", "Fn::RefAll", "Fn::ValueOf", "Fn::ValueOfAll");

    /** Attributes that name the resource itself, beyond Arn, Id and {@code <Type>Id|Arn|Name}. */
    private static final Map<String, Set<String>> IDENTITY_ATTRIBUTES = Map.of(
            "AWS::EC2::SecurityGroup", Set.of("GroupId"),
            "AWS::EC2::EIP", Set.of("AllocationId", "PublicIp"),
            "AWS::RDS::DBCluster", Set.of("DBClusterResourceId"),
            "AWS::RDS::DBInstance", Set.of("DbiResourceId"),
            "AWS::ECR::Repository", Set.of("RepositoryUri"),
            "AWS::ElasticLoadBalancingV2::LoadBalancer", Set.of("LoadBalancerFullName"),
            "AWS::ElasticLoadBalancingV2::TargetGroup", Set.of("TargetGroupFullName"),
            "AWS::KMS::Key", Set.of("KeyId"),
            "AWS::S3::Bucket", Set.of("DomainName", "RegionalDomainName", "DualStackDomainName"));

    /** Attributes that return a property as written: type → attribute → property. */
    private static final Map<String, Map<String, String>> ECHO_ATTRIBUTES = Map.of(
            "AWS::EC2::VPC", Map.of("CidrBlock", "CidrBlock"),
            "AWS::EC2::Subnet", Map.of("AvailabilityZone", "AvailabilityZone", "VpcId", "VpcId",
                    "CidrBlock", "CidrBlock", "AvailabilityZoneId", "AvailabilityZoneId"),
            "AWS::EC2::SecurityGroup", Map.of("VpcId", "VpcId"));

    /** A condition's value; {@code sensitive} when it was computed from a sensitive value (a NoEcho parameter). */
    record Cond(Boolean value, String reason, boolean sensitive) {
        static final Cond TRUE = new Cond(Boolean.TRUE, null, false);
        static final Cond FALSE = new Cond(Boolean.FALSE, null, false);

        static Cond unknown(String reason) {
            return new Cond(null, reason, false);
        }

        boolean known() {
            return value != null;
        }

        Cond sensitive(boolean s) {
            return s && !sensitive ? new Cond(value, reason, true) : this;
        }
    }

    private final String file;
    private final SourceOptions options;
    private final Map<String, Node> parameters;
    private final MapNode mappings;
    private final MapNode conditions;
    private final Map<String, String> resourceTypes;
    private final Map<String, MapNode> resourceNodes;
    private final Map<String, String> notCreated = new HashMap<>();
    /** A template macro that may rewrite parameter values (null when none). */
    private final String parameterMacro;
    /** With a transform, names the template does not declare may be created by it: unknown instead of an error. */
    private final boolean lenientNames;

    private final Map<String, Ev> parameterValues = new HashMap<>();
    private final Map<String, Cond> conditionValues = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();
    private final Set<String> echoInProgress = new HashSet<>();
    /** Values of echo attributes evaluated, by "LogicalId.Attribute". */
    private final Map<String, Ev> echoValues = new HashMap<>();
    private int echoCycleCuts;
    /** Bounds the size of values and the work: see {@link Budget}. */
    private final Budget budget;

    Evaluator(String file, SourceOptions options, MapNode parameters, MapNode mappings, MapNode conditions,
              Map<String, String> resourceTypes, Map<String, MapNode> resourceNodes, String parameterMacro,
              boolean lenientNames) {
        this.file = file;
        this.options = options;
        this.parameters = parameters == null ? Map.of() : parameters.entries();
        this.mappings = mappings;
        this.conditions = conditions;
        this.resourceTypes = resourceTypes;
        this.resourceNodes = resourceNodes;
        this.parameterMacro = parameterMacro;
        this.lenientNames = lenientNames;
        this.budget = new Budget(file);
    }

    /** Declares that a resource is not created (its condition is false): references to it are unknown. */
    void notCreated(String logicalId, String why) {
        notCreated.put(logicalId, why);
    }

    boolean isNotCreated(String logicalId) {
        return notCreated.containsKey(logicalId);
    }

    // ------------------------------------------------------------------ values

    /**
     * Evaluates a resource's properties or attribute within a budget of its own ({@link Budget}): a value too large to
     * evaluate is unknown, saying so.
     */
    Ev evalValue(Node n, String ptr) {
        return budget.value(() -> eval(n, ptr), why -> Unk.of(why, new Loc(n.line(), n.column(), ptr)));
    }

    Ev eval(Node n, String ptr) {
        budget.step();
        Loc loc = new Loc(n.line(), n.column(), ptr);
        if (n.tag() != null) {
            return Unk.of("the value is tagged " + n.tag() + ", which is no CloudFormation function "
                    + "(a packaging tool replaces it before deployment)", loc);
        }
        if (n instanceof ScalarNode s) {
            return s.value() instanceof String str ? stringLit(str, loc, false) : new Lit(s.value(), loc);
        }
        if (n instanceof ListNode l) {
            List<Ev> items = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                Ev e = eval(l.get(i), ptr + "/" + i);
                if (!(e instanceof NoValue)) items.add(e);
            }
            return new Arr(items, loc);
        }
        MapNode m = (MapNode) n;
        if (m.size() == 1) {
            Map.Entry<String, Node> only = m.entries().entrySet().iterator().next();
            String key = only.getKey();
            if ("Ref".equals(key) || key.startsWith("Fn::") && !key.startsWith("Fn::ForEach::")) {
                return intrinsic(key, only.getValue(), ptr + "/" + escape(key), loc);
            }
        }
        for (String key : m.entries().keySet()) {
            if (key.startsWith("Fn::ForEach::")) {
                return Unk.of("the Fn::ForEach loop " + key.substring("Fn::ForEach::".length())
                        + " is expanded by AWS::LanguageExtensions at deploy time", loc);
            }
            if ("Fn::Transform".equals(key)) {
                return Unk.of("rewritten at deploy time by the macro of Fn::Transform" + macroName(m.get(key)), loc);
            }
        }
        Map<String, Ev> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            Ev v = eval(e.getValue(), ptr + "/" + escape(e.getKey()));
            if (v instanceof NoValue || v instanceof Lit lit && lit.value() == null) continue;
            entries.put(e.getKey(), v);
        }
        return new Obj(entries, loc);
    }

    private Ev intrinsic(String fn, Node arg, String argPtr, Loc loc) {
        return switch (fn) {
            case "Ref" -> ref(arg, argPtr, loc);
            case "Fn::GetAtt" -> getAtt(arg, argPtr, loc);
            case "Fn::Sub" -> sub(arg, argPtr, loc);
            case "Fn::Join" -> join(arg, argPtr, loc);
            case "Fn::Select" -> select(arg, argPtr, loc);
            case "Fn::Split" -> split(arg, argPtr, loc);
            case "Fn::FindInMap" -> findInMap(arg, argPtr, loc);
            case "Fn::If" -> ifThen(arg, argPtr, loc);
            case "Fn::GetAZs" -> getAzs(arg, argPtr, loc);
            case "Fn::ImportValue" -> importValue(arg, argPtr, loc);
            case "Fn::Base64" -> base64(arg, argPtr, loc);
            case "Fn::Cidr" -> Unk.of("Fn::Cidr is not computed", loc);
            case "Fn::Transform" -> Unk.of("rewritten at deploy time by the macro of Fn::Transform" + macroName(arg), loc);
            case "Fn::Length" -> length(arg, argPtr, loc);
            case "Fn::ToJsonString" -> toJsonString(arg, argPtr, loc);
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" -> {
                Map<String, Node> single = new LinkedHashMap<>();
                single.put(fn, arg);
                Cond c = condOf(new MapNode(single, loc.line(), loc.column(), null), loc.pointer());
                yield c.known() ? new Lit(c.value(), loc, c.sensitive()) : Unk.of(c.reason(), loc).sensitive(c.sensitive());
            }
            default -> {
                if (RULE_FUNCTIONS.contains(fn)) throw error(loc, fn + " is only valid in the Rules section");
                throw error(loc, "unknown intrinsic function " + fn);
            }
        };
    }

    // ------------------------------------------------------------------ Ref and names

    private Ev ref(Node arg, String argPtr, Loc loc) {
        Ev name = eval(arg, argPtr);
        if (!(name instanceof Lit l) || l.value() == null) {
            return Unk.of("Ref to a name that is not known: " + reasonOf(name), loc);
        }
        return named(l.text(), "Ref", loc);
    }

    /** The value of a name in Ref or Fn::Sub: pseudo parameter, parameter, or resource. */
    Ev named(String name, String usedBy, Loc loc) {
        if (name.startsWith("AWS::")) {
            Ev p = pseudo(name, loc);
            if (p != null) return p;
        }
        if (parameters.containsKey(name)) return relocate(parameter(name), loc);
        if (resourceTypes.containsKey(name)) {
            String why = notCreated.get(name);
            if (why != null) return Unk.of("resource " + name + " is not created: " + why, loc);
            return new ResRef(name, null, loc);
        }
        return unresolved(usedBy, name, loc);
    }

    private Ev unresolved(String usedBy, String name, Loc loc) {
        if (lenientNames) {
            return Unk.of(usedBy + " to " + name + ", which this template does not declare (its transform may create it)", loc);
        }
        throw error(loc, usedBy + " to " + name + ", which is neither a parameter nor a resource of this template");
    }

    private Ev pseudo(String name, Loc loc) {
        String region = options.region();
        return switch (name) {
            case "AWS::Region" -> region != null ? new Lit(region, loc)
                    : pseudoUnknown(name, "the deployment region (AWS::Region) is not declared: pass --region", loc);
            case "AWS::Partition" -> region != null ? new Lit(partition(region), loc)
                    : pseudoUnknown(name, "AWS::Partition depends on the deployment region, which is not declared", loc);
            case "AWS::URLSuffix" -> region != null
                    ? new Lit(region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com", loc)
                    : pseudoUnknown(name, "AWS::URLSuffix depends on the deployment region, which is not declared", loc);
            case "AWS::AccountId" -> given(name, loc) != null ? given(name, loc)
                    : pseudoUnknown(name, "the account id (AWS::AccountId) is known only at deploy time", loc);
            case "AWS::StackName" -> given(name, loc) != null ? given(name, loc)
                    : pseudoUnknown(name, "the stack name (AWS::StackName) is known only at deploy time", loc);
            case "AWS::StackId" -> pseudoUnknown(name, "the stack id (AWS::StackId) is known only at deploy time", loc);
            case "AWS::NotificationARNs" -> new Unk("the stack's notification ARNs are given at deploy time", loc,
                    false, null, name, null);
            case "AWS::NoValue" -> new NoValue(loc);
            default -> null;
        };
    }

    /**
     * The stack name or account id the user gave ({@code --param AWS::StackName=web}): bucket names and ARNs built
     * from them decide which bucket a replication or log link names (docs/inference.md).
     */
    private Lit given(String name, Loc loc) {
        String v = options.parameters().get(name);
        return v == null || v.isBlank() ? null : new Lit(v, loc);
    }

    private static Unk pseudoUnknown(String name, String reason, Loc loc) {
        return new Unk(reason, loc, false, "${" + name + "}", name, null);
    }

    /** The same value at another location; the copy is charged to the budget. */
    private Ev relocate(Ev v, Loc loc) {
        if (v != null) budget.chargeCopy(v);
        return Ev.relocate(v, loc);
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) return "aws-cn";
        if (region.startsWith("us-gov-")) return "aws-us-gov";
        if (region.startsWith("us-iso-")) return "aws-iso";
        if (region.startsWith("us-isob-")) return "aws-iso-b";
        return "aws";
    }

    private Ev parameter(String name) {
        Ev cached = parameterValues.get(name);
        if (cached != null) return cached;
        Node declNode = parameters.get(name);
        MapNode decl = declNode instanceof MapNode m ? m : new MapNode(declNode.line(), declNode.column());
        Loc declLoc = new Loc(declNode.line(), declNode.column(), "/Parameters/" + escape(name));
        String type = decl.text("Type");
        boolean list = type != null && (type.equals("CommaDelimitedList") || type.startsWith("List<"));
        String override = options.parameters().get(name);
        Ev value;
        if (type != null && type.startsWith("AWS::SSM::Parameter::Value<")) {
            String source = override != null ? override : decl.text("Default");
            boolean noEcho = truthy(decl.get("NoEcho"));
            value = new Unk("parameter " + name + " is read from the SSM parameter "
                    + (source == null ? "given at deploy time" : "'" + (noEcho ? Secrets.MASK : source) + "'") + " at deploy time",
                    declLoc, false, null, "param:" + name, null);
        } else if (override != null) {
            value = parameterValue(override, list, declLoc);
        } else if (parameterMacro != null) {
            value = new Unk("parameter " + name + " may be rewritten by the template macro " + parameterMacro,
                    declLoc, false, null, "param:" + name, null);
        } else if (decl.has("Default") && !decl.get("Default").isNull()) {
            Node d = decl.get("Default");
            if (d instanceof ScalarNode s) {
                value = parameterValue(s.text(), list, new Loc(d.line(), d.column(), declLoc.pointer() + "/Default"));
            } else if (d instanceof ListNode l && list) {
                List<Ev> items = new ArrayList<>();
                for (Node i : l.items()) {
                    if (!(i instanceof ScalarNode s)) throw error(d, "the Default of parameter " + name + " must be a string");
                    items.add(new Lit(s.text(), new Loc(i.line(), i.column(), null)));
                }
                value = new Arr(items, declLoc);
            } else {
                throw error(d, "the Default of parameter " + name + " must be a string");
            }
        } else {
            value = new Unk("parameter " + name + " has no value (no Default; pass --param " + name + "=...)",
                    declLoc, false, null, "param:" + name, null);
        }
        if (truthy(decl.get("NoEcho"))) value = Ev.sensitive(value);
        parameterValues.put(name, value);
        return value;
    }

    /** The names of the NoEcho parameters: their values, and all derived from them, are sensitive. */
    List<String> noEchoParameters() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Node> e : parameters.entrySet()) {
            if (e.getValue() instanceof MapNode m && truthy(m.get("NoEcho"))) out.add(e.getKey());
        }
        return out;
    }

    /** The evaluated value of a parameter (sensitive when NoEcho). */
    Ev parameterValue(String name) {
        return parameter(name);
    }

    private static Ev parameterValue(String text, boolean list, Loc loc) {
        if (!list) return new Lit(text, loc);
        List<Ev> items = new ArrayList<>();
        if (!text.isEmpty()) for (String part : text.split(",", -1)) items.add(new Lit(part.trim(), loc));
        return new Arr(items, loc);
    }

    private static boolean truthy(Node n) {
        return n instanceof ScalarNode s && s.value() != null && "true".equalsIgnoreCase(s.text());
    }

    // ------------------------------------------------------------------ GetAtt

    private Ev getAtt(Node arg, String argPtr, Loc loc) {
        Ev resource;
        Ev attribute;
        if (arg instanceof ListNode l && l.size() == 2) {
            resource = eval(l.get(0), argPtr + "/0");
            attribute = eval(l.get(1), argPtr + "/1");
        } else if (arg instanceof ScalarNode s && s.value() instanceof String text && text.indexOf('.') > 0) {
            int dot = text.indexOf('.');
            resource = new Lit(text.substring(0, dot), loc);
            attribute = new Lit(text.substring(dot + 1), loc);
        } else {
            throw error(arg, "Fn::GetAtt expects [LogicalId, Attribute] or 'LogicalId.Attribute'");
        }
        if (!(resource instanceof Lit r) || r.value() == null) {
            return Unk.of("Fn::GetAtt of a resource whose name is not known: " + reasonOf(resource), loc);
        }
        if (!(attribute instanceof Lit a) || a.value() == null) {
            return Unk.of("Fn::GetAtt of an attribute whose name is not known: " + reasonOf(attribute), loc);
        }
        return getAtt(r.text(), a.text(), loc);
    }

    Ev getAtt(String res, String attr, Loc loc) {
        String type = resourceTypes.get(res);
        if (type == null) return unresolved("Fn::GetAtt", res, loc);
        String why = notCreated.get(res);
        if (why != null) return Unk.of("resource " + res + " is not created: " + why, loc);
        String placeholder = "${" + res + "." + attr + "}";
        if (type.equals("AWS::CloudFormation::Stack") && attr.startsWith("Outputs.")) {
            return new Unk("output " + attr.substring(8) + " of the nested stack " + res + " (a separate template)",
                    loc, false, placeholder, "getatt:" + res + "." + attr, null);
        }
        if (isIdentityAttribute(type, attr)) return new ResRef(res, attr, loc);
        String property = ECHO_ATTRIBUTES.getOrDefault(type, Map.of()).get(attr);
        if (property != null) {
            MapNode props = resourceNodes.get(res).map("Properties");
            Node p = props == null ? null : props.get(property);
            String key = res + "." + attr;
            Ev known = echoValues.get(key);
            if (known != null) {
                if (!(known instanceof NoValue)) return relocate(known, loc);
            } else if (p != null && echoInProgress.add(key)) {
                int cutsBefore = echoCycleCuts;
                try {
                    Ev v = eval(p, "/Resources/" + escape(res) + "/Properties/" + escape(property));
                    // Remembered, so that attributes echoing each other cost once, not twice per level; unless a
                    // cycle was cut on the way (then the value depends on where the evaluation began).
                    if (echoCycleCuts == cutsBefore) echoValues.put(key, v);
                    if (!(v instanceof NoValue)) return relocate(v, loc);
                } finally {
                    echoInProgress.remove(key);
                }
            } else if (p != null) {
                echoCycleCuts++;
            }
        }
        return new Unk("attribute " + attr + " of " + res + " is known only after deploy", loc, false, placeholder,
                "getatt:" + res + "." + attr, null);
    }

    static boolean isIdentityAttribute(String type, String attr) {
        if (attr.equals("Arn") || attr.equals("ARN") || attr.equals("Id")) return true;
        String shortName = type.substring(type.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        String a = attr.toLowerCase(Locale.ROOT);
        if (a.equals(shortName + "id") || a.equals(shortName + "arn") || a.equals(shortName + "name")) return true;
        return IDENTITY_ATTRIBUTES.getOrDefault(type, Set.of()).contains(attr);
    }

    // ------------------------------------------------------------------ strings

    /** A string literal, or an unknown when it holds a dynamic reference ({@code {{resolve:...}}}). */
    static Ev stringLit(String s, Loc loc, boolean sensitive) {
        String service = dynamicReferenceService(s);
        if (service == null) return new Lit(s, loc, sensitive);
        boolean secret = isSecretService(service);
        return new Unk("dynamic reference {{resolve:" + service + ":...}} is resolved at deploy time", loc,
                sensitive || secret, null, "resolve:" + s, null);
    }

    static String dynamicReferenceService(String s) {
        int i = s.indexOf("{{resolve:");
        if (i < 0) return null;
        int start = i + "{{resolve:".length();
        int end = start;
        while (end < s.length() && s.charAt(end) != ':' && s.charAt(end) != '}') end++;
        return s.substring(start, end);
    }

    private static boolean isSecretService(String service) {
        return "secretsmanager".equals(service) || "ssm-secure".equals(service);
    }

    private Ev sub(Node arg, String argPtr, Loc loc) {
        String template;
        boolean secretTemplate = false;
        Map<String, Ev> vars = new HashMap<>();
        if (arg instanceof ScalarNode s && s.value() != null) {
            template = s.text();
        } else if (arg instanceof ListNode l && l.size() >= 1 && l.size() <= 2) {
            Ev t = eval(l.get(0), argPtr + "/0");
            if (t instanceof Unk u) return u.at(loc);
            if (!(t instanceof Lit tl) || tl.value() == null) throw error(l.get(0), "Fn::Sub expects a string template");
            template = tl.text();
            secretTemplate = tl.sensitive();
            if (l.size() == 2) {
                if (!(l.get(1) instanceof MapNode vm)) throw error(l.get(1), "Fn::Sub variables must be a mapping");
                for (Map.Entry<String, Node> e : vm.entries().entrySet()) {
                    vars.put(e.getKey(), eval(e.getValue(), argPtr + "/1/" + escape(e.getKey())));
                }
            }
        } else {
            throw error(arg, "Fn::Sub expects a string or [string, {variables}]");
        }
        List<Object> parts = new ArrayList<>(); // String literal or Ev
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            if (open < 0) {
                literal.append(template, i, template.length());
                break;
            }
            literal.append(template, i, open);
            if (open + 2 < template.length() && template.charAt(open + 2) == '!') {
                literal.append("${");
                i = open + 3;
                continue;
            }
            int close = template.indexOf('}', open + 2);
            if (close < 0) {
                literal.append(template, open, template.length());
                break;
            }
            String name = template.substring(open + 2, close).trim();
            if (literal.length() > 0) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(subVariable(name, vars, loc));
            i = close + 1;
        }
        if (literal.length() > 0) parts.add(literal.toString());
        Ev result = substitute(parts, loc);
        return secretTemplate ? Ev.sensitive(result) : result;
    }

    private Ev substitute(List<Object> parts, Loc loc) {
        if (parts.size() == 1 && parts.get(0) instanceof Ev only) {
            if (only instanceof Lit l) return stringLit(l.text() == null ? "" : l.text(), loc, l.sensitive());
            if (only instanceof Arr || only instanceof Obj || only instanceof Azs) {
                return Unk.of("Fn::Sub variable is " + Ev.describe(only) + ", not a string", loc);
            }
            return relocate(only, loc);
        }
        return concat(parts, loc, "Fn::Sub");
    }

    private Ev subVariable(String name, Map<String, Ev> vars, Loc loc) {
        if (vars.containsKey(name)) return vars.get(name);
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::") && resourceTypes.containsKey(name.substring(0, dot))) {
            return getAtt(name.substring(0, dot), name.substring(dot + 1), loc);
        }
        return named(name, "Fn::Sub ${" + name + "}", loc);
    }

    /** Concatenates literal strings and values into a string, or an unknown saying why it cannot be known. */
    private Ev concat(List<Object> parts, Loc loc, String fn) {
        StringBuilder text = new StringBuilder();
        StringBuilder placeholder = new StringBuilder();
        StringBuilder literals = new StringBuilder();
        StringBuilder key = new StringBuilder("concat:");
        boolean keyOk = true;
        boolean known = true;
        boolean placeholderOk = true;
        boolean sensitive = false;
        String reason = null;
        for (Object p : parts) {
            if (Budget.tooLong(text, placeholder, key)) return Budget.tooLarge(loc, sensitive);
            if (p instanceof String s) {
                text.append(s);
                placeholder.append(s);
                literals.append(s);
                key.append(s);
                continue;
            }
            Ev v = (Ev) p;
            sensitive |= v.sensitive();
            if (v instanceof Lit l) {
                String t = l.text() == null ? "" : l.text();
                text.append(t);
                placeholder.append(t);
                literals.append(t);
                key.append(t);
            } else {
                known = false;
                if (v instanceof ResRef r) {
                    key.append('\0').append(r.placeholder()).append('\0');
                    placeholder.append(r.placeholder());
                    if (reason == null) reason = "the id of resource " + r.logicalId() + " is known only after deploy";
                } else if (v instanceof Unk u) {
                    if (u.key() != null) key.append('\0').append(u.key()).append('\0');
                    else keyOk = false;
                    if (u.placeholder() != null) placeholder.append(u.placeholder());
                    else placeholderOk = false;
                    if (reason == null) reason = u.reason();
                } else if (v instanceof Az z) {
                    key.append("\0az:").append(z.index()).append(':').append(z.region()).append('\0');
                    placeholderOk = false;
                    if (reason == null) reason = azReason(z.index(), z.region());
                } else {
                    placeholderOk = false;
                    keyOk = false;
                    if (reason == null) reason = "a part is " + Ev.describe(v) + ", not a string";
                }
            }
        }
        if (Budget.tooLong(text, placeholder, key)) return Budget.tooLarge(loc, sensitive);
        budget.chargeText(text.length() + key.length());
        if (known) return stringLit(text.toString(), loc, sensitive);
        String service = dynamicReferenceService(literals.toString());
        if (service != null) {
            return new Unk("dynamic reference {{resolve:" + service + ":...}} is resolved at deploy time", loc,
                    sensitive || isSecretService(service), null, null, null);
        }
        return new Unk(fn + ": " + reason, loc, sensitive, placeholderOk ? placeholder.toString() : null,
                keyOk ? key.toString() : null, null);
    }

    static String azReason(int index, String region) {
        return "AZ index " + index + " of the region's AZs (Fn::Select " + index + " of Fn::GetAZs"
                + (region == null ? ", region not declared" : ", region " + region) + ")";
    }

    private Ev join(Node arg, String argPtr, Loc loc) {
        ListNode l = args(arg, "Fn::Join", 2, 2);
        Ev delimiter = eval(l.get(0), argPtr + "/0");
        if (!(delimiter instanceof Lit d) || d.value() == null) {
            return Unk.of("Fn::Join with a delimiter that is not known: " + reasonOf(delimiter), loc);
        }
        Ev list = eval(l.get(1), argPtr + "/1");
        List<Ev> items;
        if (list instanceof Arr a) {
            items = a.items();
        } else if (list instanceof Unk u) {
            return new Unk("Fn::Join of a list that is not known: " + u.reason(), loc, u.sensitive(), null, null, null);
        } else if (list instanceof Azs) {
            return Unk.of("Fn::Join of the region's availability zones, which are not known", loc);
        } else {
            items = List.of(list);
        }
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) parts.add(d.sensitive() ? d : d.text());
            parts.add(items.get(i));
        }
        Ev joined = concat(parts, loc, "Fn::Join");
        return d.sensitive() ? Ev.sensitive(joined) : joined;
    }

    private Ev split(Node arg, String argPtr, Loc loc) {
        ListNode l = args(arg, "Fn::Split", 2, 2);
        Ev delimiter = eval(l.get(0), argPtr + "/0");
        Ev source = eval(l.get(1), argPtr + "/1");
        if (!(delimiter instanceof Lit d) || d.value() == null) {
            return Unk.of("Fn::Split with a delimiter that is not known: " + reasonOf(delimiter), loc);
        }
        if (source instanceof Lit s && s.value() != null) {
            List<Ev> items = new ArrayList<>();
            for (String part : s.text().split(Pattern.quote(d.text()), -1)) {
                items.add(new Lit(part, loc, s.sensitive() || d.sensitive()));
            }
            budget.charge(items.size());
            budget.chargeText(s.text().length());
            return new Arr(items, loc);
        }
        return new Unk("Fn::Split of a string that is not known: " + reasonOf(source), loc, source.sensitive(),
                null, null, null);
    }

    private Ev select(Node arg, String argPtr, Loc loc) {
        ListNode l = args(arg, "Fn::Select", 2, 2);
        Ev index = eval(l.get(0), argPtr + "/0");
        Ev list = eval(l.get(1), argPtr + "/1");
        Integer i = index instanceof Lit li ? asInt(li.value()) : null;
        if (i == null) {
            if (index instanceof Lit) throw error(l.get(0), "Fn::Select index must be an integer");
            return Unk.of("Fn::Select with an index that is not known: " + reasonOf(index), loc);
        }
        if (list instanceof Azs z) return new Az(i, z.region(), loc);
        if (list instanceof Arr a) {
            boolean secretIndex = index.sensitive();
            if (i < 0 || i >= a.items().size()) {
                return Unk.of("Fn::Select index " + (secretIndex ? Ev.shown((Lit) index) : i) + " is out of range (the list has "
                        + a.items().size() + " items)", loc).sensitive(secretIndex);
            }
            // The item a secret index picks tells the index.
            return secretIndex ? Ev.sensitive(a.items().get(i)) : a.items().get(i);
        }
        if (list instanceof Unk u) {
            return new Unk("Fn::Select " + i + " of a list that is not known: " + u.reason(), loc, u.sensitive(),
                    null, null, null);
        }
        return Unk.of("Fn::Select from " + Ev.describe(list) + ", not a list", loc);
    }

    private Ev findInMap(Node arg, String argPtr, Loc loc) {
        ListNode l = args(arg, "Fn::FindInMap", 3, 4);
        Ev mapName = eval(l.get(0), argPtr + "/0");
        Ev top = eval(l.get(1), argPtr + "/1");
        Ev second = eval(l.get(2), argPtr + "/2");
        Node defaultNode = null;
        if (l.size() == 4) {
            if (!(l.get(3) instanceof MapNode dm) || !dm.has("DefaultValue")) {
                throw error(l.get(3), "the 4th argument of Fn::FindInMap must be {DefaultValue: ...}");
            }
            defaultNode = dm.get("DefaultValue");
        }
        Ev fallback = defaultNode == null ? null : eval(defaultNode, argPtr + "/3/DefaultValue");
        // The entry a secret key selects tells the key: the result of a lookup with a sensitive key is sensitive.
        boolean secretKey = mapName.sensitive() || top.sensitive() || second.sensitive();
        Ev result = lookUp(mapName, top, second, fallback, loc);
        return secretKey ? Ev.sensitive(result) : result;
    }

    private Ev lookUp(Ev mapName, Ev top, Ev second, Ev fallback, Loc loc) {
        if (!(mapName instanceof Lit mn) || mn.value() == null) {
            return Unk.of("Fn::FindInMap of a mapping whose name is not known: " + reasonOf(mapName), loc);
        }
        MapNode mapping = mappings == null ? null : mappings.map(mn.text());
        if (mapping == null) {
            if (fallback != null) return fallback;
            if (lenientNames) return Unk.of("Fn::FindInMap of mapping " + Ev.shown(mn) + ", which is not declared", loc);
            throw error(loc, "Fn::FindInMap of mapping " + Ev.shown(mn) + ", which is not declared in Mappings");
        }
        String base = "/Mappings/" + escape(mn.text());
        List<String> topKeys = top instanceof Lit t && t.value() != null ? List.of(t.text())
                : new ArrayList<>(mapping.entries().keySet());
        boolean secondKnown = second instanceof Lit s && s.value() != null;
        Ev found = null;
        boolean first = true;
        boolean agree = true;
        for (String k1 : topKeys) {
            MapNode level = mapping.map(k1);
            List<String> secondKeys = secondKnown ? List.of(((Lit) second).text())
                    : level == null ? List.of() : new ArrayList<>(level.entries().keySet());
            if (secondKeys.isEmpty()) secondKeys = List.of("");
            for (String k2 : secondKeys) {
                Node v = level == null ? null : level.get(k2);
                Ev candidate = v != null ? eval(v, base + "/" + escape(k1) + "/" + escape(k2)) : fallback;
                if (candidate == null) {
                    if (topKeys.size() == 1 && secondKnown) {
                        return Unk.of("Fn::FindInMap: mapping " + Ev.shown(mn) + " has no entry ["
                                + (top.sensitive() ? Secrets.MASK : k1) + "][" + Ev.shown((Lit) second) + "]", loc);
                    }
                    agree = false;
                    continue;
                }
                if (first) {
                    found = candidate;
                    first = false;
                } else if (!Ev.same(found, candidate)) {
                    agree = false;
                }
            }
        }
        if (found != null && agree) return relocate(found, loc);
        Ev unknownKey = !(top instanceof Lit t2 && t2.value() != null) ? top : second;
        return Unk.of("Fn::FindInMap in " + Ev.shown(mn) + " with a key that is not known: " + reasonOf(unknownKey), loc);
    }

    private Ev ifThen(Node arg, String argPtr, Loc loc) {
        ListNode l = args(arg, "Fn::If", 3, 3);
        if (!(l.get(0) instanceof ScalarNode cn) || !(cn.value() instanceof String name)) {
            throw error(l.get(0), "Fn::If expects a condition name");
        }
        Cond c = condition(name, new Loc(cn.line(), cn.column(), argPtr + "/0"));
        // The branch a condition on a secret chooses tells something of the secret: it is sensitive too.
        if (c.known()) {
            Ev chosen = c.value() ? eval(l.get(1), argPtr + "/1") : eval(l.get(2), argPtr + "/2");
            return c.sensitive() ? Ev.sensitive(chosen) : chosen;
        }
        Ev a = eval(l.get(1), argPtr + "/1");
        Ev b = eval(l.get(2), argPtr + "/2");
        if (Ev.same(a, b)) return c.sensitive() ? Ev.sensitive(a) : a;
        return new Unk("depends on condition " + name + ", which is unknown: " + c.reason(), loc,
                a.sensitive() || b.sensitive() || c.sensitive(), null, null, List.of(a, b));
    }

    private Ev getAzs(Node arg, String argPtr, Loc loc) {
        Ev region = eval(arg, argPtr);
        if (region instanceof Lit r && r.value() != null && !r.text().isEmpty()) return new Azs(r.text(), loc);
        return new Azs(options.region(), loc);
    }

    private Ev importValue(Node arg, String argPtr, Loc loc) {
        Ev name = eval(arg, argPtr);
        String n = name instanceof Lit l && l.value() != null ? l.text() : null;
        String shown = name instanceof Lit l && l.value() != null ? Ev.shown(l) : null;
        return new Unk("imported from another stack (Fn::ImportValue" + (shown == null ? "" : " " + shown) + ")", loc,
                name.sensitive(), null, n == null ? null : "import:" + n, null);
    }

    private Ev base64(Node arg, String argPtr, Loc loc) {
        Ev v = eval(arg, argPtr);
        if (v instanceof Lit l && l.value() != null) {
            if (l.text().length() > Budget.MAX_TEXT / 4 * 3) return Budget.tooLarge(loc, l.sensitive());
            budget.chargeText(l.text().length());
            return new Lit(Base64.getEncoder().encodeToString(l.text().getBytes(StandardCharsets.UTF_8)), loc,
                    l.sensitive());
        }
        return new Unk("Fn::Base64 of a value that is not known: " + reasonOf(v), loc, v.sensitive(), null, null, null);
    }

    private Ev length(Node arg, String argPtr, Loc loc) {
        Ev v = eval(arg, argPtr);
        if (v instanceof Arr a) return new Lit((long) a.items().size(), loc, Ev.anySensitive(a));
        return Unk.of("Fn::Length of a list that is not known: " + reasonOf(v), loc);
    }

    private Ev toJsonString(Node arg, String argPtr, Loc loc) {
        Ev v = eval(arg, argPtr);
        Rendered r = render(v);
        if (r.json() == null) return Unk.of("Fn::ToJsonString of a value that is not known: " + r.failure(), loc);
        return new Lit(r.json(), loc, r.sensitive());
    }

    // ------------------------------------------------------------------ conditions

    /** The value of a named condition, memoised. */
    Cond condition(String name, Loc usedAt) {
        Cond cached = conditionValues.get(name);
        if (cached != null) return cached;
        Node def = conditions == null ? null : conditions.get(name);
        if (def == null) {
            if (lenientNames) return Cond.unknown("condition " + name + " is not declared");
            throw error(usedAt, "condition " + name + " is not declared in Conditions");
        }
        if (!conditionsInProgress.add(name)) throw error(def, "condition " + name + " depends on itself");
        Cond c;
        try {
            c = budget.value(() -> condOf(def, "/Conditions/" + escape(name)), Cond::unknown);
        } finally {
            conditionsInProgress.remove(name);
        }
        if (!c.known()) c = Cond.unknown("condition " + name + " is unknown: " + c.reason()).sensitive(c.sensitive());
        conditionValues.put(name, c);
        return c;
    }

    private Cond condOf(Node n, String ptr) {
        if (n instanceof MapNode m && m.size() == 1) {
            Map.Entry<String, Node> only = m.entries().entrySet().iterator().next();
            String fn = only.getKey();
            String argPtr = ptr + "/" + escape(fn);
            switch (fn) {
                case "Fn::Equals" -> {
                    ListNode l = args(only.getValue(), fn, 2, 2);
                    Ev a = eval(l.get(0), argPtr + "/0");
                    Ev b = eval(l.get(1), argPtr + "/1");
                    return equalsCond(a, b).sensitive(Ev.anySensitive(a) || Ev.anySensitive(b));
                }
                case "Fn::And", "Fn::Or" -> {
                    ListNode l = args(only.getValue(), fn, 1, 10);
                    boolean and = fn.equals("Fn::And");
                    String unknown = null;
                    boolean sensitive = false;
                    for (int i = 0; i < l.size(); i++) {
                        Cond c = condOf(l.get(i), argPtr + "/" + i);
                        sensitive |= c.sensitive();
                        if (c.known()) {
                            if (c.value() != and) return (and ? Cond.FALSE : Cond.TRUE).sensitive(sensitive);
                        } else if (unknown == null) {
                            unknown = c.reason();
                        }
                    }
                    return (unknown == null ? (and ? Cond.TRUE : Cond.FALSE) : Cond.unknown(unknown)).sensitive(sensitive);
                }
                case "Fn::Not" -> {
                    ListNode l = args(only.getValue(), fn, 1, 1);
                    Cond c = condOf(l.get(0), argPtr + "/0");
                    return c.known() ? (c.value() ? Cond.FALSE : Cond.TRUE).sensitive(c.sensitive()) : c;
                }
                case "Condition" -> {
                    Node cn = only.getValue();
                    if (!(cn instanceof ScalarNode s) || !(s.value() instanceof String name)) {
                        throw error(cn, "Condition expects a condition name");
                    }
                    Cond c = condition(name, new Loc(cn.line(), cn.column(), argPtr));
                    return c;
                }
                default -> {
                    // an intrinsic yielding a boolean, e.g. Ref of a parameter
                }
            }
        }
        Ev v = eval(n, ptr);
        if (v instanceof Lit l) {
            if (l.value() instanceof Boolean b) return (b ? Cond.TRUE : Cond.FALSE).sensitive(l.sensitive());
            if ("true".equalsIgnoreCase(l.text())) return Cond.TRUE.sensitive(l.sensitive());
            if ("false".equalsIgnoreCase(l.text())) return Cond.FALSE.sensitive(l.sensitive());
            throw error(n, "a condition must be a boolean, found '" + Ev.shown(l) + "'");
        }
        return Cond.unknown(reasonOf(v)).sensitive(Ev.anySensitive(v));
    }

    private static Cond equalsCond(Ev a, Ev b) {
        if (isKnown(a) && isKnown(b)) return Ev.same(a, b) ? Cond.TRUE : Cond.FALSE;
        if (Ev.same(a, b)) return Cond.TRUE;
        return Cond.unknown(reasonOf(isKnown(a) ? b : a));
    }

    /** Fully known: no unknown, resource reference or AZ anywhere inside. */
    static boolean isKnown(Ev v) {
        if (v instanceof Lit) return true;
        if (v instanceof Arr a) {
            for (Ev i : a.items()) if (!isKnown(i)) return false;
            return true;
        }
        if (v instanceof Obj o) {
            for (Ev i : o.entries().values()) if (!isKnown(i)) return false;
            return true;
        }
        return false;
    }

    static String reasonOf(Ev v) {
        if (v instanceof Unk u) return u.reason();
        if (v instanceof ResRef r) return "the id of resource " + r.logicalId() + " is known only after deploy";
        if (v instanceof Az z) return azReason(z.index(), z.region());
        if (v instanceof Azs) return "the region's availability zones are not known";
        if (v instanceof Arr a) {
            for (Ev i : a.items()) if (!isKnown(i)) return reasonOf(i);
        }
        if (v instanceof Obj o) {
            for (Ev i : o.entries().values()) if (!isKnown(i)) return reasonOf(i);
        }
        return "found " + Ev.describe(v);
    }

    // ------------------------------------------------------------------ rendering documents

    /** A value rendered as JSON text (policies), or why it cannot be. */
    record Rendered(String json, String failure, boolean sensitive) {
    }

    /**
     * Renders a value as JSON. Unknowns that are certainly identifiers (pseudo parameters, resource ids and
     * attributes) are rendered as their {@code ${...}} placeholder; any other unknown makes the whole document unknown.
     */
    static Rendered render(Ev v) {
        if (Budget.textSize(v) > Budget.MAX_TEXT) return new Rendered(null, Budget.TOO_LARGE, v.sensitive());
        String[] failure = new String[1];
        boolean[] sensitive = new boolean[1];
        Object tree = toJava(v, failure, sensitive);
        if (failure[0] != null) return new Rendered(null, failure[0], sensitive[0]);
        try {
            return new Rendered(JSON.writeValueAsString(tree), null, sensitive[0]);
        } catch (JsonProcessingException e) {
            return new Rendered(null, "cannot render: " + e.getOriginalMessage(), sensitive[0]);
        }
    }

    private static Object toJava(Ev v, String[] failure, boolean[] sensitive) {
        if (failure[0] != null) return null;
        sensitive[0] |= v.sensitive();
        if (v instanceof Lit l) return l.value();
        if (v instanceof Arr a) {
            List<Object> out = new ArrayList<>();
            for (Ev i : a.items()) out.add(toJava(i, failure, sensitive));
            return out;
        }
        if (v instanceof Obj o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Ev> e : o.entries().entrySet()) out.put(e.getKey(), toJava(e.getValue(), failure, sensitive));
            return out;
        }
        if (v instanceof ResRef r) return r.placeholder();
        if (v instanceof Unk u && u.placeholder() != null) return u.placeholder();
        failure[0] = reasonOf(v);
        return null;
    }

    // ------------------------------------------------------------------ helpers

    private ListNode args(Node arg, String fn, int min, int max) {
        if (!(arg instanceof ListNode l) || l.size() < min || l.size() > max) {
            String n = min == max ? String.valueOf(min) : min + " to " + max;
            throw error(arg, fn + " expects a list of " + n + " arguments");
        }
        return l;
    }

    static Integer asInt(Object o) {
        if (o instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) return l.intValue();
        if (o instanceof BigDecimal d) {
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (o instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String macroName(Node n) {
        if (n instanceof MapNode m && m.text("Name") != null) return " " + m.text("Name");
        return "";
    }

    static String escape(String key) {
        return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key : key.replace("~", "~0").replace("/", "~1");
    }

    private InputException error(Node n, String problem) {
        return new InputException(file, n.line(), n.column(), problem);
    }

    private InputException error(Loc loc, String problem) {
        return new InputException(file, loc.line(), loc.column(), problem);
    }
}
