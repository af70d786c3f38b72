package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import java.util.ArrayList;
import java.util.List;

/**
 * An abstract network interface: in a plan ENIs do not exist yet, so an endpoint gets one per subnet it is placed in.
 * Interfaces that agree on everything the layers look at (subnet, security groups, public address, IPv6, what kind of
 * thing carries them) form one equivalence class and are evaluated once, whichever endpoints own them.
 */
final class Interface {
    enum Kind { HOST, LOAD_BALANCER, NAT_GATEWAY }

    final int id;
    final Kind kind;
    final SubnetInfo subnet;
    final GroupSet groups;
    /** Whether the interface has a public IPv4 address (EIP, auto-assigned, internet-facing load balancer). */
    final Match publicIpv4;
    final String publicIpNote;
    final Provenance publicIpLocation;
    final Match hasV4;
    final Match hasV6;
    final String v6Note;
    /** For a load balancer: its listeners (traffic accepted certainly and possibly). */
    final LoadBalancer loadBalancer;
    final Traffic listenerTraffic;
    final Traffic listenerMaybe;
    final List<Listener> listeners;
    final List<Endpoint> owners = new ArrayList<>();
    /** The protocols of the IP families the interface may have (ICMP only with IPv4, ICMPv6 only with IPv6). */
    final Traffic families;

    Interface(int id, Kind kind, SubnetInfo subnet, GroupSet groups, Match publicIpv4, String publicIpNote,
              Provenance publicIpLocation, Match hasV4, Match hasV6, String v6Note, LoadBalancer loadBalancer,
              Traffic listenerTraffic, Traffic listenerMaybe, List<Listener> listeners) {
        this.id = id;
        this.kind = kind;
        this.subnet = subnet;
        this.groups = groups;
        this.publicIpv4 = publicIpv4;
        this.publicIpNote = publicIpNote;
        this.publicIpLocation = publicIpLocation == null ? Provenance.NONE : publicIpLocation;
        this.hasV4 = hasV4;
        this.hasV6 = hasV6;
        this.v6Note = v6Note;
        this.loadBalancer = loadBalancer;
        this.listenerTraffic = listenerTraffic;
        this.listenerMaybe = listenerMaybe;
        this.listeners = listeners;
        Traffic fam = Traffic.NONE;
        if (hasV4 != Match.NO) fam = fam.union(TrafficSets.IPV4);
        if (hasV6 != Match.NO) fam = fam.union(TrafficSets.IPV6);
        this.families = fam;
    }

    Match has(int family) {
        return family == IpRange.V4 ? hasV4 : hasV6;
    }

    String label() {
        String what = switch (kind) {
            case LOAD_BALANCER -> "load balancer interface";
            case NAT_GATEWAY -> "NAT gateway interface";
            default -> "interface";
        };
        return what + " in " + subnet.label() + (groups.unfiltered ? "" : " with " + groups.label());
    }

    @Override
    public String toString() {
        return label();
    }
}
