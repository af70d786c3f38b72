package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tier matrix is the union of the endpoint paths: whatever shortcuts it takes (candidate sources from the
 * security-group index, pairs skipped once nothing new can pass), each cell equals the union of {@code path()} over
 * the endpoints of its two tiers, and its paths account for it.
 */
class MatrixConsistencyTest {

    @Test
    void eachCellIsTheUnionOfItsEndpointPaths() {
        List<Traffic> asks = List.of(Traffic.ALL, Traffic.tcp(22, 443), Traffic.tcp(PortSet.range(1000, 2000)));
        for (long seed = 1; seed <= 60; seed++) {
            GeneratedNetwork net = GeneratedNetwork.generate(seed);
            Reachability r = Reachability.of(net.model, TestNet.PROFILE);
            for (Traffic ask : asks) {
                TierMatrix m = r.matrix(ask);
                for (String from : m.tiers()) {
                    for (String to : m.tiers()) {
                        Traffic allowed = Traffic.NONE;
                        Traffic possible = Traffic.NONE;
                        for (Endpoint a : r.inTier(from)) {
                            for (Endpoint b : r.inTier(to)) {
                                PathResult p = r.path(a, b, ask);
                                allowed = allowed.union(p.allowed());
                                possible = possible.union(p.allowed()).union(p.undecided());
                            }
                        }
                        TierMatrix.Cell c = m.cell(from, to);
                        String where = "seed " + seed + " " + from + " -> " + to + " " + ask + "\n" + net.dump();
                        assertEquals(allowed, c.allowed(), where);
                        assertEquals(possible.minus(allowed), c.undecided(), where);
                        Traffic shown = Traffic.NONE;
                        for (PathResult p : c.paths()) {
                            assertEquals(from, p.from().tier(), where);
                            assertEquals(to, p.to().tier(), where);
                            shown = shown.union(p.allowed()).union(p.undecided());
                        }
                        assertEquals(possible, shown, where);
                    }
                }
            }
        }
    }

    @Test
    void theLargeNetworkMatrixIsFast() {
        GeneratedNetwork net = GeneratedNetwork.large(42, 2000, 5000, 50000, 3000);
        long t0 = System.nanoTime();
        Reachability r = Reachability.of(net.model, TestNet.PROFILE);
        TierMatrix m = r.matrix(Traffic.ALL);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(m.tiers().contains("app"));
        // the target is 2 s on a 2-core machine; a generous bound here, so that a loaded build machine does not fail
        assertTrue(ms < 20_000, "build and matrix took " + ms + " ms");
    }
}
