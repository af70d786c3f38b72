package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Reachability#verdict} skips interface pairs it can prove denied (the destination's groups admit nothing of
 * the source, or routing stops every flow: {@link RouteBarrier}). The skipping must never change an answer: for every
 * ordered pair of endpoints and several kinds of traffic, the verdict equals the union of the evaluator's answers over
 * every interface pair, and the allowed and undecided traffic of {@link Reachability#path}.
 *
 * <p>Inputs: a plan of three copies of the reference stack whose links are unknown until apply (the shape of issue
 * #11, written by {@code bench/unknown_links_benchmark.py --write 500 --exposed 1}: security groups' VPCs, the Aurora
 * cluster's groups, the ALB's subnets and some rules' peer groups unknown; one copy wired and exposed), the bundled
 * reference example, and every Terraform and CloudFormation input of the corpus.
 */
class VerdictPruningTest {
    static final List<Traffic> TRAFFIC = List.of(Traffic.ALL, Traffic.tcp(5432), Traffic.tcp(22, 443)
            .union(Traffic.of(Traffic.Protocol.UDP, PortSet.of(53))), Traffic.ALL.minus(Traffic.tcp(6379)));

    @Test
    void manyStacksWithUnknownLinks() throws Exception {
        Reachability r = Reachability.of(Inputs.load(fixture(), SourceOptions.DEFAULT), TestNet.PROFILE);
        int[] proofs = check(r, "unknown-links-3-stacks", new ArrayList<>(), true);
        // the copies live in different VPCs: most cross-copy pairs are settled by routing without an evaluation
        assertTrue(proofs[0] > 100, "pairs of interfaces proven denied by routing: " + proofs[0]);
    }

    @Test
    void referenceExampleAndCorpus() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Model> input : VerdictPruningTest.referenceAndCorpus().entrySet()) {
            check(Reachability.of(input.getValue(), TestNet.PROFILE), input.getKey(), failures, false);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    /** Checks every pair; returns {interface pairs proven denied by routing}. */
    private static int[] check(Reachability r, String name, List<String> failures, boolean failFast) {
        RouteBarrier barrier = new RouteBarrier();
        int proofs = 0;
        for (Endpoint a : r.endpoints()) {
            for (Endpoint b : r.endpoints()) {
                for (Interface s : r.interfaces(a)) {
                    for (Interface d : r.interfaces(b)) {
                        if (barrier.denies(s, d)) {
                            proofs++;
                            Outcome o = r.pair(s, d, Traffic.ALL);
                            if (!o.isEmpty()) failures.add(name + ": routing was said to deny " + s.label() + " -> "
                                    + d.label() + " but the evaluator gives " + o);
                        }
                    }
                }
                for (Traffic t : TRAFFIC) {
                    PathResult v = r.verdict(a, b, t);
                    Outcome full = r.unpruned(a, b, t);
                    Traffic allowed = TrafficSets.and(full.allowed(), t);
                    Traffic undecided = TrafficSets.and(full.possible(), t).minus(allowed);
                    if (!v.allowed().equals(allowed) || !v.undecided().equals(undecided)) {
                        failures.add(name + ": " + a + " -> " + b + " " + t + ": verdict " + v.allowed() + " / "
                                + v.undecided() + ", every interface pair " + allowed + " / " + undecided);
                    }
                }
                if (failFast) assertEquals(List.of(), failures);
            }
        }
        return new int[] {proofs};
    }

    /** The models of the reference plan and of every corpus input the sources read (more than 50), by file name. */
    static Map<String, Model> referenceAndCorpus() throws IOException {
        List<Path> inputs = new ArrayList<>();
        inputs.add(ReachabilityPropertyTest.root().resolve(
                "infra-reference/src/main/resources/io/plumbline/reference/terraform/reference.tfplan.json"));
        for (String kind : List.of("terraform", "cloudformation")) {
            try (Stream<Path> s = Files.list(Shared.corpus(kind))) {
                s.filter(p -> p.toString().matches(".*\\.(json|ya?ml|template)")).sorted().forEach(inputs::add);
            }
        }
        Map<String, Model> models = new java.util.LinkedHashMap<>();
        for (Path p : inputs) {
            try {
                models.put(p.getFileName().toString(), Inputs.load(p, SourceOptions.DEFAULT));
            } catch (RuntimeException e) {
                // not an input the sources read: their tests say so
            }
        }
        assertTrue(models.size() > 50, "inputs read: " + models.size());
        return models;
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(VerdictPruningTest.class.getResource("unknown-links-3-stacks.tfplan.json").toURI());
    }
}
