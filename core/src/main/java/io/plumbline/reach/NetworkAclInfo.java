package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NetworkAcl;
import java.util.ArrayList;
import java.util.List;

/**
 * A network ACL with its entries compiled and sorted: per direction, entries whose rule number is unknown first
 * (they may come before any other), then by ascending rule number. Also stands for the AWS default NACL of a VPC
 * that the input does not declare (allow all), and for one that cannot be known ({@link #unknown}).
 */
final class NetworkAclInfo {
    final String name;
    final NetworkAcl acl;
    final Provenance location;
    /** Why nothing is known of the ACL's entries, else null. */
    final String unknown;
    /** Why the entry list may be incomplete, else null. */
    String incomplete;
    final List<Entry> inbound = new ArrayList<>();
    final List<Entry> outbound = new ArrayList<>();

    NetworkAclInfo(String name, NetworkAcl acl, Provenance location, String unknown) {
        this.name = name;
        this.acl = acl;
        this.location = location == null ? Provenance.NONE : location;
        this.unknown = unknown;
    }

    List<Entry> entries(boolean egress) {
        return egress ? outbound : inbound;
    }

    void sort() {
        for (List<Entry> l : List.of(inbound, outbound)) {
            l.sort((a, b) -> Integer.compare(a.number, b.number));
        }
    }

    @Override
    public String toString() {
        return name;
    }

    enum Action { ALLOW, DENY, UNKNOWN }

    /** One entry, compiled. {@code number} is -1 when unknown. */
    static final class Entry {
        final NaclEntry entry;
        final int number;
        final Action action;
        final Traffic traffic;
        final String trafficUnknown;
        /** 4 or 6; 0 when the entry's block is unknown (it may be either). */
        final int family;
        final IpRange range;
        final String rangeUnknown;
        final String text;
        final Provenance location;

        Entry(NaclEntry entry, int number, Action action, Traffic traffic, String trafficUnknown, int family,
              IpRange range, String rangeUnknown, String text, Provenance location) {
            this.entry = entry;
            this.number = number;
            this.action = action;
            this.traffic = traffic;
            this.trafficUnknown = trafficUnknown;
            this.family = family;
            this.range = range;
            this.rangeUnknown = rangeUnknown;
            this.text = text;
            this.location = location == null ? Provenance.NONE : location;
        }

        /** Whether the entry's block holds the peer address (null: somewhere unknown in a subnet). */
        Match matches(int peerFamily, IpRange address) {
            if (family == 0) return Match.MAYBE;
            if (family != peerFamily) return Match.NO;
            if (range == null) return Match.MAYBE;
            if (address == null) return range.isAll() ? Match.YES : Match.MAYBE;
            return range.covers(address);
        }

        String label() {
            return "rule " + (number < 0 ? "(unknown number)" : String.valueOf(number)) + " " + text;
        }
    }
}
