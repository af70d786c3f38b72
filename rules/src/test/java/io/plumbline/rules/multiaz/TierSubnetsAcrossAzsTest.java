package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.*;
import static io.plumbline.rules.multiaz.Placed.subnet;
import static io.plumbline.rules.multiaz.Placed.vpc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Engine;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierSubnetsAcrossAzsTest {
    private final TierSubnetsAcrossAzs rule = new TierSubnetsAcrossAzs();

    private static List<Resource> threeTiers(String vpc, String... appAzs) {
        List<Resource> out = new java.util.ArrayList<>(List.of(vpc(vpc)));
        String[] azs = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};
        for (int i = 0; i < 3; i++) {
            out.add(subnet(vpc + "_public" + i, vpc, "public", azs[i]));
            out.add(subnet(vpc + "_data" + i, vpc, "data", azs[i]));
        }
        for (int i = 0; i < appAzs.length; i++) out.add(subnet(vpc + "_app" + i, vpc, "app", appAzs[i]));
        return out;
    }

    @Test
    void everyTierInThreeAzsPasses() {
        var r = run(rule, threeTiers("main", "eu-west-1a", "eu-west-1b", "eu-west-1c").toArray(Resource[]::new));
        Finding f = expect(r, "aws_vpc.main", Status.PASS);
        assertTrue(evidenceShows(f, "app tier AZs", "3 [eu-west-1a, eu-west-1b, eu-west-1c]"), describe(f));
    }

    @Test
    void aTierInTwoAzsFailsAndNamesTheTier() {
        // four app subnets, but only two zones
        var r = run(rule, threeTiers("main", "eu-west-1a", "eu-west-1b", "eu-west-1a", "eu-west-1b")
                .toArray(Resource[]::new));
        Finding f = expect(r, "aws_vpc.main", Status.FAIL, "app tier spans only 2 AZs", "requires 3");
        assertTrue(f.location().line() > 0, "points at a subnet of the short tier");
    }

    @Test
    void eachVpcIsJudgedOnItsOwn() {
        List<Resource> all = threeTiers("main", "eu-west-1a", "eu-west-1b", "eu-west-1c");
        all.add(vpc("legacy"));
        all.add(subnet("legacy_a", "legacy", "public", "eu-west-1a"));
        all.add(subnet("legacy_b", "legacy", "public", "eu-west-1b"));
        var r = run(rule, all.toArray(Resource[]::new));
        expect(r, "aws_vpc.main", Status.PASS);
        Finding legacy = expect(r, "aws_vpc.legacy", Status.FAIL, "public tier spans only 2 AZs");
        assertTrue(evidenceShows(legacy, "app tier", "no subnets"), "an absent tier is shown, not judged");
    }

    @Test
    void anUnknownAzOrAnUndecidedSubnetIsUnknownOnlyWhenItCouldMatter() {
        List<Resource> shortTier = threeTiers("main", "eu-west-1a", "eu-west-1b");
        shortTier.add(subnet("main_app_x", "main", "app", unknown("known only after apply")));
        expect(run(rule, shortTier.toArray(Resource[]::new)), "aws_vpc.main", Status.UNKNOWN,
                "aws_subnet.main_app_x is unknown");

        // the app tier already has three zones: a fourth subnet of unknown AZ changes nothing
        List<Resource> full = threeTiers("main", "eu-west-1a", "eu-west-1b", "eu-west-1c");
        full.add(subnet("main_app_x", "main", "app", unknown("known only after apply")));
        expect(run(rule, full.toArray(Resource[]::new)), "aws_vpc.main", Status.PASS);
    }

    @Test
    void aVpcWithoutAnyTierIsNotApplicable() {
        expect(run(rule, vpc("edge"), subnet("nat", "edge", "egress", "eu-west-1a")), "aws_vpc.edge",
                Status.NOT_APPLICABLE, "holds no tier");
        // untagged, no association: the VPC's implicit main table (local route only) makes it private, no tier
        expect(run(rule, vpc("bare"), subnet("lonely", "bare", null, "eu-west-1a")), "aws_vpc.bare",
                Status.NOT_APPLICABLE);
        // in a VPC that is not in the input its main table is unknown, so it may be public: undecided, never a pass
        expect(run(rule, subnet("stray", "elsewhere", null, "eu-west-1a")), "aws_subnet.stray", Status.UNKNOWN,
                "aws_subnet.stray");
    }

    @Test
    void azsPickedByIndexCountOnlyWithADeclaredRegion() {
        String file = "variants/cloudformation/MAZ-001-azs-by-index.cfn.yaml";
        Model undeclared = Inputs.load(ReferenceArchitecture.displayName(file), ReferenceArchitecture.read(file),
                SourceOptions.DEFAULT);
        Model declared = Inputs.load(ReferenceArchitecture.displayName(file), ReferenceArchitecture.read(file),
                new SourceOptions(Map.of(), "eu-west-1"));
        assertEquals(Status.UNKNOWN, status(undeclared, "LegacyVPC"));
        assertEquals(Status.PASS, status(declared, "LegacyVPC"));
        assertEquals(Status.PASS, status(declared, "VPC"));
    }

    private Status status(Model m, String address) {
        return Engine.evaluate(m, profile(), List.of(rule)).findings().stream()
                .filter(f -> f.resource().equals(address)).findFirst().orElseThrow().status();
    }
}
