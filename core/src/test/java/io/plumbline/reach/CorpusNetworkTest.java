package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.blocking;
import static io.plumbline.reach.PathAssertions.hop;
import static io.plumbline.reach.PathAssertions.undecided;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.PathResult.Reach;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real inputs from the shared corpus. */
class CorpusNetworkTest {

    /**
     * tfcompliance vpc_alb_listener_sg: an internet-facing NLB in two public subnets with listeners TCP 80, TCP 53 and
     * UDP 1443, and a group that allows tcp 443 and 80 from 0.0.0.0/0. The public route table's 0.0.0.0/0 route has a
     * target whose kind the plan does not say (known only after apply).
     */
    @Test
    void theNlbOfTfcompliance() {
        Model m = Inputs.load(Shared.corpus("terraform").resolve("tfcompliance__vpc_alb_listener_sg_0.12.10.json"),
                SourceOptions.DEFAULT);
        Reachability r = Reachability.of(m, TestNet.PROFILE);
        String nlb = "aws_lb.nlb-noncompliant";
        assertEquals("public", PathAssertions.endpoint(r, nlb).tier());
        // 443: the group allows it, but no listener takes it
        PathResult https = PathAssertions.path(r, Endpoint.INTERNET, nlb, Traffic.tcp(443));
        assertReach(Reach.DENIED, https);
        assertEquals("ELBV2_LISTENERS_MISMATCH", blocking(https).code());
        // udp 1443 and tcp 53: listeners, but the group does not allow them
        for (Traffic t : List.of(Traffic.of(Traffic.Protocol.UDP, PortSet.of(1443)), Traffic.tcp(53))) {
            PathResult p = PathAssertions.path(r, Endpoint.INTERNET, nlb, t);
            assertReach(Reach.DENIED, p);
            assertEquals(Layer.DESTINATION_SECURITY_GROUP_INGRESS, blocking(p).layer(), t.toString());
        }
        // 80: everything allows it, except that the replies' route target is unknown
        PathResult http = PathAssertions.path(r, Endpoint.INTERNET, nlb, Traffic.tcp(80));
        assertReach(Reach.UNKNOWN, http);
        Hop u = undecided(http);
        assertEquals(Layer.ROUTE, u.layer());
        assertTrue(u.element().contains("known only after apply"), u.toString());
        hop(http, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW);
        hop(http, Layer.LOAD_BALANCER_LISTENER, Decision.ALLOW);
    }

    /** Every corpus input: the engine builds, answers every pair and its matrix, and never allows what is undecided. */
    @Test
    void everyCorpusInputIsAnswered() throws IOException {
        List<String> failures = new ArrayList<>();
        int files = 0;
        for (String kind : List.of("terraform", "cloudformation")) {
            List<Path> inputs;
            try (Stream<Path> s = Files.list(Shared.corpus(kind))) {
                inputs = s.filter(p -> p.toString().matches(".*\\.(json|ya?ml|template)")).sorted().toList();
            }
            for (Path p : inputs) {
                Model m;
                try {
                    m = Inputs.load(p, SourceOptions.DEFAULT);
                } catch (RuntimeException e) {
                    continue; // not an input the sources read: their tests say so
                }
                files++;
                try {
                    Reachability r = Reachability.of(m, TestNet.PROFILE);
                    Traffic t = Traffic.tcp(22, 443).union(Traffic.of(Traffic.Protocol.UDP, PortSet.of(53)));
                    for (Endpoint a : r.endpoints()) {
                        for (Endpoint b : r.endpoints()) {
                            PathResult x = r.path(a, b, t);
                            if (!t.containsAll(x.allowed().union(x.undecided()))
                                    || !x.allowed().intersect(x.undecided()).isEmpty() || x.reason() == null) {
                                failures.add(p.getFileName() + ": " + a + " -> " + b + ": " + x);
                            }
                        }
                    }
                    r.matrix(t);
                } catch (RuntimeException e) {
                    failures.add(p.getFileName() + ": " + e);
                }
            }
        }
        assertTrue(files > 50, "corpus inputs read: " + files);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
