package io.plumbline.reach;

import io.plumbline.model.network.SgRule.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import java.util.IdentityHashMap;

/**
 * The security groups on one network interface: known groups, plus a reason when some member is unknown (an unknown
 * list, an unresolvable reference), or {@link #unfiltered} for interfaces without security groups (NAT gateways,
 * load balancers without groups).
 */
final class GroupSet {
    static final GroupSet NONE = new GroupSet(List.of(), null, true);

    final List<SecurityGroupInfo> groups;
    private final Set<SecurityGroupInfo> members;
    /** Why the set may hold groups not listed, else null. */
    final String unknownMembers;
    final boolean unfiltered;
    final String key;
    final Traffic ingressBound;
    final Traffic egressBound;

    GroupSet(List<SecurityGroupInfo> groups, String unknownMembers, boolean unfiltered) {
        List<SecurityGroupInfo> distinct = new ArrayList<>();
        Set<SecurityGroupInfo> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SecurityGroupInfo g : groups) if (seen.add(g)) distinct.add(g);
        this.groups = List.copyOf(distinct);
        this.members = seen;
        this.unknownMembers = unknownMembers;
        this.unfiltered = unfiltered;
        StringBuilder k = new StringBuilder(unfiltered ? "none" : "");
        for (SecurityGroupInfo g : this.groups) k.append(g.id).append(',');
        if (unknownMembers != null) k.append("?").append(unknownMembers);
        this.key = k.toString();
        Traffic in = unknownMembers != null || unfiltered ? Traffic.ALL : Traffic.NONE;
        Traffic out = in;
        for (SecurityGroupInfo g : this.groups) {
            in = TrafficSets.or(in, g.ingressBound);
            out = TrafficSets.or(out, g.egressBound);
        }
        this.ingressBound = in;
        this.egressBound = out;
    }

    /** Whether an interface with these groups carries {@code g}. */
    Match carries(SecurityGroupInfo g) {
        if (members.contains(g)) return Match.YES;
        return unknownMembers != null ? Match.MAYBE : Match.NO;
    }

    Traffic bound(Direction d) {
        return d == Direction.INGRESS ? ingressBound : egressBound;
    }

    String label() {
        if (unfiltered) return "no security group";
        List<String> names = new ArrayList<>();
        for (SecurityGroupInfo g : groups) names.add(g.name);
        if (unknownMembers != null) names.add("(unknown: " + unknownMembers + ")");
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return label();
    }
}
