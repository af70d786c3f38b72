package io.plumbline.reach;

/**
 * What a layer, a path or a set of paths lets through, as two nested traffic sets: {@code allowed} certainly passes,
 * {@code possible} may pass (allowed plus the traffic whose fate depends on a value the input does not give). The
 * rest is denied.
 */
record Outcome(Traffic allowed, Traffic possible) {
    static final Outcome NONE = new Outcome(Traffic.NONE, Traffic.NONE);

    static Outcome all(Traffic t) {
        return new Outcome(t, t);
    }

    static Outcome unknown(Traffic t) {
        return new Outcome(Traffic.NONE, t);
    }

    /** The next layer on the same path: both must let the traffic through. */
    Outcome then(Outcome next) {
        return new Outcome(TrafficSets.and(allowed, next.allowed), TrafficSets.and(possible, next.possible));
    }

    /** Another path for the same traffic (another ENI, another address): either suffices. */
    Outcome or(Outcome o) {
        return new Outcome(TrafficSets.or(allowed, o.allowed), TrafficSets.or(possible, o.possible));
    }

    /**
     * The same path under another reading of an unknown value: traffic is allowed only when every reading allows
     * it, and may pass when some reading lets it.
     */
    Outcome eitherWay(Outcome o) {
        return new Outcome(TrafficSets.and(allowed, o.allowed), TrafficSets.or(possible, o.possible));
    }

    /** Only what may pass; nothing certain (a value the outcome depends on is unknown). */
    Outcome uncertain() {
        return new Outcome(Traffic.NONE, possible);
    }

    Traffic undecided() {
        return possible.minus(allowed);
    }

    boolean isEmpty() {
        return possible.isEmpty();
    }
}
