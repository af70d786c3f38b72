package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.network.Subnet;
import java.util.ArrayList;
import java.util.List;

/**
 * A subnet as the engine sees it: its VPC, address blocks, route table and network ACL (each possibly a list of
 * alternatives when an association is unknown). {@code subnet} is null for a subnet named only by an id, or unknown
 * altogether ({@code unknownReason}).
 */
final class SubnetInfo {
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    /** Unique among all subnets, for equivalence keys. */
    final long id = IDS.incrementAndGet();
    final String name;
    final Subnet subnet;
    /** Null when unknown. */
    VpcInfo vpc;
    String vpcUnknown;
    /** IPv4 block; null when absent (IPv6-only subnet) or unknown ({@code v4} says which). */
    IpRange cidr;
    Match v4 = Match.MAYBE;
    String cidrNote;
    IpRange ipv6;
    Match v6 = Match.MAYBE;
    String ipv6Note;
    Value<Boolean> mapPublicIp = Value.notInInput();
    final List<RouteTableInfo> tables = new ArrayList<>();
    final List<NetworkAclInfo> acls = new ArrayList<>();
    /** Why nothing is known of the subnet (unknown reference), else null. */
    final String unknownReason;

    SubnetInfo(String name, Subnet subnet, String unknownReason) {
        this.name = name;
        this.subnet = subnet;
        this.unknownReason = unknownReason;
    }

    Provenance location() {
        return subnet == null ? Provenance.NONE : subnet.location();
    }

    IpRange range(int family) {
        return family == IpRange.V4 ? cidr : ipv6;
    }

    String label() {
        IpRange c = cidr != null ? cidr : ipv6;
        return c == null ? name : name + " (" + c + ")";
    }

    @Override
    public String toString() {
        return name;
    }
}
