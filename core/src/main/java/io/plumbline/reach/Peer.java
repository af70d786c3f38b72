package io.plumbline.reach;

/**
 * The other end of a flow as one layer sees it: an interface (its security groups, its address somewhere in its
 * subnet, or one atom of it) or one atom of the internet's addresses.
 */
final class Peer {
    final Interface eni;
    final int family;
    /** The address atom; null when only "some address of the interface's subnet" is known. */
    final IpRange address;
    final boolean internet;
    /**
     * For an internet atom: the atom stands for many addresses, and some of them lie outside any prefix list (or
     * address block) whose entries the input does not give.
     */
    final boolean outsideUnknownLists;

    /** How an internet atom is shown. */
    private final String text;

    private Peer(Interface eni, int family, IpRange address, boolean internet, boolean outside, String text) {
        this.text = text;
        this.eni = eni;
        this.family = family;
        this.address = address;
        this.internet = internet;
        this.outsideUnknownLists = outside;
    }

    static Peer of(Interface eni, int family, IpRange atom) {
        return new Peer(eni, family, atom, false, false, null);
    }

    /** {@code only}: the atom is the only one, so it stands for the whole internet. */
    static Peer internet(int family, IpRange atom, boolean outsideUnknownLists, boolean only) {
        return new Peer(null, family, atom, true, outsideUnknownLists,
                only ? "the internet" : "internet addresses such as " + atom);
    }

    GroupSet groups() {
        return eni == null ? null : eni.groups;
    }

    String label() {
        if (internet) return text;
        return eni.subnet.label() + (address != null && !address.equals(eni.subnet.range(family)) ? " address " + address : "");
    }
}
