package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import java.util.List;
import java.util.Map;

/**
 * Security-group evaluation (stateful): traffic passes when any rule of any group on the interface matches it, in
 * the direction asked, for the peer at the other end. Rules are looked up through the group index (rules that
 * reference a group the peer carries, then CIDR and other rules), never by scanning every group of the model.
 */
final class SecurityGroupLayer {
    private SecurityGroupLayer() {
    }

    static Outcome evaluate(GroupSet own, Direction dir, Peer peer, Traffic t, List<Hop> hops) {
        if (own.unfiltered || t.isEmpty()) return Outcome.all(t);
        Layer layer = dir == Direction.INGRESS ? Layer.DESTINATION_SECURITY_GROUP_INGRESS : Layer.SOURCE_SECURITY_GROUP_EGRESS;
        Traffic allowed = Traffic.NONE;
        Traffic possible = Traffic.NONE;
        GroupSet peerGroups = peer.groups();
        boolean scanAll = peerGroups != null && peerGroups.unknownMembers != null;
        for (SecurityGroupInfo g : own.groups) {
            if (g.unknown != null) {
                possible = TrafficSets.or(possible, t);
                if (hops != null) hops.add(new Hop(layer, g.name, TrafficSets.show(t) + " may be allowed: " + g.unknown,
                        Decision.UNKNOWN, g.location, null));
                continue;
            }
            if (TrafficSets.and(g.bound(dir), t).isEmpty()) continue;
            Map<SecurityGroupInfo, List<SecurityGroupInfo.Rule>> byGroup = g.byGroup(dir);
            if (scanAll) {
                for (List<SecurityGroupInfo.Rule> rules : byGroup.values()) {
                    for (SecurityGroupInfo.Rule r : rules) {
                        Traffic[] ap = rule(r, peer, t, allowed, possible, layer, hops);
                        allowed = ap[0];
                        possible = ap[1];
                    }
                }
            } else if (peerGroups != null && !peerGroups.unfiltered && !byGroup.isEmpty()) {
                for (SecurityGroupInfo pg : peerGroups.groups) {
                    List<SecurityGroupInfo.Rule> rules = byGroup.get(pg);
                    if (rules == null) continue;
                    for (SecurityGroupInfo.Rule r : rules) {
                        Traffic[] ap = rule(r, peer, t, allowed, possible, layer, hops);
                        allowed = ap[0];
                        possible = ap[1];
                    }
                }
            }
            for (SecurityGroupInfo.Rule r : g.other(dir)) {
                Traffic[] ap = rule(r, peer, t, allowed, possible, layer, hops);
                allowed = ap[0];
                possible = ap[1];
            }
            if (g.incomplete != null && !TrafficSets.covers(possible, t)) {
                if (hops != null) hops.add(new Hop(layer, g.name, TrafficSets.show(t.minus(possible))
                        + " may be allowed by a rule not in the input: " + g.incomplete, Decision.UNKNOWN, g.location, null));
                possible = TrafficSets.or(possible, t);
            }
        }
        if (own.unknownMembers != null && !TrafficSets.covers(possible, t)) {
            if (hops != null) hops.add(new Hop(layer, own.label(), TrafficSets.show(t.minus(possible))
                    + " may be allowed by a security group that is not known: " + own.unknownMembers, Decision.UNKNOWN,
                    Provenance.NONE, null));
            possible = TrafficSets.or(possible, t);
        }
        if (hops != null && !TrafficSets.covers(possible, t)) {
            boolean noRules = own.unknownMembers == null;
            for (SecurityGroupInfo g : own.groups) if (g.unknown != null || !g.rules(dir).isEmpty()) noRules = false;
            String peerText = (dir == Direction.INGRESS ? "from " : "to ") + peer.label();
            String element = TrafficSets.show(t.minus(possible)) + (noRules
                    ? ": the security group" + (own.groups.size() == 1 ? " has no " : "s have no ") + dir.name().toLowerCase()
                    + " rules" : " " + peerText + " matches no " + dir.name().toLowerCase() + " rule");
            Provenance where = own.groups.isEmpty() ? Provenance.NONE : own.groups.get(0).location;
            hops.add(new Hop(layer, own.label(), element, Decision.DENY, where,
                    noRules ? "SG_HAS_NO_RULES" : "ENI_SG_RULES_MISMATCH"));
        }
        return new Outcome(allowed, possible);
    }

    private static Traffic[] rule(SecurityGroupInfo.Rule r, Peer peer, Traffic t, Traffic allowed, Traffic possible,
                                  Layer layer, List<Hop> hops) {
        Traffic tr = TrafficSets.and(r.traffic, t);
        if (tr.isEmpty()) return new Traffic[] {allowed, possible};
        Match m = r.matches(peer);
        if (m == Match.NO) return new Traffic[] {allowed, possible};
        if (r.trafficUnknown != null) m = Match.MAYBE;
        if (m == Match.YES) {
            if (hops != null && !TrafficSets.covers(allowed, tr)) {
                hops.add(new Hop(layer, r.owner.name, TrafficSets.show(tr.minus(allowed)) + " allowed by " + r.describe(),
                        Decision.ALLOW, r.location(), null));
            }
            return new Traffic[] {TrafficSets.or(allowed, tr), TrafficSets.or(possible, tr)};
        }
        if (hops != null && !TrafficSets.covers(possible, tr)) {
            String why = r.whyMaybe(peer);
            hops.add(new Hop(layer, r.owner.name, TrafficSets.show(tr.minus(allowed)) + " may be allowed by " + r.describe()
                    + ": " + why, Decision.UNKNOWN, r.location(), null));
        }
        return new Traffic[] {allowed, TrafficSets.or(possible, tr)};
    }
}
