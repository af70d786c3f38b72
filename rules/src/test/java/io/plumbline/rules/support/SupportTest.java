package io.plumbline.rules.support;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rules.support.SgRules.Match;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupportTest {

    private static Model model(Resource... rs) {
        return new Model(List.of(rs), List.of(), List.of());
    }

    @Test
    void keyOwnership() {
        KmsKey k = new KmsKey("aws_kms_key.k", "aws_kms_key", at());
        k.addAlias("alias/app");
        Model m = model(k);
        assertEquals(Keys.Owner.CUSTOMER, Keys.classify(m, null, ref("aws_kms_key.k")).owner());
        assertEquals(Keys.Owner.CUSTOMER, Keys.classify(m, null, ref("alias/app")).owner());
        assertEquals(Keys.Owner.AWS_MANAGED, Keys.classify(m, null, ref("alias/aws/rds")).owner());
        assertEquals(Keys.Owner.AWS_MANAGED, Keys.classify(m, null, ref("arn:aws:kms:eu-west-1:1:alias/aws/s3")).owner());
        assertEquals(Keys.Owner.UNPROVEN, Keys.classify(m, null, ref("alias/other")).owner());
        assertEquals(Keys.Owner.UNPROVEN, Keys.classify(m, null, ref("arn:aws:kms:eu-west-1:1:key/abc")).owner());
        assertEquals(Keys.Owner.NONE, Keys.classify(m, null, explicit(null)).owner());
        assertEquals(Keys.Owner.NONE, Keys.classify(m, null, ref("")).owner());
        assertEquals(Keys.Owner.NONE, Keys.classify(m, null, Value.notInInput()).owner());
        assertEquals(Keys.Owner.UNKNOWN, Keys.classify(m, null, unknown()).owner());
    }

    @Test
    void absentFromInputIsIdentityOrTheSameNote() {
        assertTrue(Fields.absentFromInput(Value.notInInput()));
        assertTrue(Fields.absentFromInput(Value.unknown("not present in this input", at())));
        assertFalse(Fields.absentFromInput(Value.unknown("known only after apply", at())));
        assertFalse(Fields.absentFromInput(Value.explicit(null, at())));
        assertTrue(Fields.notSet(Value.explicit(null, at())));
    }

    private static SgRule rule(String proto, Integer from, Integer to, SgRule.PeerKind kind, String cidr) {
        Provenance p = at();
        return new SgRule(SgRule.Direction.INGRESS, Value.explicit(proto, p), Value.explicit(from, p),
                Value.explicit(to, p), kind, Value.explicit(cidr, p), Value.notInInput(), null, null, p);
    }

    @Test
    void securityGroupRuleMatching() {
        SgRule ssh = rule("tcp", 22, 22, SgRule.PeerKind.CIDR_IPV4, "0.0.0.0/0");
        assertEquals(Match.YES, SgRules.fromInternet(ssh));
        assertEquals(Match.YES, SgRules.coversTcpPort(ssh, 22));
        assertEquals(Match.NO, SgRules.coversTcpPort(ssh, 3389));
        assertEquals(Match.NO, SgRules.coversAllPorts(ssh));
        assertEquals(Match.YES, SgRules.fromInternet(rule("tcp", 22, 22, SgRule.PeerKind.CIDR_IPV6, "::/0")));
        assertEquals(Match.NO, SgRules.fromInternet(rule("tcp", 22, 22, SgRule.PeerKind.CIDR_IPV4, "10.0.0.0/8")));
        assertEquals(Match.UNKNOWN, SgRules.fromInternet(rule("tcp", 22, 22, SgRule.PeerKind.PREFIX_LIST, "pl-1")));
        SgRule all = rule("-1", 0, 0, SgRule.PeerKind.CIDR_IPV4, "0.0.0.0/0");
        assertEquals(Match.YES, SgRules.coversAllPorts(all));
        assertEquals(Match.YES, SgRules.coversTcpPort(all, 3389));
        assertEquals(Match.YES, SgRules.coversAllPorts(rule("tcp", 0, 65535, SgRule.PeerKind.CIDR_IPV4, "0.0.0.0/0")));
        assertEquals(Match.NO, SgRules.coversTcpPort(rule("icmp", -1, -1, SgRule.PeerKind.CIDR_IPV4, "0.0.0.0/0"), 22));
        assertEquals(Match.UNKNOWN, SgRules.coversTcpPort(rule("tcp", null, null, SgRule.PeerKind.CIDR_IPV4,
                "0.0.0.0/0"), 22));
    }

    @Test
    void distinctZonesThroughReferences() {
        Subnet a = new Subnet("aws_subnet.a", "aws_subnet", at());
        a.availabilityZone = explicit("eu-west-1a");
        a.addAlias("subnet-a");
        Subnet b = new Subnet("aws_subnet.b", "aws_subnet", at());
        b.availabilityZone = explicit("eu-west-1b");
        Subnet a2 = new Subnet("aws_subnet.a2", "aws_subnet", at());
        a2.availabilityZone = explicit("eu-west-1a");
        Subnet byId = new Subnet("aws_subnet.id", "aws_subnet", at());
        byId.availabilityZoneId = explicit("euw1-az3");
        Subnet u = new Subnet("aws_subnet.u", "aws_subnet", at());
        u.availabilityZone = unknown();
        Model m = model(a, b, a2, byId, u);
        Zones.Spread s = Zones.ofSubnets(m, null, "subnets", refs("subnet-a", "aws_subnet.b", "aws_subnet.a2"));
        assertEquals(2, s.distinct());
        assertFalse(s.incomplete());
        Zones.Spread s2 = Zones.ofSubnets(m, null, "subnets", refs("aws_subnet.a", "aws_subnet.u", "subnet-zzz", "aws_subnet.id"));
        assertEquals(1, s2.distinct());
        assertEquals(3, s2.unknowns().size(), s2.unknowns()::toString);
        Zones.Spread s3 = Zones.ofSubnets(m, null, "subnets", Value.<List<Ref>>unknown("known only after apply", at()));
        assertTrue(s3.incomplete());
    }

    @Test
    void bucketRolesFromTagsThenNames() {
        var p = profile();
        var roles = new io.plumbline.profile.Profile.Roles("plumbline:role", List.of("tfstate", "logs", "backups"),
                Map.of("backups", "^acme-backup-"), "x");
        S3Bucket tagged = new S3Bucket("b1", "aws_s3_bucket", at());
        tagged.tags = explicit(Map.of("plumbline:role", "TfState"));
        Model m = new Model(List.of(tagged), List.of(), List.of());
        assertEquals("tfstate", BucketRoles.in(m, p.roles()).of(tagged).role());
        assertTrue(BucketRoles.in(m, p.roles()).of(tagged).protectedBy(p.roles()));
        S3Bucket named = new S3Bucket("b2", "aws_s3_bucket", at());
        named.tags = explicit(Map.of());
        named.name = explicit("acme-backup-eu");
        Model m2 = new Model(List.of(named), List.of(), List.of());
        assertEquals("backups", BucketRoles.in(m2, roles).of(named).role());
        assertEquals("general", BucketRoles.in(m2, p.roles()).of(named).role(),
                "the reference profile has no name patterns, and nothing uses the bucket");
        var bad = new io.plumbline.profile.Profile.Roles("plumbline:role", List.of("logs"), Map.of("logs", "(("), "x");
        assertFalse(BucketRoles.in(m2, bad).of(named).known());
    }
}
