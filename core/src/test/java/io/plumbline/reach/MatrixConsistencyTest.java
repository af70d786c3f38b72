package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    /** A hang guard, not a speed goal: the speed is bench/reachability_benchmark.sh's (2 s on 2 idle cores). */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theLargeNetworkMatrixIsBuilt() {
        GeneratedNetwork net = GeneratedNetwork.large(42, 2000, 5000, 50000, 3000);
        Reachability r = Reachability.of(net.model, TestNet.PROFILE);
        TierMatrix m = r.matrix(Traffic.ALL);
        assertTrue(m.tiers().contains("app"));
    }
}
