package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.features.run.FeatureRun;
import io.plumbline.features.run.Report;
import io.plumbline.features.run.ScenarioResult;
import io.plumbline.reference.ReferenceArchitecture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled features against every non-compliant variant of the reference architecture ({@code variants/index.tsv}):
 * exactly the scenarios of the variant's rule fail — plus those whose requirement the variant breaks as well — and
 * the failure names the resource the index names and where the deciding value stands in the variant file. A variant
 * the index expects UNKNOWN leaves its scenario undecided, not failed and not passed.
 */
class VariantFeaturesTest {

    /** Requirements a variant breaks besides its own rule, and why. */
    private static final Map<String, Set<String>> ALSO_FAILS = Map.of(
            // The short-retention plan also carries a legacy master_password instead of manage_master_user_password.
            "variants/terraform/BAK-001-short-retention.tfplan.json", Set.of("IAM-005"),
            // S3 replicates only from a versioned bucket: a bucket whose versioning is off does not replicate.
            "variants/terraform/BAK-005-suspended.tfplan.json", Set.of("REP-001"),
            "variants/terraform/BAK-005-no-versioning-resource.tfplan.json", Set.of("REP-001"),
            "variants/cloudformation/BAK-005-suspended.cfn.yaml", Set.of("REP-001"),
            "variants/cloudformation/BAK-005-no-versioning.cfn.yaml", Set.of("REP-001"),
            // The replica bucket moves to the primary region: its replica key (us-west-2) is in another region, and
            // the replicas no longer live in the secondary region.
            "variants/terraform/REP-001-same-region.tfplan.json", Set.of("REP-002", "REP-004"),
            // ... and in the template the same-region replica is a new backups bucket without a TLS-only policy.
            "variants/cloudformation/REP-001-same-region.cfn.yaml", Set.of("REP-002", "ENC-010"));

    /** Requirements a variant leaves undecided besides its own rule, and why. */
    private static final Map<String, Set<String>> ALSO_UNDECIDED = Map.of(
            // An SSE-S3 bucket has no KMS-encrypted objects to replicate: REP-002 applies to nothing (catalog §14),
            // so its scenario for the backups bucket has nothing to check.
            "variants/terraform/ENC-009-sse-s3.tfplan.json", Set.of("REP-002"),
            "variants/cloudformation/ENC-009-sse-s3.cfn.yaml", Set.of("REP-002"));

    /**
     * Scenarios undecided on every CloudFormation variant: the template declares no replica bucket (REP-004); no
     * resource type holds the account's EBS encryption-by-default setting (ENC-003 is NOT_APPLICABLE there).
     */
    private static final Set<String> CFN_UNDECIDED = Set.of("REP-004", "ENC-003");

    static Stream<String> variantFiles() {
        return byFile().keySet().stream();
    }

    private static Map<String, List<ReferenceArchitecture.Variant>> byFile() {
        Map<String, List<ReferenceArchitecture.Variant>> m = new LinkedHashMap<>();
        for (ReferenceArchitecture.Variant v : ReferenceArchitecture.variants()) {
            m.computeIfAbsent(v.file(), k -> new ArrayList<>()).add(v);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantFiles")
    void exactlyTheRightScenariosFail(String file) {
        List<ReferenceArchitecture.Variant> rows = byFile().get(file);
        String rule = rows.get(0).rule();
        boolean unknown = rows.stream().allMatch(v -> v.expected().equals("UNKNOWN"));
        Report report = FeatureRun.run(FeatureRun.Options.bundled(Target.of(Target.REFERENCE_PREFIX + file)));

        Set<String> expectedFailing = new TreeSet<>(ALSO_FAILS.getOrDefault(file, Set.of()));
        Set<String> expectedUndecided = new TreeSet<>(file.contains("/cloudformation/") ? CFN_UNDECIDED : Set.of());
        expectedUndecided.addAll(ALSO_UNDECIDED.getOrDefault(file, Set.of()));
        if (unknown) expectedUndecided.add(rule);
        else expectedFailing.add(rule);

        assertEquals(expectedFailing, rules(report.failed()), () -> describe(report));
        assertEquals(expectedUndecided, rules(report.undecided()), () -> describe(report));

        for (ScenarioResult s : unknown ? report.undecided() : report.failed()) {
            if (!s.ruleIds().contains(rule)) continue;
            assertNotNull(s.message(), s::name);
            for (ReferenceArchitecture.Variant v : rows) {
                assertTrue(s.message().contains(v.resource()),
                        () -> s.name() + " names " + v.resource() + ":\n" + s.message());
            }
            if (!unknown) {
                assertTrue(s.message().contains(file.substring(file.lastIndexOf('/') + 1) + ":"),
                        () -> s.name() + " names the place in " + file + ":\n" + s.message());
            }
        }
    }

    @Test
    void theRetentionScenarioNamesTheClusterAndTheValue() {
        String file = "variants/terraform/BAK-001-short-retention.tfplan.json";
        Report report = FeatureRun.run(FeatureRun.Options.bundled(Target.of(Target.REFERENCE_PREFIX + file))
                .withTags("@BAK-001"));
        assertEquals(1, report.scenarios().size(), report::summary);
        ScenarioResult s = report.failed().get(0);
        assertTrue(s.message().contains("FAIL module.aurora.aws_rds_cluster.this"), s::message);
        assertTrue(s.message().contains("backupRetentionPeriod = 1 "), s::message);
        assertTrue(s.message().contains("reference/" + file + ":1:"), s::message);
        assertTrue(s.message().contains("/change/after/backup_retention_period"), s::message);
    }

    private static Set<String> rules(List<ScenarioResult> scenarios) {
        Set<String> out = new TreeSet<>();
        for (ScenarioResult s : scenarios) out.addAll(s.ruleIds());
        return out;
    }

    private static String describe(Report report) {
        StringBuilder sb = new StringBuilder(report.summary());
        for (ScenarioResult s : report.scenarios()) {
            if (s.verdict() == ScenarioResult.Verdict.PASSED) continue;
            sb.append("\n").append(s.verdict()).append(' ').append(s.ruleIds()).append(' ').append(s.name())
                    .append("\n    ").append(s.message());
        }
        return sb.toString();
    }
}
