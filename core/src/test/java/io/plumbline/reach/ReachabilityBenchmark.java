package io.plumbline.reach;

import io.plumbline.model.Model;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.profile.Profile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the reachability engine on a large generated network (not a test: surefire does not pick it up; run it
 * with {@code bench/reachability_benchmark.sh}). Full size: 2,000 subnets, 5,000 security groups, 50,000 SG rules
 * (CIDR and SG-reference peers, port ranges), NACLs, route tables with NATs, 3,000 endpoints across the public, app
 * and data tiers. For each scale it prints the wall time of {@code Reachability.of(model, profile)} (build) and of
 * {@code matrix(Traffic.ALL)}: the first (cold) run, then the median of several runs after warm-up; plus heap figures.
 * It prints, it does not judge (the goal: the full-size tier matrix in at most 2 s on a 2-core machine).
 *
 * <p>Arguments: {@code [--scales 0.1,0.5,1] [--runs 5] [--warmup 2] [--seed 42]}.
 */
public final class ReachabilityBenchmark {

    private ReachabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double[] scales = {0.1, 0.5, 1.0};
        int runs = 5;
        int warmup = 2;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scales" -> scales = Arrays.stream(args[++i].split(",")).mapToDouble(Double::parseDouble).toArray();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --scales 0.1,0.5,1 --runs 5 --warmup 2 --seed 42)");
            }
        }
        Profile profile = ReachabilityPropertyTest.referenceProfile();
        System.out.printf(Locale.ROOT, "reachability benchmark: %d cores, max heap %d MB, java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        for (double scale : scales) run(scale, seed, runs, warmup, profile);
    }

    private static void run(double scale, long seed, int runs, int warmup, Profile profile) {
        int subnets = (int) Math.round(2000 * scale);
        int groups = (int) Math.round(5000 * scale);
        int rules = (int) Math.round(50000 * scale);
        int endpoints = (int) Math.round(3000 * scale);
        long g0 = System.nanoTime();
        GeneratedNetwork net = GeneratedNetwork.large(seed, subnets, groups, rules, endpoints);
        long genMs = (System.nanoTime() - g0) / 1_000_000;
        Model model = net.model;
        int sgRules = 0;
        for (SecurityGroup g : model.all(SecurityGroup.class)) sgRules += g.rules.size();
        int naclEntries = 0;
        for (NetworkAcl n : model.all(NetworkAcl.class)) naclEntries += n.entries.size();
        System.out.printf(Locale.ROOT, "%n== scale %s: %d subnets, %d security groups, %d SG rules, %d NACLs (%d entries), "
                        + "%d route tables, %d instances, %d load balancers, %d resources (generated in %d ms)%n",
                scale, model.all(Subnet.class).size(), model.all(SecurityGroup.class).size(), sgRules,
                model.all(NetworkAcl.class).size(), naclEntries, model.all(RouteTable.class).size(),
                model.all(Instance.class).size(), model.all(LoadBalancer.class).size(), model.resources().size(), genMs);

        long baseline = usedAfterGc();
        resetPeaks();
        // Cold: the first build and matrix of this JVM at this scale.
        long t0 = System.nanoTime();
        Reachability reach = Reachability.of(model, profile);
        long t1 = System.nanoTime();
        TierMatrix matrix = reach.matrix(Traffic.ALL);
        long t2 = System.nanoTime();
        long peak = peakHeap();
        long retained = usedAfterGc() - baseline;
        double coldBuild = (t1 - t0) / 1e6;
        double coldMatrix = (t2 - t1) / 1e6;
        System.out.printf(Locale.ROOT, "cold   : build %9.1f ms   matrix %9.1f ms   total %9.1f ms%n", coldBuild, coldMatrix,
                coldBuild + coldMatrix);
        System.out.printf(Locale.ROOT, "heap   : model %d MB; engine + matrix retained %d MB; peak heap during the cold run "
                + "%d MB%n", baseline >> 20, retained >> 20, peak >> 20);
        System.out.printf(Locale.ROOT, "matrix : %d endpoints, %d tiers %s%n", reach.endpoints().size(), matrix.tiers().size(),
                matrix.tiers());
        printMatrix(matrix);

        if (coldBuild + coldMatrix > 120_000) {
            System.out.println("(cold run over 2 minutes: no warm runs at this scale)");
            return;
        }
        for (int i = 0; i < warmup; i++) {
            Reachability r = Reachability.of(model, profile);
            sink ^= r.matrix(Traffic.ALL).hashCode();
        }
        List<Double> builds = new ArrayList<>();
        List<Double> matrices = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            Reachability r = Reachability.of(model, profile);
            long b = System.nanoTime();
            sink ^= r.matrix(Traffic.ALL).hashCode();
            long c = System.nanoTime();
            builds.add((b - a) / 1e6);
            matrices.add((c - b) / 1e6);
            totals.add((c - a) / 1e6);
        }
        System.out.printf(Locale.ROOT, "warm   : build %9.1f ms   matrix %9.1f ms   total %9.1f ms   (median of %d after %d "
                        + "warm-up; matrix min %.1f max %.1f)%n", median(builds), median(matrices), median(totals), runs, warmup,
                matrices.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                matrices.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        // also: the matrix asked again of the engine built first (an engine may keep its answers)
        List<Double> again = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            sink ^= reach.matrix(Traffic.ALL).hashCode();
            again.add((System.nanoTime() - a) / 1e6);
        }
        System.out.printf(Locale.ROOT, "again  : matrix asked again of the same engine %9.1f ms (median of %d)%n", median(again),
                runs);
        if (sink == 42) System.out.println();
    }

    private static volatile int sink;

    private static void printMatrix(TierMatrix m) {
        for (String from : m.tiers()) {
            StringBuilder sb = new StringBuilder("  ").append(String.format(Locale.ROOT, "%-9s", from)).append(" ->");
            for (String to : m.tiers()) {
                TierMatrix.Cell c = m.cell(from, to);
                String s = c == null ? "-" : c.allowed().isEmpty() ? (c.undecided().isEmpty() ? "none" : "?" + c.undecided())
                        : c.allowed().toString();
                if (s.length() > 28) s = s.substring(0, 25) + "...";
                sb.append(String.format(Locale.ROOT, " %s: %-28s", to, s));
            }
            System.out.println(sb);
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    /** Sum of the heap pools' peaks since the reset (an upper bound of the peak heap in use). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
