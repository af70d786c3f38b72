package io.plumbline.cli;

import io.plumbline.api.Plumbline;
import io.plumbline.model.Model;
import io.plumbline.profile.Profile;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.PathResult;
import io.plumbline.reach.Reachability;
import io.plumbline.reach.Traffic;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.reports.PathQuery;
import io.plumbline.reports.PathsReport;
import io.plumbline.source.SourceOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "paths", mixinStandardHelpOptions = true,
        description = "Who can reach what: the tier-to-tier matrix, or each endpoint pair's verdict with its "
                + "witness hops (security groups, network ACLs, routes, listeners).",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the answer was printed",
                "  2  unusable input, or a bad tier, endpoint, protocol or port (usage error)",
                "Without --from and --to: the matrix (rows: from tier, columns: to tier; \"?\" = undecided).",
                "With --from and/or --to (a tier: internet, public, app, data, egress; or an endpoint's address):",
                "each pair's verdict (ALLOWED, PARTIAL, DENIED, UNKNOWN) and witness hops."})
final class PathsCommand implements Callable<Integer> {
    enum OutputFormat { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--from", paramLabel = "TIER|ADDRESS", description = "Source tier or endpoint address.")
    String from;

    @Option(names = "--to", paramLabel = "TIER|ADDRESS", description = "Destination tier or endpoint address.")
    String to;

    @Option(names = "--protocol", paramLabel = "PROTOCOL",
            description = "tcp, udp, icmp, icmpv6 or all (default: all; tcp when --ports is given).")
    String protocol;

    @Option(names = "--ports", paramLabel = "PORTS", description = "Ports and ranges, e.g. 443,80,1024-65535.")
    String ports;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    PlumblineProfileOptions profile;

    @Override
    public Integer call() {
        Traffic traffic = PathQuery.traffic(protocol, ports);
        Profile p = ReferenceArchitecture.profile(profile.file());
        Model model = Plumbline.inventory(input.files, new SourceOptions(input.parameters, input.region, input.sourceDir));
        Reachability reach = Reachability.of(model, p);
        List<Endpoint> endpoints = reach.endpoints();
        PrintWriter out = spec.commandLine().getOut();
        if (from == null && to == null) {
            var matrix = reach.matrix(traffic);
            if (format == OutputFormat.json) {
                PathsReport.matrixJson(matrix, traffic, endpoints, reach.tiers(), System.out);
            } else {
                PathsReport.matrixText(matrix, traffic, out);
                PathsReport.tiersText(reach.tiers(), endpoints, out);
            }
            return Main.OK;
        }
        Set<String> tiers = PathQuery.tiers(endpoints, p);
        List<Endpoint> sources = PathQuery.select(endpoints, tiers, from, "--from");
        List<Endpoint> targets = PathQuery.select(endpoints, tiers, to, "--to");
        List<PathResult> results = PathQuery.pairs(reach, sources, targets, traffic);
        if (format == OutputFormat.json) {
            PathsReport.pathsJson(results, traffic, System.out);
        } else {
            PathsReport.pathsText(results, traffic, out);
        }
        return Main.OK;
    }
}
