package io.plumbline.rules.replication;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.ops.EcrRepository;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * REP-006. Every ECR repository's images are replicated to the profile's secondary region. Replication is set per
 * registry (one configuration per account and region: {@code aws_ecr_replication_configuration},
 * {@code AWS::ECR::ReplicationConfiguration}, live {@code ecr:DescribeRegistry}); a rule copies the repositories its
 * filters select (prefix matches on the repository name; no filter: every repository) to each destination region.
 * A repository passes when a configuration of its own region has a rule with a destination in the secondary region
 * whose filters select its name; it fails when the configuration exists and none does (the finding says which filters
 * there are). A repository in the secondary region itself is not applicable (replicas land there).
 *
 * <p>A plan or template without a configuration for the repository's region cannot tell: the registry's settings may
 * be managed outside it (UNKNOWN, with that reason). Live, {@code DescribeRegistry} always answers: no rules = FAIL.
 * Configuration and repository are matched by region (a CloudFormation template's resources share its stack's).
 */
@RuleInfo(
        id = "REP-006",
        title = "ECR images are replicated to the secondary region",
        severity = Severity.MEDIUM,
        group = "replication",
        rationale = "EKS in the recovery region must be able to pull its images while the primary region is down.",
        remediation = "Add an aws_ecr_replication_configuration (CloudFormation: AWS::ECR::ReplicationConfiguration) "
                + "with a rule whose destination is the secondary region and whose repository filters (PREFIX_MATCH) "
                + "cover every repository.",
        controls = {},
        reads = {Kind.ECR_REPOSITORY, Kind.ECR_REPLICATION_CONFIGURATION})
public final class EcrImagesReplicated implements Rule {

    @Override
    public void check(RuleContext ctx) {
        Profile profile = ctx.profile();
        String secondary = profile.secondaryRegion();
        List<EcrReplicationConfiguration> configs = new ArrayList<>();
        for (EcrReplicationConfiguration c : ctx.model().all(EcrReplicationConfiguration.class)) {
            if (!Fields.deleted(c)) configs.add(c);
        }
        for (EcrRepository repo : ctx.model().all(EcrRepository.class)) {
            if (Fields.deleted(repo)) continue;
            Evidence nameEvidence = Evidence.of("name", repo.name, "a name the filters select");
            if (secondary == null || secondary.isBlank()) {
                ctx.unknown(repo, "the profile names no secondaryRegion", nameEvidence);
                continue;
            }
            if (repo.region.is(secondary)) {
                ctx.notApplicable(repo, "this repository is in the secondary region " + secondary + ", where replicas "
                        + "land", Evidence.of("region", repo.region, "the primary region"));
                continue;
            }
            List<EcrReplicationConfiguration> mine = new ArrayList<>();
            boolean regionOpen = false;
            for (EcrReplicationConfiguration c : configs) {
                Boolean same = sameRegion(repo, c);
                if (same == null) regionOpen = true;
                else if (same) mine.add(c);
            }
            if (mine.isEmpty()) {
                ctx.unknown(repo, regionOpen ? "the region of the ECR replication configuration or of this repository "
                        + "is unknown, so which one applies cannot be told"
                        : "no ECR replication configuration for this repository's region in this input: the registry's "
                        + "replication is set per account and region, perhaps outside this input", nameEvidence);
                continue;
            }
            judge(ctx, repo, mine.get(0), secondary, nameEvidence);
        }
    }

    private void judge(RuleContext ctx, EcrRepository repo, EcrReplicationConfiguration c, String secondary,
                       Evidence nameEvidence) {
        Value<List<EcrReplicationConfiguration.Rule>> rules = c.rules;
        Evidence re = Evidence.of("replication rules of " + c.address(), rules, "a rule to " + secondary);
        if (rules.isUnknown()) {
            ctx.unknown(repo, "the registry's replication rules are unknown: " + rules.note(), re);
            return;
        }
        if (rules.get() == null || rules.get().isEmpty()) {
            ctx.fail(repo, "the registry's replication configuration " + c.address() + " has no rules: no image is "
                    + "copied to " + secondary, re);
            return;
        }
        if (repo.name.isUnknown()) {
            ctx.unknown(repo, "the repository name is unknown (" + repo.name.note() + "), so the filters cannot be "
                    + "matched", nameEvidence, re);
            return;
        }
        String name = repo.name.orElse("");
        List<String> reasons = new ArrayList<>();
        String open = null;
        int n = 0;
        for (EcrReplicationConfiguration.Rule r : rules.get()) {
            n++;
            Value<List<EcrReplicationConfiguration.Destination>> dests = r.destinations();
            boolean toSecondary = false;
            List<String> regions = new ArrayList<>();
            if (dests.isUnknown()) {
                open = "the destinations of rule " + n + " are unknown: " + dests.note();
                continue;
            }
            for (EcrReplicationConfiguration.Destination d : dests.orElse(List.of())) {
                if (d.region().isUnknown()) open = "a destination region of rule " + n + " is unknown: "
                        + d.region().note();
                else if (d.region().is(secondary)) toSecondary = true;
                else regions.add(Fields.why(d.region()));
            }
            if (!toSecondary) {
                reasons.add("rule " + n + " replicates to " + (regions.isEmpty() ? "no region" : regions) + ", not "
                        + secondary);
                continue;
            }
            Value<List<String>> filters = r.prefixFilters();
            Evidence fe = Evidence.of("rule " + n + " repository filters", filters, "a prefix of " + name);
            if (filters.isUnknown()) {
                open = "the repository filters of rule " + n + " are unknown: " + filters.note();
                continue;
            }
            List<String> types = r.filterTypes().orElse(List.of());
            for (String t : types) {
                if (!"PREFIX_MATCH".equals(t.toUpperCase(Locale.ROOT))) {
                    open = "rule " + n + " has a filter of type " + t + ", which ECR does not document";
                }
            }
            List<String> prefixes = filters.orElse(List.of());
            if (prefixes.isEmpty()) {
                ctx.pass(repo, "the registry replicates every repository to " + secondary + " (rule " + n + " of "
                        + c.address() + ", no repository filter)", re, fe);
                return;
            }
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    ctx.pass(repo, "repository " + name + " is replicated to " + secondary + ": rule " + n + " of "
                            + c.address() + " selects the prefix " + prefix, fe, re);
                    return;
                }
            }
            reasons.add("rule " + n + " replicates to " + secondary + " only repositories starting with " + prefixes
                    + ", not " + name);
        }
        if (open != null) {
            ctx.unknown(repo, open + (reasons.isEmpty() ? "" : "; " + String.join("; ", reasons)), re, nameEvidence);
        } else {
            ctx.fail(repo, "repository " + name + " is not replicated to " + secondary + ": " + String.join("; ",
                    reasons), re, nameEvidence);
        }
    }

    /** Whether the configuration governs the repository's region; null when that cannot be told. */
    private static Boolean sameRegion(EcrRepository repo, EcrReplicationConfiguration c) {
        if (repo.region.isPresent() && c.region.isPresent()) return repo.region.get().equals(c.region.get());
        if (Regions.sameTemplate(repo, c)) return true;
        return null;
    }
}
