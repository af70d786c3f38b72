package io.plumbline.rules.network;

import io.plumbline.model.Kind;
import io.plumbline.model.Certainty;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.SgRules;
import io.plumbline.rules.support.SgRules.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * NET-009. No security group lets the internet ({@code 0.0.0.0/0}, {@code ::/0}: any CIDR of prefix length 0) reach
 * an admin port of the profile ({@code network.adminPorts}, 22 and 3389) over TCP, or all ports (protocol -1, another
 * port-less protocol, or tcp/udp 0–65535); and no EKS node group has SSH remote access without source security
 * groups (EKS then opens port 22 to 0.0.0.0/0). One finding per security group and per node group.
 *
 * <p>An ingress rule whose protocol, ports or peer are unknown makes the group UNKNOWN when it could open such a
 * port to the internet; a prefix-list peer counts as unknown (its entries are not in the input); a rule list that is
 * incomplete ({@code rulesComplete} unknown) makes the group UNKNOWN unless a failing rule is already known. A node
 * group without remote access configured passes (no SSH key, no port opened).
 *
 * <p>A standalone rule on a group the input does not declare lands on a placeholder group (see docs/sources.md): the
 * rule is judged there, so tcp 22 from 0.0.0.0/0 fails whatever group it is added to; otherwise such a group is
 * UNKNOWN, its other rules not being in the input. Ports, protocols and blocks AWS would reject are unknown in the
 * model (RuleValues), so they give UNKNOWN with the reason, never a pass.
 */
@RuleInfo(
        id = "NET-009",
        title = "No security group exposes admin ports (22, 3389) or all ports to 0.0.0.0/0 or ::/0; node groups have "
                + "no open SSH remote access",
        severity = Severity.CRITICAL,
        group = "network-paths",
        rationale = "Admin ports are the most scanned entry points.",
        remediation = "Remove ingress rules that allow 0.0.0.0/0 or ::/0 to ports 22 or 3389 or to all ports; reach "
                + "nodes through SSM Session Manager, or a bastion security group. For EKS node groups, drop "
                + "remote_access or give it source_security_group_ids (CloudFormation: RemoteAccess.SourceSecurityGroups).",
        controls = {"SH EC2.13", "SH EC2.14", "SH EC2.19", "CIS 5.2", "CIS 5.3", "NIST AC-4", "NIST AC-4(21)",
                "NIST CM-7", "NIST SC-7", "NIST SC-7(11)", "NIST SC-7(16)", "NIST SC-7(21)", "NIST SC-7(4)",
                "NIST SC-7(5)", "CKV CKV_AWS_24", "CKV CKV_AWS_25", "CKV CKV_AWS_277", "CKV CKV_AWS_100",
                "AVD AVD-AWS-0107", "NAG NAG-R5 EC2RestrictedSSH", "NAG NAG-R5 EC2RestrictedCommonPorts"},
        reads = {Kind.SECURITY_GROUP, Kind.NODE_GROUP})
public final class NoAdminPortsOpenToInternet implements Rule {

    @Override
    public void check(RuleContext ctx) {
        List<Integer> ports = ctx.profile().network().adminPorts();
        for (SecurityGroup sg : ctx.model().all(SecurityGroup.class)) {
            if (Fields.deleted(sg)) continue;
            ctx.report(sg, securityGroup(sg, ports).verdict());
        }
        for (NodeGroup ng : ctx.model().all(NodeGroup.class)) {
            if (Fields.deleted(ng)) continue;
            ctx.report(ng, nodeGroup(ng).verdict());
        }
    }

