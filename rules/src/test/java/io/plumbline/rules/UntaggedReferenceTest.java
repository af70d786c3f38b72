package io.plumbline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Engine;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.profile.Profile;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.Tiers;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The untagged variant set (issue #12, catalog §14 "roles and tiers without tags"): the reference plan and template
 * and every variant keep their verdicts when every {@code plumbline:*} tag is removed from the file
 * ({@link ReferenceArchitecture#readUntagged}, both formats). All rules run on both; the status of every (rule,
 * resource) must be the same, and every subnet, security group and endpoint that a tag placed must get the same tier
 * from the network alone.
 */
class UntaggedReferenceTest {
    /**
     * The reference profile plus what a user deploying the reference states, as in the features' untagged run: name
     * patterns for the state and backup buckets (nothing in a plan or template says a bucket holds Terraform state,
     * catalog §14), and below the template's stack name and region.
     */
    private static final Profile PROFILE = withNamePatterns(ReferenceArchitecture.profile());
    private static final SourceOptions OPTIONS = new SourceOptions(Map.of("AWS::StackName", "plumbline-reference"),
            "eu-west-1", null);

    private static Profile withNamePatterns(Profile p) {
        Profile.Roles r = p.roles();
        return new Profile(p.name(), p.minimumAvailabilityZones(), p.primaryRegion(), p.secondaryRegion(), p.aurora(),
                p.cache(), p.network(), new Profile.Roles(r.bucketRoleTag(), r.protectedBucketRoles(),
                Map.of("tfstate", "-tfstate-euw1$", "backups", "-backups-euw1$"), r.criticalityLabel(),
                r.baselineBucketRoles()), p.allowedFlows(), p.replication());
    }
    private static final RuleRegistry REGISTRY = RuleRegistry.discover();
    private static final String PREFIX = "plumbline:";

    static List<String> inputs() {
        List<String> files = new ArrayList<>(List.of(ReferenceArchitecture.TERRAFORM_PLAN,
                ReferenceArchitecture.CLOUDFORMATION_TEMPLATE));
        for (ReferenceArchitecture.Variant v : ReferenceArchitecture.variants()) {
            String f = v.file().contains("/") ? v.file() : "variants/" + v.file();
            if (!files.contains(f)) files.add(f);
        }
        return files;
    }

    static Model load(String file) {
        return Inputs.load(ReferenceArchitecture.displayName(file), ReferenceArchitecture.read(file), OPTIONS);
    }

    static Model loadUntagged(String file) {
        return Inputs.load(ReferenceArchitecture.displayName(file), ReferenceArchitecture.readUntagged(file),
                OPTIONS);
    }

    /** How many {@code plumbline:*} tags the model's resources carry. */
    static int plumblineTags(Model model) {
        int n = 0;
        for (Resource r : model.resources()) {
            if (r.tags.isPresent()) n += (int) r.tags.get().keySet().stream().filter(k -> k.startsWith(PREFIX)).count();
        }
        return n;
    }

    private static Map<String, List<String>> statuses(Model model) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Finding f : Engine.evaluate(model, PROFILE, REGISTRY.all()).findings()) {
            out.computeIfAbsent(f.ruleId() + " " + f.resource(), k -> new ArrayList<>()).add(f.status().name());
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyInputKeepsItsVerdictsWithoutPlumblineTags() {
        return inputs().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            Model tagged = load(file);
            Model untagged = loadUntagged(file);
            int removed = plumblineTags(tagged);
            assertTrue(removed > 0, file + " has no plumbline:* tag to remove: the comparison would prove nothing");
            assertEquals(0, plumblineTags(untagged), file + " still has plumbline:* tags");
            assertEquals(tagged.resources().size(), untagged.resources().size(), file + ": same resources");
            Map<String, List<String>> before = statuses(tagged);
            Map<String, List<String>> after = statuses(untagged);
            List<String> diff = new ArrayList<>();
            for (String k : before.keySet()) {
                if (!before.get(k).equals(after.get(k))) diff.add(k + ": tagged " + before.get(k) + ", untagged " + after.get(k));
            }
            for (String k : after.keySet()) if (!before.containsKey(k)) diff.add(k + ": only untagged " + after.get(k));
            assertTrue(diff.isEmpty(), () -> file + " (" + removed + " tags removed) changes verdicts:\n  "
                    + String.join("\n  ", diff));
        }));
    }

    @TestFactory
    Stream<DynamicTest> theNetworkGivesTheTiersTheTagsGave() {
        return inputs().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            Model tagged = load(file);
            Model untagged = loadUntagged(file);
            Tiers withTags = Tiers.of(tagged, PROFILE);
            Tiers withoutTags = Tiers.of(untagged, PROFILE);
            List<String> diff = new ArrayList<>();
            int checked = 0;
            for (Resource r : tagged.resources()) {
                if (!(r instanceof Subnet || r instanceof SecurityGroup) || r.tag(PROFILE.network().tierTag()) == null) {
                    continue;
                }
                Tiers.Decision a = withTags.of(r);
                Tiers.Decision b = withoutTags.of(untagged.byAddress(r.address()).orElseThrow());
                assertTrue(a.tagged(), r.address() + " is tagged: " + a.explain());
                assertFalse(b.tagged(), r.address() + " has no tag any more: " + b.explain());
                assertTrue(a.conflicts().isEmpty(), () -> "the network disagrees with the tag of " + r.address() + ": "
                        + a.explain());
                checked++;
                if (!a.tiers().equals(b.tiers())) diff.add(r.address() + ": " + a.explain() + " / untagged " + b.explain());
            }
            assertTrue(checked > 0, file + " tags no subnet or security group");
            Map<String, String> endpoints = new TreeMap<>();
            for (Endpoint e : io.plumbline.reach.Reachability.of(tagged, PROFILE).endpoints()) endpoints.put(e.id(), e.tier());
            for (Endpoint e : io.plumbline.reach.Reachability.of(untagged, PROFILE).endpoints()) {
                if (!e.tier().equals(endpoints.get(e.id()))) {
                    diff.add("endpoint " + e.id() + ": tagged " + endpoints.get(e.id()) + ", untagged " + e.how());
                }
            }
            assertEquals(List.of(), diff, file);
        }));
    }
}
