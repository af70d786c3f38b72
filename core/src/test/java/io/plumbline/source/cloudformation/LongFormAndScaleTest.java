package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Templates.defaulted;
import static io.plumbline.source.cloudformation.Templates.explicit;
import static io.plumbline.source.cloudformation.Templates.get;
import static io.plumbline.source.cloudformation.Templates.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.security.KmsKey;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import io.plumbline.source.tree.YamlTreeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongFormAndScaleTest {

    @Test
    void jsonLongFormTemplate() throws Exception {
        Path file = Path.of(LongFormAndScaleTest.class.getResource("/cloudformation/long-form.json").toURI());
        Model m = Inputs.load(file, new SourceOptions(Map.of("DbPassword", "hunter2"), "eu-west-1"));
        DbCluster c = get(m, "Cluster", DbCluster.class);
        explicit("Retain", c.deletionPolicy);
        defaulted("Delete", c.updateReplacePolicy);
        explicit(true, c.storageEncrypted);
        explicit(new Ref("Key"), c.kmsKey);
        explicit(35, c.backupRetentionPeriod);
        explicit(true, c.deletionProtection);
        explicit("platform-prod", c.name);
        explicit(List.of("postgresql"), c.enabledLogExports);
        DbInstance writer = get(m, "Writer", DbInstance.class);
        assertEquals("Cluster", m.resolve(writer.cluster.get()).orElseThrow().address(), "joined on the cluster name");
        unknown("AZ index 1 of the region's AZs", writer.availabilityZone);
        assertTrue(writer.availabilityZone.note().contains("region eu-west-1"));
        KmsKey key = get(m, "Key", KmsKey.class);
        explicit(true, key.rotationEnabled);
        assertTrue(key.policy.get().contains("\"AWS\":\"arn:aws:iam::${AWS::AccountId}:root\""), key.policy.get());

        Model dev = Inputs.load(file, new SourceOptions(Map.of("Env", "dev"), null));
        DbCluster d = get(dev, "Cluster", DbCluster.class);
        explicit(1, d.backupRetentionPeriod);
        explicit(false, d.deletionProtection);
        defaulted(List.of(), d.enabledLogExports);
    }

    @Test
    void shortFormsBecomeLongFormsKeepingLocations() {
        String yaml = """
                a: !GetAtt Db.Endpoint.Address
                b: !Ref X
                c: !Condition C
                d: [plain, !Sub 'x-${Y}']
                e: {untouched: [1, 2]}
                """;
        MapNode raw = (MapNode) YamlTreeReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "s");
        ShortForms sf = new ShortForms();
        MapNode n = (MapNode) sf.normalise(raw);
        MapNode getAtt = n.map("a");
        ListNode args = (ListNode) getAtt.get("Fn::GetAtt");
        assertEquals("Db", ((ScalarNode) args.get(0)).value());
        assertEquals("Endpoint.Address", ((ScalarNode) args.get(1)).value());
        assertEquals(1, getAtt.line());
        assertEquals(raw.get("a").column(), getAtt.column());
        assertEquals("X", n.map("b").text("Ref"));
        assertEquals("C", n.map("c").text("Condition"));
        Node sub = ((ListNode) n.get("d")).get(1);
        assertEquals("x-${Y}", ((MapNode) sub).text("Fn::Sub"));
        assertEquals(4, sub.line());
        assertTrue(raw.get("e") == n.get("e"), "untagged subtrees are not copied");
        assertTrue(sf.unknownTags().isEmpty());
    }

    @Test
    void largeTemplatesLoadWhole() {
        int n = Integer.getInteger("scale.n", 3000);
        StringBuilder sb = new StringBuilder("""
                Parameters:
                  Env: {Type: String, Default: prod}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Mappings:
                  M: {prod: {Port: 443}}
                Resources:
                  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/8}}
                  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
                """);
        for (int i = 0; i < n; i++) {
            sb.append("  Subnet").append(i).append(": {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, ")
                    .append("AvailabilityZone: !Select [").append(i % 3).append(", !GetAZs ''], CidrBlock: 10.0.0.0/24}}\n");
            sb.append("  Assoc").append(i).append(": {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: ")
                    .append("{RouteTableId: !Ref Rt, SubnetId: !Ref Subnet").append(i).append("}}\n");
            sb.append("  Sg").append(i).append(":\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n")
                    .append("      GroupDescription: !Sub 'group ${Env} ").append(i).append("'\n")
                    .append("      VpcId: !GetAtt Subnet").append(i).append(".VpcId\n")
                    .append("      SecurityGroupIngress:\n")
                    .append("        - {IpProtocol: tcp, FromPort: !FindInMap [M, !Ref Env, Port], ToPort: 443, ")
                    .append("SourceSecurityGroupId: !If [IsProd, !GetAtt Sg").append((i + 1) % n).append(".GroupId, sg-x]}\n");
            sb.append("  In").append(i).append(": {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !Ref Sg")
                    .append(i).append(", IpProtocol: '-1', CidrIp: 10.0.0.0/8}}\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        // What a large template of every intrinsic folds to. How fast it loads is a benchmark's question: a timed
        // assertion here failed on a loaded machine with nothing wrong.
        Model m = Inputs.load("big.yaml", bytes, SourceOptions.DEFAULT);
        InputFile in = m.inputs().get(0);
        assertEquals(2 + 4 * n, in.declared());
        assertEquals(2 * n, in.folded());
        SecurityGroup last = get(m, "Sg" + (n - 1), SecurityGroup.class);
        assertEquals(4, last.rules.size(), "inline, standalone and the implied egress pair");
        explicit(new Ref("Sg0"), last.rules.get(0).peerGroup());
        explicit(new Ref("Vpc"), last.vpc);
        unknown("AZ index 2", get(m, "Subnet2", Subnet.class).availabilityZone);
    }
}
