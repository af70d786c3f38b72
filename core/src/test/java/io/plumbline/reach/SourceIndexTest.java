package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Reachability#mayReach} leaves out only sources whose path is empty: for every destination and several kinds
 * of traffic, every endpoint it leaves out has an empty answer when every interface pair is evaluated, nothing
 * pruned ({@link Reachability#unpruned}). And the index finds exactly the sources its own test admits
 * ({@link SourceIndex#mayPass}), every interface pair that test drops is empty in the evaluator, and the routing proof
 * shared by a route class ({@link RouteBarrier#deniesForeign}) is each subnet's own.
 *
 * <p>Inputs: the plan of three copies of the reference stack with unknown links (see {@link VerdictPruningTest}), the
 * reference example and every Terraform and CloudFormation input of the corpus. {@link UnknownLinksPropertyTest} holds
 * the index to the brute-force evaluator on generated networks of several VPCs with unknown links.
 */
class SourceIndexTest {

    @Test
    void manyStacksWithUnknownLinks() throws Exception {
        Reachability r = Reachability.of(Inputs.load(VerdictPruningTest.fixture(), SourceOptions.DEFAULT),
                TestNet.PROFILE);
        List<String> failures = new ArrayList<>();
        int[] counts = check(r, "unknown-links-3-stacks", failures);
        assertEquals(List.of(), failures);
        // most sources are left out: the copies cannot reach each other
        assertTrue(counts[0] * 2 < counts[1], "candidates " + counts[0] + " of " + counts[1] + " pairs");
    }

    @Test
    void referenceExampleAndCorpus() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Model> input : VerdictPruningTest.referenceAndCorpus().entrySet()) {
            check(Reachability.of(input.getValue(), TestNet.PROFILE), input.getKey(), failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    /** Returns {candidate pairs, pairs}. */
    static int[] check(Reachability r, String name, List<String> failures) {
        int candidates = 0;
        int pairs = 0;
        for (Endpoint b : r.endpoints()) {
            for (Traffic t : VerdictPruningTest.TRAFFIC) {
                Set<Endpoint> may = Collections.newSetFromMap(new IdentityHashMap<>());
                List<Endpoint> list = r.mayReach(b, t);
                may.addAll(list);
                if (may.size() != list.size()) failures.add(name + ": " + b + " " + t + ": an endpoint comes twice");
                for (int i = 1; i < list.size(); i++) {
                    if (r.endpoints().indexOf(list.get(i - 1)) >= r.endpoints().indexOf(list.get(i))) {
                        failures.add(name + ": " + b + " " + t + ": not in engine order: " + list);
                        break;
                    }
                }
                for (Endpoint a : r.endpoints()) {
                    pairs++;
                    if (may.contains(a)) {
                        candidates++;
                        continue;
                    }
                    Outcome full = r.unpruned(a, b, t);
                    if (!TrafficSets.and(full.possible(), t).isEmpty()) {
                        failures.add(name + ": " + a + " -> " + b + " " + t + " left out, but the evaluator gives "
                                + full);
                    }
                }
            }
        }
        // the index against its own per-pair test, and that test against the evaluator
        SourceIndex index = new SourceIndex(r.placement().allInterfaces, new RouteBarrier());
        for (Interface d : r.placement().allInterfaces) {
            for (Traffic t : VerdictPruningTest.TRAFFIC) {
                Set<Interface> found = Collections.newSetFromMap(new IdentityHashMap<>());
                index.collect(d, t, found::add);
                for (Interface s : r.placement().allInterfaces) {
                    boolean may = index.mayPass(s, d, t);
                    if (may != found.contains(s)) {
                        failures.add(name + ": " + s + " -> " + d + " " + t + ": the index " + (may ? "misses" : "adds")
                                + " it");
                    }
                    if (!may && !TrafficSets.and(r.pair(s, d, t).possible(), t).isEmpty()) {
                        failures.add(name + ": " + s + " -> " + d + " " + t + " said empty, but the evaluator gives "
                                + r.pair(s, d, t));
                    }
                }
            }
        }
        return new int[] {candidates, pairs};
    }
}
