package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.Vpc;
import java.util.ArrayList;
import java.util.List;

/**
 * A VPC as the engine sees it: its address blocks, its main route table(s), default network ACL, default security
 * group and internet gateways. {@code vpc} is null for a VPC the input only names by id (not in the model): its
 * defaults are then unknown.
 */
final class VpcInfo {
    final String name;
    final Vpc vpc;
    /** The primary IPv4 block, when known. */
    IpRange cidr;
    final List<IpRange> ipv6 = new ArrayList<>();
    /** Every known block of the VPC (primary, IPv6, and each subnet's, which covers secondary blocks). */
    final List<IpRange> localRanges = new ArrayList<>();
    /** The known blocks: primary and IPv6, then the subnets' blocks that lie outside them (secondary blocks). */
    final List<IpRange> localBlocks = new ArrayList<>();
    /** Alternatives for the main route table; one when it is known. */
    final List<RouteTableInfo> mainTables = new ArrayList<>();
    NetworkAclInfo defaultAcl;
    SecurityGroupInfo defaultGroup;
    /** Internet gateways certainly attached. */
    final List<InternetGateway> gateways = new ArrayList<>();
    /** Internet gateways whose attachment is unknown. */
    final List<InternetGateway> maybeGateways = new ArrayList<>();

    VpcInfo(String name, Vpc vpc) {
        this.name = name;
        this.vpc = vpc;
    }

    boolean inModel() {
        return vpc != null;
    }

    Provenance location() {
        return vpc == null ? Provenance.NONE : vpc.location();
    }

    /** The prefix length the local route has for {@code address}: the block that holds it, else /16 (the largest VPC block). */
    int localPrefix(IpRange address) {
        if (cidr != null && address != null && cidr.contains(address)) return cidr.prefix;
        for (IpRange r : ipv6) if (address != null && r.contains(address)) return r.prefix;
        return address != null && address.family == IpRange.V6 ? 56 : 16;
    }

    /**
     * Whether the local route covers {@code address} (null: an address of one of this VPC's subnets, unknown). An
     * internet atom ({@code internet}) stands for many addresses: one outside a block not in the input always exists.
     */
    Match local(IpRange address, boolean internet) {
        if (address == null) return Match.MAYBE;
        Match m = Match.NO;
        for (IpRange r : localBlocks) {
            Match c = r.covers(address);
            if (c == Match.YES) return Match.YES;
            if (c == Match.MAYBE) m = Match.MAYBE;
        }
        if (m == Match.NO && !internet && !blocksKnown(address.family)) return Match.MAYBE;
        return m;
    }

    /** Whether every block of this family is known (else an address outside the known ones may still be local). */
    boolean blocksKnown(int family) {
        if (family == IpRange.V4) return cidr != null && vpc != null;
        return vpc != null && vpc.ipv6CidrBlocks.isKnown();
    }

    /** Fills {@link #localBlocks} once every subnet is known. */
    void seal() {
        localBlocks.clear();
        for (IpRange r : localRanges) {
            boolean inside = false;
            for (IpRange b : localBlocks) if (b.contains(r)) {
                inside = true;
                break;
            }
            if (!inside) localBlocks.add(r);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
