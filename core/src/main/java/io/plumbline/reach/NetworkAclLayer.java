package io.plumbline.reach;

import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.NetworkAclInfo.Action;
import java.util.List;

/**
 * Network-ACL evaluation (stateless): entries of one direction in rule-number order, the first whose protocol, ports
 * and block match decides, and what no entry matches is denied (the implicit rule *). Worked on port-interval sets:
 * each entry takes the part of the still-undecided traffic it covers. An entry that may or may not match (unknown
 * block, ports, action or number) adds its action as a possibility without deciding.
 */
final class NetworkAclLayer {
    private NetworkAclLayer() {
    }

    /**
     * What of {@code t} the ACL lets through in one direction, for traffic whose remote address (the destination
     * outbound, the source inbound) is {@code address} of {@code family} (null: somewhere unknown).
     */
    static Outcome evaluate(NetworkAclInfo acl, boolean egress, Peer peer, Traffic t, Layer layer, String component,
                            List<Hop> hops) {
        int family = peer.family;
        IpRange address = peer.address;
        if (t.isEmpty()) return Outcome.NONE;
        String name = component == null ? acl.name : component;
        if (acl.unknown != null || acl.incomplete != null) {
            if (hops != null) hops.add(new Hop(layer, name, TrafficSets.show(t) + " may pass: "
                    + (acl.unknown != null ? acl.unknown : acl.incomplete), Decision.UNKNOWN, acl.location, null));
            return Outcome.unknown(t);
        }
        Traffic live = t;
        Traffic mayAllow = Traffic.NONE;
        Traffic mayDeny = Traffic.NONE;
        Traffic sureAllow = Traffic.NONE;
        for (NetworkAclInfo.Entry e : acl.entries(egress)) {
            if (live.isEmpty()) break;
            Traffic tr = TrafficSets.and(e.traffic, live);
            if (tr.isEmpty()) continue;
            Match m = e.matches(family, address);
            if (m == Match.NO) continue;
            if (e.trafficUnknown != null || e.number < 0) m = Match.MAYBE;
            if (e.action == Action.UNKNOWN) {
                mayAllow = TrafficSets.or(mayAllow, tr);
                mayDeny = TrafficSets.or(mayDeny, tr);
                if (hops != null) hops.add(new Hop(layer, name, TrafficSets.show(tr) + ": the action of " + e.label()
                        + " is unknown", Decision.UNKNOWN, e.location, null));
            } else if (e.action == Action.ALLOW) {
                mayAllow = TrafficSets.or(mayAllow, tr);
                if (m == Match.YES) sureAllow = TrafficSets.or(sureAllow, tr);
                if (hops != null) hops.add(new Hop(layer, name, TrafficSets.show(tr) + (m == Match.YES ? " allowed by "
                        : " may be allowed by ") + e.label() + (m == Match.YES ? "" : ": " + why(e, peer)),
                        m == Match.YES ? Decision.ALLOW : Decision.UNKNOWN, e.location, null));
            } else {
                mayDeny = TrafficSets.or(mayDeny, tr);
                if (hops != null) hops.add(new Hop(layer, name, TrafficSets.show(tr) + (m == Match.YES ? " denied by "
                        : " may be denied by ") + e.label() + (m == Match.YES ? "" : ": " + why(e, peer)),
                        m == Match.YES ? Decision.DENY : Decision.UNKNOWN, e.location, m == Match.YES ? "SUBNET_ACL_RESTRICTION" : null));
            }
            if (m == Match.YES) live = live.minus(tr);
        }
        if (!live.isEmpty()) {
            mayDeny = TrafficSets.or(mayDeny, live);
            if (hops != null) hops.add(new Hop(layer, name, TrafficSets.show(live) + (egress ? " to " : " from ") + peer.label()
                    + " matches no entry: denied by the implicit rule *", Decision.DENY, acl.location,
                    "SUBNET_ACL_RESTRICTION"));
        }
        // certain: allowed by a matching entry with nothing before it that might deny
        Traffic allowed = sureAllow.minus(mayDeny);
        return new Outcome(allowed, mayAllow);
    }

    private static String why(NetworkAclInfo.Entry e, Peer peer) {
        if (e.trafficUnknown != null) return e.trafficUnknown;
        if (e.number < 0) return "its rule number is unknown";
        if (e.rangeUnknown != null) return e.rangeUnknown;
        if (peer.address == null) return "the address of " + peer.label() + " is not known";
        return "only part of " + peer.label() + " lies in its block";
    }
}
