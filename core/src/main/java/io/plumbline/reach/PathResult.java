package io.plumbline.reach;

import java.util.List;

/**
 * The answer for one source, destination and requested traffic. {@code allowed} is the part of the request that
 * certainly gets through every layer; {@code undecided} the part whose fate depends on a value unknown in the input;
 * the rest is denied. {@code witness} shows why: for allowed traffic, every hop that let it through; for denied or
 * undecided traffic, the hop that stops it or cannot decide, with its explanation code and {@code reason}.
 */
public record PathResult(Endpoint from, Endpoint to, Traffic requested, Traffic allowed, Traffic undecided,
                         List<Hop> witness, String reason) {

    public enum Reach { ALLOWED, PARTIAL, DENIED, UNKNOWN }

    /** ALLOWED: all requested traffic passes; DENIED: none can; UNKNOWN: nothing certain passes but some may. */
    public Reach reach() {
        if (!allowed.isEmpty()) return allowed.containsAll(requested) ? Reach.ALLOWED : Reach.PARTIAL;
        return undecided.isEmpty() ? Reach.DENIED : Reach.UNKNOWN;
    }

    /** Some of the requested traffic passes, or may pass. */
    public boolean mayReach() {
        return !allowed.isEmpty() || !undecided.isEmpty();
    }
}
