package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Defaults;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Protocols;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.Unk;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Security groups and their rules (inline and standalone), placeholders for groups a template names but does not
 * declare, and the default egress rule EC2 adds.
 */
final class SecurityGroupMapper extends FamilyMapper {
    private final Map<SecurityGroup, Boolean> inlineEgress = new IdentityHashMap<>();
    private final Map<SecurityGroup, List<Res>> standaloneEgress = new IdentityHashMap<>();

    SecurityGroupMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return r.type().equals("AWS::EC2::SecurityGroup") ? securityGroup(r) : null;
    }

    @Override
    Set<String> foldingTypes() {
        return Set.of("AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress");
    }

    @Override
    Resource fold(Res r) {
        return foldSgRule(r);
    }

    @Override
    void finish() {
        for (Map.Entry<SecurityGroup, Boolean> e : inlineEgress.entrySet()) defaultEgress(e.getKey(), e.getValue());
    }

    private SecurityGroup securityGroup(Res r) {
        SecurityGroup g = new SecurityGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        g.vpc = c.ref(get(p, "VpcId"));
        g.groupName = c.str(get(p, "GroupName"));
        if (g.groupName.isPresent()) g.name = g.groupName;
        g.description = c.str(get(p, "GroupDescription"));
        if (p instanceof Unk u) incomplete(g, "the group's properties are not known: " + u.reason(), p);
        addRules(g, get(p, "SecurityGroupIngress"), SgRule.Direction.INGRESS, "SecurityGroupIngress");
        Ev egress = get(p, "SecurityGroupEgress");
        // "if you do not add egress rules, we add egress rules that allow all outbound IPv4 and IPv6 traffic": an
        // empty list (e.g. every item an Fn::If that resolved to AWS::NoValue) adds none
        inlineEgress.put(g, egress != null && !(egress instanceof Ev.Arr a && a.items().isEmpty()));
        addRules(g, egress, SgRule.Direction.EGRESS, "SecurityGroupEgress");
        return g;
    }

    private void addRules(SecurityGroup g, Ev list, SgRule.Direction direction, String property) {
        if (list == null) return;
        // Ingress only: allow rules add up, so a rule some branches lack is a rule with an unknown peer. An egress
        // list some branch may leave empty would bring AWS's default allow-all egress back: kept incomplete.
        List<ConditionalRules.Item> rules = direction == SgRule.Direction.INGRESS ? ConditionalRules.items(list)
                : plainItems(list);
        if (rules == null) {
            incomplete(g, property + " is not known: " + Evaluator.reasonOf(list), list);
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            ConditionalRules.Item item = rules.get(i);
            Ev rule = item.rule();
            if (rule instanceof Obj || rule instanceof Unk && item.branched()) {
                addRule(g, rule, direction, g.address(), item.onlyIf());
            } else {
                incomplete(g, property + " item " + i + " is not known: " + Evaluator.reasonOf(rule), rule);
            }
        }
    }

    private static List<ConditionalRules.Item> plainItems(Ev list) {
        List<Ev> plain = items(list);
        if (plain == null) return null;
        List<ConditionalRules.Item> out = new java.util.ArrayList<>(plain.size());
        for (Ev rule : plain) out.add(new ConditionalRules.Item(rule, false, null));
        return out;
    }

    private void incomplete(SecurityGroup g, String reason, Ev at) {
        if (g.rulesComplete.isKnown()) g.rulesComplete = Value.unknown(reason, at == null ? g.location() : c.at(at));
    }

    /** Adds one SgRule per peer of a rule (inline item or standalone rule resource). */
    private void addRule(SecurityGroup g, Ev rule, SgRule.Direction direction, String origin) {
        addRule(g, rule, direction, origin, null);
    }

    /**
     * {@code onlyIf}: why the rule may not exist at all (it stands in only some branches of an unresolved condition),
     * else null. Such a rule's peer is unknown: it may admit its traffic, or nothing.
     */
    private void addRule(SecurityGroup g, Ev rule, SgRule.Direction direction, String origin, String onlyIf) {
        Provenance where = c.at(rule);
        Value<String> protocol = c.str(get(rule, "IpProtocol")).map(Protocols::normalise);
        Value<Integer> from = c.integer(get(rule, "FromPort"));
        Value<Integer> to = c.integer(get(rule, "ToPort"));
        String description = text(get(rule, "Description"));
        boolean ingress = direction == SgRule.Direction.INGRESS;
        String[][] peers = ingress
                ? new String[][] {{"CidrIp", "v4"}, {"CidrIpv6", "v6"}, {"SourcePrefixListId", "pl"},
                    {"SourceSecurityGroupId", "sg"}, {"SourceSecurityGroupName", "sg"}}
                : new String[][] {{"CidrIp", "v4"}, {"CidrIpv6", "v6"}, {"DestinationPrefixListId", "pl"},
                    {"DestinationSecurityGroupId", "sg"}};
        int added = 0;
        for (String[] peer : peers) {
            Ev v = get(rule, peer[0]);
            if (v == null) continue;
            added++;
            SgRule.PeerKind kind;
            Value<String> cidr = Value.notInInput();
            Value<Ref> group = Value.notInInput();
            switch (peer[1]) {
                case "v4" -> {
                    kind = SgRule.PeerKind.CIDR_IPV4;
                    cidr = c.str(v);
                }
                case "v6" -> {
                    kind = SgRule.PeerKind.CIDR_IPV6;
                    cidr = c.str(v);
                }
                case "pl" -> {
                    kind = SgRule.PeerKind.PREFIX_LIST;
                    group = c.ref(v);
                }
                default -> {
                    group = c.ref(v);
                    boolean self = group.isPresent() && (group.get().target().equals(g.address())
                            || g.aliases().contains(group.get().target()));
                    kind = self ? SgRule.PeerKind.SELF : SgRule.PeerKind.SECURITY_GROUP;
                }
            }
            if (onlyIf != null) {
                if (kind == SgRule.PeerKind.CIDR_IPV4 || kind == SgRule.PeerKind.CIDR_IPV6) {
                    cidr = Value.unknown(onlyIf, where);
                } else {
                    group = Value.unknown(onlyIf, where);
                }
            }
            g.rules.add(new SgRule(direction, protocol, from, to, kind, cidr, group, description, origin, where));
        }
        if (added == 0) {
            g.rules.add(new SgRule(direction, protocol, from, to, SgRule.PeerKind.UNKNOWN,
                    Value.unknown("the rule names no peer (CidrIp, CidrIpv6, prefix list or security group)", where),
                    Value.unknown("the rule names no peer", where), description, origin, where));
        }
    }

    private Resource foldSgRule(Res r) {
        Ev p = r.props();
        Ev groupId = get(p, "GroupId");
        Ev ref = groupId != null ? groupId : get(p, "GroupName");
        String property = groupId != null ? "GroupId" : "GroupName";
        SecurityGroup g = foreignGroup(r, ref, property);
        if (g == null) g = target(r, ref, SecurityGroup.class, property, "a security group");
        if (g == null) return null;
        boolean egress = r.type().endsWith("Egress");
        if (egress) standaloneEgress.computeIfAbsent(g, k -> new ArrayList<>()).add(r);
        if (r.uncertain() != null) {
            incomplete(g, "the rule " + existence(r), null);
        } else if (p instanceof Unk u) {
            incomplete(g, "the rule " + r.id() + " is not known: " + u.reason(), p);
        } else {
            addRule(g, p, egress ? SgRule.Direction.EGRESS : SgRule.Direction.INGRESS, r.id());
            // addRule located the rules at the properties; point standalone rules at their resource instead
            relocateLastRules(g, r);
        }
        return g;
    }

    /** Placeholders for groups the template does not declare, by name; and which rule made each. */
    private final Map<String, SecurityGroup> placeholders = new HashMap<>();
    private final Map<String, SecurityGroup> placeholderMadeBy = new HashMap<>();

    /**
     * The placeholder group a standalone rule lands on when its group is not one of the template's: a literal id or
     * name no resource has, a parameter, an imported value, an unknown expression. The rule is an exposure whatever
     * group it lands on, so it is judged there; the group's other rules are unknown. Null when the reference names
     * a resource of the template (or cannot be read as a group at all: {@link #target} then says so).
     */
    private SecurityGroup foreignGroup(Res r, Ev ref, String property) {
        String name;
        if (ref instanceof Lit l && l.value() != null && !l.text().isEmpty() && !m.byAlias().containsKey(l.text())) {
            name = l.sensitive() ? "(" + property + " of " + r.id() + ")" : l.text();
        } else if (ref instanceof Unk u && (u.key() == null || !m.byNameExpression().containsKey(u.key()))) {
            String key = u.key() == null || u.sensitive() ? null : u.key();
            name = key != null && key.startsWith("param:") ? "(security group of parameter " + key.substring(6) + ")"
                    : key != null && key.startsWith("import:") ? "(security group imported as " + key.substring(7) + ")"
                    : "(" + property + " of " + r.id() + ")";
            if (u.alternatives() != null) {
                // the branches of an unresolved condition may name groups of this template: none of them is complete
                for (Resource res : built.values()) {
                    if (res instanceof SecurityGroup sg && sg.declaredInInput.is(true)) {
                        incomplete(sg, r.id() + " may add a rule to it (" + u.reason() + ")", null);
                    }
                }
            }
        } else {
            return null;
        }
        SecurityGroup g = placeholders.get(name);
        if (g == null) {
            g = SecurityGroup.placeholder(name, "AWS::EC2::SecurityGroup", r.loc());
            g.region = region;
            placeholders.put(name, g);
            placeholderMadeBy.put(r.id(), g);
        }
        String pointsAt = ref instanceof Lit l ? (l.sensitive() ? "a sensitive value" : "'" + l.text() + "'")
                : "a value that is not known (" + Evaluator.reasonOf(ref) + ")";
        diagnostics.add(Diagnostic.warning(r.id() + " (" + r.type() + ") adds a rule to " + pointsAt + " through "
                + property + ", which is not a security group of this template: judged on placeholder " + g.address()
                + ", whose other rules are unknown", r.loc()));
        return g;
    }

    /** The placeholder group that folding rule {@code ruleId} made (it takes that rule's place in the model), or null. */
    Resource placeholderMadeBy(String ruleId) {
        return placeholderMadeBy.get(ruleId);
    }

    int placeholderCount() {
        return placeholders.size();
    }

    private void relocateLastRules(SecurityGroup g, Res r) {
        for (int i = g.rules.size() - 1; i >= 0 && r.id().equals(g.rules.get(i).origin()); i--) {
            SgRule s = g.rules.get(i);
            g.rules.set(i, new SgRule(s.direction(), s.protocol(), s.fromPort(), s.toPort(), s.peerKind(), s.peerCidr(),
                    s.peerGroup(), s.description(), s.origin(), r.loc()));
        }
    }

    /**
     * CloudFormation (EC2) gives a group an allow-all egress rule when it declares no SecurityGroupEgress, unless
     * standalone egress rules target it (then only those exist).
     */
    private void defaultEgress(SecurityGroup g, boolean inline) {
        if (inline) return;
        List<Res> standalone = standaloneEgress.getOrDefault(g, List.of());
        boolean certain = false;
        Res uncertain = null;
        for (Res r : standalone) {
            if (r.uncertain() == null) certain = true;
            else if (uncertain == null) uncertain = r;
        }
        if (certain) return;
        if (uncertain != null) {
            incomplete(g, "whether EC2's default allow-all egress rule exists depends on " + uncertain.id()
                    + ", which exists only if " + uncertain.uncertain(), null);
            return;
        }
        Value<String> protocol = Value.defaulted(Defaults.CFN_SG_DEFAULT_EGRESS_PROTOCOL, g.location());
        g.rules.add(new SgRule(SgRule.Direction.EGRESS, protocol, Value.notInInput(), Value.notInInput(),
                SgRule.PeerKind.CIDR_IPV4, Value.defaulted(Defaults.CFN_SG_DEFAULT_EGRESS_IPV4, g.location()),
                Value.notInInput(), "default egress rule added by EC2", g.address(), g.location()));
        g.rules.add(new SgRule(SgRule.Direction.EGRESS, protocol, Value.notInInput(), Value.notInInput(),
                SgRule.PeerKind.CIDR_IPV6, Value.defaulted(Defaults.CFN_SG_DEFAULT_EGRESS_IPV6, g.location()),
                Value.notInInput(), "default egress rule added by EC2", g.address(), g.location()));
    }
}
