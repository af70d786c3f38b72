package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Provenance;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.PortSet;
import io.plumbline.reach.TierMatrix;
import io.plumbline.reach.Traffic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The words of {@code plumbline paths}: traffic, tiers and endpoints, and the matrix grid. */
class PathQueryTest {

    @Test
    void trafficFromProtocolAndPorts() {
        assertEquals(Traffic.ALL, PathQuery.traffic(null, null));
        assertEquals(Traffic.ALL, PathQuery.traffic("all", null));
        assertEquals(Traffic.tcp(PortSet.of(80, 443).union(PortSet.range(1024, 65535))),
                PathQuery.traffic("tcp", "443,80,1024-65535"));
        assertEquals(Traffic.tcp(5432), PathQuery.traffic(null, "5432"), "ports alone mean tcp");
        assertEquals(Traffic.of(Traffic.Protocol.UDP, PortSet.of(53)), PathQuery.traffic("UDP", "53"));
        assertEquals(Traffic.of(Traffic.Protocol.ICMP, PortSet.ALL), PathQuery.traffic("icmp", null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PathQuery.traffic("sctp", null)).getMessage()
                .contains("sctp"));
        assertThrows(IllegalArgumentException.class, () -> PathQuery.traffic("icmp", "8"));
        assertThrows(IllegalArgumentException.class, () -> PathQuery.traffic("tcp", "99999"));
        assertThrows(IllegalArgumentException.class, () -> PathQuery.traffic("tcp", "443-80"));
        assertThrows(IllegalArgumentException.class, () -> PathQuery.traffic("tcp", "https"));
    }

    @Test
    void endpointsByTierOrAddress() {
        Endpoint internet = new Endpoint(Endpoint.INTERNET, "internet", null);
        Endpoint alb = new Endpoint("aws_lb.public", "public", new LoadBalancer("aws_lb.public", "aws_lb",
                Provenance.NONE));
        List<Endpoint> all = List.of(internet, alb);
        Set<String> tiers = PathQuery.tiers(all, null);
        assertEquals(List.of(alb), PathQuery.select(all, tiers, "Public", "--to"));
        assertEquals(List.of(), PathQuery.select(all, tiers, "data", "--to"), "a known tier without endpoints");
        assertEquals(List.of(alb), PathQuery.select(all, tiers, "aws_lb.public", "--to"));
        assertEquals(all, PathQuery.select(all, tiers, null, "--to"));
        String msg = assertThrows(IllegalArgumentException.class,
                () -> PathQuery.select(all, tiers, "dmz", "--from")).getMessage();
        assertTrue(msg.contains("--from 'dmz'") && msg.contains("internet, public, app, data, egress"), msg);
    }

    @Test
    void theMatrixIsAGridWithUndecidedTrafficMarked() {
        var cells = Map.of(
                "internet", Map.of(
                        "internet", new TierMatrix.Cell("internet", "internet", Traffic.NONE, Traffic.NONE, List.of()),
                        "public", new TierMatrix.Cell("internet", "public", Traffic.tcp(443, 80), Traffic.NONE,
                                List.of())),
                "public", Map.of(
                        "public", new TierMatrix.Cell("public", "public", Traffic.NONE, Traffic.NONE, List.of()),
                        "internet", new TierMatrix.Cell("public", "internet", Traffic.NONE, Traffic.tcp(22),
                                List.of())));
        TierMatrix m = new TierMatrix(List.of("internet", "public"), cells);
        StringWriter sw = new StringWriter();
        PathsReport.matrixText(m, Traffic.ALL, new PrintWriter(sw));
        List<String> lines = sw.toString().lines().toList();
        assertTrue(lines.get(0).contains("all traffic"), lines.get(0));
        assertTrue(lines.get(1).startsWith("from \\ to"), lines.get(1));
        assertTrue(lines.get(2).startsWith("internet") && lines.get(2).contains("tcp 80, 443"), lines.get(2));
        assertTrue(lines.get(3).startsWith("public") && lines.get(3).contains("?tcp 22"), lines.get(3));
    }
}
