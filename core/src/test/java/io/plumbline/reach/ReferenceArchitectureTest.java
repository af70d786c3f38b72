package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.blocking;
import static io.plumbline.reach.PathAssertions.hop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.profile.Profile;
import io.plumbline.profile.ProfileLoader;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.PathResult.Reach;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled reference architecture, as a Terraform plan and as a CloudFormation template: the intent table of
 * catalog §11.2 holds, with full witnesses.
 */
class ReferenceArchitectureTest {

    static Path dir() {
        String root = System.getProperty("plumbline.root", Path.of("").toAbsolutePath().getParent().toString());
        return Path.of(root, "infra-reference/src/main/resources/io/plumbline/reference");
    }

    static Profile profile() throws IOException {
        try (InputStream in = Files.newInputStream(dir().resolve("profile.yaml"))) {
            return ProfileLoader.load(in, "reference profile", null);
        }
    }

    /** The input, and its names for the ALB, the critical node group, Aurora and Redis. */
    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("terraform/reference.tfplan.json", "aws_lb.public", "aws_eks_node_group.critical",
                        "aws_eks_node_group.spot", "module.aurora.aws_rds_cluster.this", "aws_elasticache_replication_group.redis"),
                Arguments.of("cloudformation/reference.cfn.yaml", "ApplicationLoadBalancer", "CriticalNodeGroup",
                        "SpotNodeGroup", "AuroraCluster", "RedisReplicationGroup"));
    }

    private static Reachability engine(String file) throws IOException {
        Model m = Inputs.load(dir().resolve(file), SourceOptions.DEFAULT);
        return Reachability.of(m, profile());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theInternetReachesTheAlbOnItsListenersWithAFullWitness(String file, String alb, String nodes, String spot,
                                                                String aurora, String redis) throws IOException {
        Reachability r = engine(file);
        assertEquals("public", PathAssertions.endpoint(r, alb).tier());
        for (int port : new int[] {443, 80}) {
            PathResult p = PathAssertions.path(r, Endpoint.INTERNET, alb, Traffic.tcp(port));
            assertReach(Reach.ALLOWED, p);
            // every hop of the way, in order, each pointing at its declaration
            List<Layer> layers = p.witness().stream().filter(h -> h.decision() == Decision.ALLOW).map(Hop::layer)
                    .distinct().toList();
            assertEquals(List.of(Layer.PLACEMENT, Layer.INTERNET_GATEWAY, Layer.ROUTE, Layer.DESTINATION_SUBNET_ACL_INBOUND,
                    Layer.DESTINATION_SECURITY_GROUP_INGRESS, Layer.LOAD_BALANCER_LISTENER, Layer.RETURN_SUBNET_ACL), layers);
            for (Hop h : p.witness()) {
                assertEquals(Decision.ALLOW, h.decision(), h.toString());
                assertNotNull(h.location().file(), h.toString());
            }
            Hop rule = hop(p, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW);
            assertTrue(rule.element().contains("tcp " + port) && rule.element().contains("0.0.0.0/0"), rule.toString());
            Hop acl = hop(p, Layer.DESTINATION_SUBNET_ACL_INBOUND, Decision.ALLOW);
            assertTrue(acl.element().contains(port == 443 ? "rule 100" : "rule 110"), acl.toString());
            assertTrue(hop(p, Layer.ROUTE, Decision.ALLOW).element().contains("0.0.0.0/0 -> "), p.reason());
            assertTrue(hop(p, Layer.LOAD_BALANCER_LISTENER, Decision.ALLOW).element().contains(String.valueOf(port)));
            assertTrue(p.reason().startsWith("tcp " + port + " passes"), p.reason());
        }
        PathResult ssh = PathAssertions.path(r, Endpoint.INTERNET, alb, Traffic.tcp(22));
        assertReach(Reach.DENIED, ssh);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theInternetReachesNothingBehindTheAlb(String file, String alb, String nodes, String spot, String aurora,
                                               String redis) throws IOException {
        Reachability r = engine(file);
        for (String target : List.of(nodes, spot, aurora, redis)) {
            PathResult p = PathAssertions.path(r, Endpoint.INTERNET, target, Traffic.ALL);
            assertReach(Reach.DENIED, p);
            assertEquals("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", blocking(p).code(), target);
        }
        TierMatrix m = r.matrix(Traffic.ALL);
        assertEquals(Traffic.tcp(80, 443), m.cell("internet", "public").allowed());
        for (String tier : List.of("app", "data", "egress")) {
            assertTrue(m.cell("internet", tier).allowed().isEmpty(), tier);
            assertTrue(m.cell("internet", tier).undecided().isEmpty(), tier);
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theAppTierReachesTheDataTierOnItsPortsOnly(String file, String alb, String nodes, String spot, String aurora,
                                                    String redis) throws IOException {
        Reachability r = engine(file);
        assertEquals("app", PathAssertions.endpoint(r, nodes).tier());
        assertEquals("data", PathAssertions.endpoint(r, aurora).tier());
        assertEquals("data", PathAssertions.endpoint(r, redis).tier());
        PathResult pg = PathAssertions.path(r, nodes, aurora, Traffic.tcp(5432));
        assertReach(Reach.ALLOWED, pg);
        assertTrue(hop(pg, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW).element().contains("tcp 5432"));
        assertTrue(hop(pg, Layer.RETURN_SUBNET_ACL, Decision.ALLOW).element().contains("1024-65535"));
        PathResult ssh = PathAssertions.path(r, nodes, aurora, Traffic.tcp(22));
        assertReach(Reach.DENIED, ssh);
        assertEquals("SUBNET_ACL_RESTRICTION", blocking(ssh).code());
        assertReach(Reach.ALLOWED, PathAssertions.path(r, nodes, redis, Traffic.tcp(6379)));
        assertReach(Reach.DENIED, PathAssertions.path(r, nodes, redis, Traffic.tcp(5432)));
        assertReach(Reach.DENIED, PathAssertions.path(r, spot, aurora, Traffic.tcp(6379)));

        PathResult albToDb = PathAssertions.path(r, alb, aurora, Traffic.ALL);
        assertReach(Reach.DENIED, albToDb);
        Hop first = blocking(albToDb);
        assertEquals(Layer.SOURCE_SECURITY_GROUP_EGRESS, first.layer());
        assertEquals("ENI_SG_RULES_MISMATCH", first.code());
        assertReach(Reach.DENIED, PathAssertions.path(r, alb, redis, Traffic.ALL));
        // the ALB reaches the nodes on the target ports
        PathResult targets = PathAssertions.path(r, alb, nodes, Traffic.tcp(PortSet.range(8080, 8443)));
        assertReach(Reach.ALLOWED, targets);

        TierMatrix m = r.matrix(Traffic.ALL);
        assertEquals(Traffic.tcp(5432, 6379), m.cell("app", "data").allowed());
        assertTrue(m.cell("public", "data").allowed().isEmpty());
        assertTrue(m.cell("public", "data").undecided().isEmpty());
        assertTrue(m.cell("data", "internet").allowed().isEmpty());
        assertFalse(m.cell("app", "data").paths().isEmpty());
        for (PathResult p : m.cell("app", "data").paths()) assertEquals("data", p.to().tier());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theNodesReachTheInternetThroughTheNatGateways(String file, String alb, String nodes, String spot, String aurora,
                                                       String redis) throws IOException {
        Reachability r = engine(file);
        PathResult p = PathAssertions.path(r, nodes, Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.ALLOWED, p);
        assertTrue(p.witness().stream().anyMatch(h -> h.layer() == Layer.ROUTE && h.element().contains("nat")
                || h.layer() == Layer.ROUTE && h.element().contains("Nat")), PathAssertions.show(p));
        // the data tier has no route out
        PathResult out = PathAssertions.path(r, aurora, Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.DENIED, out);
    }
}
