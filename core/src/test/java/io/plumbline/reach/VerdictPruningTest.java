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
        Reachability r = Reachability.of(load(fixture()), TestNet.PROFILE);
        int[] proofs = check(r, "unknown-links-3-stacks", new ArrayList<>(), true);
        // the copies live in different VPCs: most cross-copy pairs are settled by routing without an evaluation
        assertTrue(proofs[0] > 100, "pairs of interfaces proven denied by routing: " + proofs[0]);
    }

    @Test
    void referenceExampleAndCorpus() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        inputs.add(ReachabilityPropertyTest.root().resolve(
                "infra-reference/src/main/resources/io/plumbline/reference/terraform/reference.tfplan.json"));
        for (String kind : List.of("terraform", "cloudformation")) {
            try (Stream<Path> s = Files.list(Shared.corpus(kind))) {
                s.filter(p -> p.toString().matches(".*\\.(json|ya?ml|template)")).sorted().forEach(inputs::add);
            }
        }
        int models = 0;
        for (Path p : inputs) {
            Model m;
            try {
                m = load(p);
            } catch (RuntimeException e) {
                continue; // not an input the sources read: their tests say so
            }
            models++;
            check(Reachability.of(m, TestNet.PROFILE), p.getFileName().toString(), failures, false);
        }
        assertTrue(models > 50, "inputs read: " + models);
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

    private static Model load(Path p) {
        return Inputs.load(p, SourceOptions.DEFAULT);
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(VerdictPruningTest.class.getResource("unknown-links-3-stacks.tfplan.json").toURI());
    }
}
