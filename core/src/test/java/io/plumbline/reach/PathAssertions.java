package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import java.util.List;
import java.util.stream.Collectors;

/** Lookups and checks the path tests share. */
final class PathAssertions {
    private PathAssertions() {
    }

    static Endpoint endpoint(Reachability r, String id) {
        if (Endpoint.INTERNET.equals(id)) return r.internet();
        for (Endpoint e : r.endpoints()) if (e.id().equals(id)) return e;
        throw new AssertionError("no endpoint " + id + " among " + r.endpoints());
    }

    static PathResult path(Reachability r, String from, String to, Traffic t) {
        return r.path(endpoint(r, from), endpoint(r, to), t);
    }

    /** The first hop of a layer with a decision; fails with the whole witness when there is none. */
    static Hop hop(PathResult p, Layer layer, Decision d) {
        for (Hop h : p.witness()) if (h.layer() == layer && h.decision() == d) return h;
        return fail("no " + d + " hop in " + layer + "; witness:\n" + show(p));
    }

    static boolean hasHop(PathResult p, Layer layer, Decision d) {
        for (Hop h : p.witness()) if (h.layer() == layer && h.decision() == d) return true;
        return false;
    }

    /** The first blocking hop of the witness. */
    static Hop blocking(PathResult p) {
        for (Hop h : p.witness()) if (h.decision() == Decision.DENY) return h;
        return fail("no blocking hop; witness:\n" + show(p));
    }

    static Hop undecided(PathResult p) {
        for (Hop h : p.witness()) if (h.decision() == Decision.UNKNOWN) return h;
        return fail("no undecided hop; witness:\n" + show(p));
    }

    static void assertReach(PathResult.Reach expected, PathResult p) {
        assertEquals(expected, p.reach(), () -> "reach of " + p.from() + " -> " + p.to() + " " + p.requested()
                + ": allowed " + p.allowed() + ", undecided " + p.undecided() + "\n" + p.reason() + "\n" + show(p));
    }

    static void assertPointer(String pointer, Hop h) {
        assertTrue(h.location() != null && ("/" + pointer).equals(h.location().pointer()),
                () -> "expected the hop at " + pointer + ", got " + h);
    }

    static void assertElementContains(String text, Hop h) {
        assertTrue(h.element().contains(text), () -> "expected \"" + text + "\" in " + h);
    }

    static String show(PathResult p) {
        List<Hop> w = p.witness();
        return w.stream().map(h -> "  " + h).collect(Collectors.joining("\n"));
    }
}
