package io.plumbline.reach;

import io.plumbline.model.Model;
import io.plumbline.profile.Profile;
import java.util.List;

/**
 * Who can reach what, across security groups, network ACLs and routes, with a witness for every verdict: the same
 * question AWS's Reachability Analyzer answers, asked of the model (rule catalog §11).
 */
public final class Reachability {

    private Reachability() {
    }

    /** Places every endpoint of the model in its tier and indexes the network once. */
    public static Reachability of(Model model, Profile profile) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every endpoint, the internet first. */
    public List<Endpoint> endpoints() {
        throw new UnsupportedOperationException("not yet");
    }

    public List<Endpoint> inTier(String tier) {
        throw new UnsupportedOperationException("not yet");
    }

    public Endpoint internet() {
        throw new UnsupportedOperationException("not yet");
    }

    /** What of {@code requested} gets from {@code from} to {@code to}, and why. */
    public PathResult path(Endpoint from, Endpoint to, Traffic requested) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The tier-to-tier matrix for {@code requested} traffic: for each pair of tiers, what passes between them. */
    public TierMatrix matrix(Traffic requested) {
        throw new UnsupportedOperationException("not yet");
    }
}