    private static Checks securityGroup(SecurityGroup sg, List<Integer> ports) {
        String portList = ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
        Checks v = new Checks("no ingress rule opens port " + portList + " or all ports to 0.0.0.0/0 or ::/0");
        if (sg.rulesComplete.isUnknown()) {
            v.unknown("the group's rule list is incomplete: " + sg.rulesComplete.note(),
                    Evidence.of("rulesComplete", sg.rulesComplete, "true"));
        }
        int ingress = 0;
        for (SgRule r : sg.rules) {
            if (r.direction() != SgRule.Direction.INGRESS) continue;
            ingress++;
            Match peer = SgRules.fromInternet(r);
            if (peer == Match.NO) continue;
            String rule = describe(sg, r);
            Evidence e = new Evidence("ingress " + SgRules.describeTraffic(r), SgRules.describePeer(r),
                    "no admin port or all ports from 0.0.0.0/0 or ::/0", certainty(r), r.location());
            List<String> open = new ArrayList<>();
            boolean maybe = false;
            Match all = SgRules.coversAllPorts(r);
            if (all == Match.YES) open.add("all ports");
            maybe |= all == Match.UNKNOWN;
            if (all != Match.YES) {
                for (int p : ports) {
                    Match m = SgRules.coversTcpPort(r, p);
                    if (m == Match.YES) open.add("port " + p);
                    maybe |= m == Match.UNKNOWN;
                }
            }
            if (peer == Match.YES && !open.isEmpty()) {
                v.fail(rule + " opens " + String.join(" and ", open) + " (" + SgRules.describeTraffic(r) + ") to "
                        + SgRules.describePeer(r), e);
            } else if (peer == Match.YES && maybe) {
                // an unknown protocol already shows its reason in the traffic; unknown ports are shown as "?"
                String why = r.protocol().isUnknown() ? null : SgRules.whyTrafficUnknown(r);
                v.unknown(rule + " is open to " + SgRules.describePeer(r) + " but its protocol or ports are unknown ("
                        + SgRules.describeTraffic(r) + (why == null ? "" : ": " + why) + ")", e);
            } else if (peer == Match.UNKNOWN && (!open.isEmpty() || maybe)) {
                v.unknown(rule + " allows " + SgRules.describeTraffic(r) + " from " + SgRules.describePeer(r)
                        + (r.peerKind() == SgRule.PeerKind.PREFIX_LIST ? ", whose entries are not in the input" : "")
                        + ", so whether it is open to the internet is unknown", e);
            }
        }
        v.pass(Evidence.of("ingress rules", ingress + " checked", "none open to 0.0.0.0/0 or ::/0 on port "
                + portList + " or all ports", sg.location()));
        return v;
    }

    private static Checks nodeGroup(NodeGroup ng) {
        Checks v = new Checks("SSH remote access is closed or limited to source security groups");
        Evidence key = Evidence.of("sshKey", ng.sshKey, "no SSH key, or source security groups");
        if (ng.sshKey.isUnknown() && !Fields.absentFromInput(ng.sshKey)) {
            return v.unknown("whether the node group has SSH remote access is unknown: " + ng.sshKey.note(), key);
        }
        if (!Fields.hasText(ng.sshKey)) {
            return v.pass(Evidence.of("sshKey", "(not set)", "no SSH key, or source security groups",
                    ng.location()));
        }
        var sources = ng.sshSourceSecurityGroups;
        Evidence src = Evidence.of("sshSourceSecurityGroups", sources, "at least one security group");
        if (sources.isUnknown() && !Fields.absentFromInput(sources)) {
            return v.note(key).unknown("the node group has SSH key " + Fields.shown(ng.sshKey) + " but its source security "
                    + "groups are unknown: " + sources.note(), src);
        }
        if (!sources.isPresent() || sources.get().isEmpty()) {
            return v.note(key).fail("the node group has SSH key " + Fields.shown(ng.sshKey) + " and no source security "
                    + "groups, so EKS opens port 22 to 0.0.0.0/0", src);
        }
        return v.pass(key).pass(src);
    }

    private static String describe(SecurityGroup sg, SgRule r) {
        String origin = r.origin() == null || r.origin().equals(sg.address()) ? "inline ingress rule of " + sg.address()
                : "ingress rule " + r.origin();
        return r.description() == null || r.description().isBlank() ? origin
                : origin + " (\"" + r.description() + "\")";
    }

    private static Certainty certainty(SgRule r) {
        if (r.protocol().isUnknown() || SgRules.whyTrafficUnknown(r) != null
                || r.peerCidr().isUnknown() && (r.peerKind() == SgRule.PeerKind.CIDR_IPV4
                || r.peerKind() == SgRule.PeerKind.CIDR_IPV6)) {
            return Certainty.UNKNOWN;
        }
        return r.protocol().certainty();
    }
}
