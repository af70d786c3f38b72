package io.plumbline.features.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.security.KmsKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customer-managed keys, zones and tiers, decided through the model's references as the rules decide them. */
class ModelChecksTest {
    static final Provenance AT = Provenance.inFile("plan.json", 1, 9, "/x");

    static Subnet subnet(String address, Value<String> az, String tier) {
        Subnet s = new Subnet(address, "aws_subnet", AT);
        s.availabilityZone = az;
        s.tags = Value.explicit(tier == null ? Map.of() : Map.of("plumbline:tier", tier), AT);
        return s;
    }

    static DbCluster cluster(Value<Boolean> encrypted, Value<Ref> key) {
        DbCluster c = new DbCluster("aws_rds_cluster.db", "aws_rds_cluster", AT);
        c.storageEncrypted = encrypted;
        c.kmsKey = key;
        return c;
    }

    static Model model(Resource... rs) {
        List<Resource> all = new ArrayList<>(List.of(rs));
        KmsKey key = new KmsKey("aws_kms_key.rds", "aws_kms_key", AT);
        key.keyManager = Value.explicit("CUSTOMER", AT);
        all.add(key);
        return new Model(all, List.of(), List.of());
    }

    @Test
    void aKeyDeclaredInTheInputIsCustomerManaged() {
        DbCluster c = cluster(Value.explicit(true, AT), Value.explicit(new Ref("aws_kms_key.rds"), AT));
        Claim.Verdict v = CustomerKeys.check(model(c), c);
        assertEquals(Outcome.PASS, v.outcome(), v.evidence());
    }

    @Test
    void noKeyOrAnAwsManagedAliasFailsEvenWhenEncryptionIsUnknown() {
        DbCluster none = cluster(Value.unknown("known only after apply", AT), Value.explicit(null, AT));
        Claim.Verdict v = CustomerKeys.check(model(none), none);
        assertEquals(Outcome.FAIL, v.outcome(), v.evidence());
        assertTrue(v.evidence().contains("no KMS key is given"), v.evidence());
        DbCluster alias = cluster(Value.explicit(true, AT), Value.explicit(new Ref("alias/aws/rds"), AT));
        assertEquals(Outcome.FAIL, CustomerKeys.check(model(alias), alias).outcome());
        DbCluster off = cluster(Value.explicit(false, AT), Value.explicit(new Ref("aws_kms_key.rds"), AT));
        assertEquals(Outcome.FAIL, CustomerKeys.check(model(off), off).outcome());
    }

    @Test
    void aKeyOutsideTheInputOrAnUnknownSwitchIsUndecided() {
        DbCluster arn = cluster(Value.explicit(true, AT),
                Value.explicit(new Ref("arn:aws:kms:eu-west-1:123456789012:key/abc"), AT));
        assertEquals(Outcome.UNDECIDED, CustomerKeys.check(model(arn), arn).outcome());
        DbCluster open = cluster(Value.unknown("known only after apply", AT), Value.explicit(new Ref("aws_kms_key.rds"), AT));
        assertEquals(Outcome.UNDECIDED, CustomerKeys.check(model(open), open).outcome());
    }

    @Test
    void zonesComeFromTheSubnetsAndUnknownZonesAreCountedAsUnknown() {
        Subnet a = subnet("s.a", Value.explicit("eu-west-1a", AT), "app");
        Subnet b = subnet("s.b", Value.explicit("eu-west-1b", AT), "app");
        Subnet c = subnet("s.c", Value.unknown("known only after apply", AT), "app");
        NodeGroup ng = new NodeGroup("aws_eks_node_group.critical", "aws_eks_node_group", AT);
        ng.subnets = Value.explicit(List.of(new Ref("s.a"), new Ref("s.b"), new Ref("s.c")), AT);
        Placement.Spread s = Placement.of(model(a, b, c, ng), ng);
        assertEquals(List.of("eu-west-1a", "eu-west-1b"), List.copyOf(s.zones()));
        assertTrue(s.incomplete());
        assertEquals(List.of("eu-west-1a"), List.copyOf(Placement.of(model(a), a).zones()));
    }

    @Test
    void tiersOfWhatIsReferencedComeFromTheCore() {
        Subnet app = subnet("s.app", Value.explicit("eu-west-1a", AT), "app");
        Subnet pub = subnet("s.pub", Value.explicit("eu-west-1a", AT), "public");
        Subnet untagged = subnet("s.none", Value.explicit("eu-west-1a", AT), null);
        NodeGroup ng = new NodeGroup("ng", "aws_eks_node_group", AT);
        ng.subnets = Value.explicit(List.of(new Ref("s.app"), new Ref("s.pub")), AT);
        Model m = model(app, pub, untagged, ng);
        Found f = AttributePath.parse("subnets").resolve(ng).get(0);
        Claim.Verdict v = Tiers.check(m, ng, f, io.plumbline.reach.Tiers.of(m, io.plumbline.reference.ReferenceArchitecture.profile()), "app");
        assertEquals(Outcome.FAIL, v.outcome());
        assertTrue(v.evidence().contains("s.pub public: tag plumbline:tier = public"), v.evidence());
        ng.subnets = Value.explicit(List.of(new Ref("s.app"), new Ref("subnet-0abc")), AT);
        f = AttributePath.parse("subnets").resolve(ng).get(0);
        assertEquals(Outcome.UNDECIDED, Tiers.check(m, ng, f, io.plumbline.reach.Tiers.of(m, io.plumbline.reference.ReferenceArchitecture.profile()), "app").outcome(),
                "a subnet outside the input has an unknown tier");
        // untagged, and its VPC (so its main route table) is not in the input: whether it is public cannot be told
        ng.subnets = Value.explicit(List.of(new Ref("s.none")), AT);
        f = AttributePath.parse("subnets").resolve(ng).get(0);
        Claim.Verdict none = Tiers.check(m, ng, f, io.plumbline.reach.Tiers.of(m,
                io.plumbline.reference.ReferenceArchitecture.profile()), "app");
        assertEquals(Outcome.UNDECIDED, none.outcome(), none.evidence());
        assertTrue(none.evidence().contains("whether s.none is public is unknown"), none.evidence());
    }
}
