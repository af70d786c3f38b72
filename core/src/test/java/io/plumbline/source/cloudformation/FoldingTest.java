package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Templates.defaulted;
import static io.plumbline.source.cloudformation.Templates.explicit;
import static io.plumbline.source.cloudformation.Templates.get;
import static io.plumbline.source.cloudformation.Templates.unknown;
import static io.plumbline.source.cloudformation.Templates.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.GenericResource;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.Secret;
import io.plumbline.model.storage.S3Bucket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resources that configure another one are folded into it, and what cannot be folded is said. */
class FoldingTest {

    private static final String CONDITIONAL = """
            Parameters:
              Bastion: {Type: String}
            Conditions:
              HasBastion: !Not [!Equals [!Ref Bastion, '']]
            Resources:
              Sg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: app
                  SecurityGroupIngress:
                    - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8}
                    - !If [HasBastion, {IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupId: !Ref Bastion}, !Ref 'AWS::NoValue']
              Sg2:
                Type: AWS::EC2::SecurityGroup
                Properties: {GroupDescription: two, SecurityGroupEgress: []}
              Sg3:
                Type: AWS::EC2::SecurityGroup
                Properties: {GroupDescription: three}
              Ssh:
                Type: AWS::EC2::SecurityGroupIngress
                Condition: HasBastion
                Properties: {GroupId: !GetAtt Sg2.GroupId, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
              Out:
                Type: AWS::EC2::SecurityGroupEgress
                Condition: HasBastion
                Properties: {GroupId: !Ref Sg3, IpProtocol: tcp, FromPort: 443, ToPort: 443, DestinationPrefixListId: pl-123}
              Rt:
                Type: AWS::EC2::RouteTable
                Properties: {VpcId: vpc-1}
              Route:
                Type: AWS::EC2::Route
                Condition: HasBastion
                Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: igw-123}
              Assoc:
                Type: AWS::EC2::SubnetRouteTableAssociation
                Condition: HasBastion
                Properties: {RouteTableId: !Ref Rt, SubnetId: subnet-1}
              Elsewhere:
                Type: AWS::EC2::Route
                Properties: {RouteTableId: rtb-0abc, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: nat-1}
            """;

    @Test
    void rulesAndRoutesThatMayNotExistMakeTheirListIncomplete() {
        Model m = yaml(CONDITIONAL);
        SecurityGroup sg = get(m, "Sg", SecurityGroup.class);
        List<SgRule> ingress = sg.rules.stream().filter(r -> r.direction() == SgRule.Direction.INGRESS).toList();
        // Issue 10: an ingress rule only some branches have is read, with an unknown peer (it may admit its traffic,
        // or nothing); the list stays complete, so a question every branch answers alike is decided.
        assertEquals(2, ingress.size(), "the certain rule and the conditional one");
        explicit(443, ingress.get(0).fromPort());
        explicit(22, ingress.get(1).fromPort());
        unknown("the rule exists only in some branches: it depends on condition HasBastion", ingress.get(1).peerGroup());
        assertTrue(sg.rulesComplete.is(true), () -> sg.rulesComplete.note());

        SecurityGroup sg2 = get(m, "Sg2", SecurityGroup.class);
        assertEquals(List.of("Ssh"), sg2.folded());
        unknown("the rule Ssh exists only if condition HasBastion holds", sg2.rulesComplete);
        assertEquals(2, sg2.rules.size(), "an empty SecurityGroupEgress adds no rule: the default egress stays");
        assertTrue(sg2.rules.stream().allMatch(r -> r.direction() == SgRule.Direction.EGRESS && r.peerCidr().isDefaulted()));

        SecurityGroup sg3 = get(m, "Sg3", SecurityGroup.class);
        assertTrue(sg3.rules.isEmpty(), "whether the default egress exists depends on the conditional egress rule");
        unknown("the rule Out exists only if condition HasBastion holds", sg3.rulesComplete);

        RouteTable rt = get(m, "Rt", RouteTable.class);
        assertTrue(rt.routes.isEmpty());
        unknown("the route Route exists only if", rt.routesComplete);
        assertEquals(1, rt.subnets.size());
        unknown("the association Assoc exists only if", rt.subnets.get(0));
        assertEquals(List.of("Route", "Assoc"), rt.folded());

        assertTrue(m.byAddress("Elsewhere").orElseThrow() instanceof GenericResource);
        assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().startsWith("Elsewhere (AWS::EC2::Route) configures "
                + "'rtb-0abc' through RouteTableId, which is not a route table of this template")), m.diagnostics().toString());
        InputFile in = m.inputs().get(0);
        assertEquals(9, in.declared());
        assertEquals(4, in.folded());
        assertEquals(5, in.modelled());

        Model withBastion = yaml(CONDITIONAL, null, Map.of("Bastion", "sg-bastion"));
        SecurityGroup open = get(withBastion, "Sg2", SecurityGroup.class);
        explicit(true, open.rulesComplete);
        SgRule ssh = open.rules.stream().filter(r -> r.direction() == SgRule.Direction.INGRESS).findFirst().orElseThrow();
        explicit("0.0.0.0/0", ssh.peerCidr());
        assertEquals("Ssh", ssh.origin());
        SecurityGroup sg3b = get(withBastion, "Sg3", SecurityGroup.class);
        assertEquals(1, sg3b.rules.size(), "a standalone egress rule replaces the default egress");
        assertEquals(SgRule.PeerKind.PREFIX_LIST, sg3b.rules.get(0).peerKind());
        explicit(new Ref("pl-123"), sg3b.rules.get(0).peerGroup());
        assertEquals(2, get(withBastion, "Sg", SecurityGroup.class).rules.stream()
                .filter(r -> r.direction() == SgRule.Direction.INGRESS).count());
    }

    @Test
    void listenersAliasesBackupsRotationsAndPolicies() {
        Model m = yaml("""
                Resources:
                  Lb:
                    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    Properties:
                      Scheme: internal
                      SubnetMappings: [{SubnetId: subnet-a}, {SubnetId: subnet-b}]
                      LoadBalancerAttributes:
                        - {Key: deletion_protection.enabled, Value: 'true'}
                  Http:
                    Type: AWS::ElasticLoadBalancingV2::Listener
                    Properties:
                      LoadBalancerArn: !Ref Lb
                      Port: 80
                      Protocol: HTTP
                      DefaultActions:
                        - Type: redirect
                          RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}
                  Https:
                    Type: AWS::ElasticLoadBalancingV2::Listener
                    Properties:
                      LoadBalancerArn: !Ref Lb
                      Port: '443'
                      Protocol: HTTPS
                      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
                      Certificates: [{CertificateArn: arn:aws:acm:eu-west-1:1:certificate/x}]
                      DefaultActions:
                        - {Type: authenticate-oidc, Order: 1}
                        - {Type: forward, Order: 2, ForwardConfig: {TargetGroups: [{TargetGroupArn: !Ref Tg}]}}
                  Tg: {Type: AWS::ElasticLoadBalancingV2::TargetGroup}
                  Key: {Type: AWS::KMS::Key, Properties: {EnableKeyRotation: true}}
                  Alias: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/platform, TargetKeyId: !GetAtt Key.Arn}}
                  Db:
                    Type: AWS::RDS::DBCluster
                    Properties: {Engine: aurora-postgresql, Tags: [{Key: backup, Value: daily}]}
                  Logs:
                    Type: AWS::S3::Bucket
                    Properties: {BucketName: my-logs, Tags: [{Key: backup, Value: daily}]}
                  Plan:
                    Type: AWS::Backup::BackupPlan
                    Properties:
                      BackupPlan:
                        BackupPlanName: platform
                        BackupPlanRule:
                          - RuleName: daily
                            TargetBackupVault: vault
                            ScheduleExpression: cron(0 5 * * ? *)
                            CopyActions: [{DestinationBackupVaultArn: 'arn:aws:backup:eu-central-1:1:backup-vault:dr'}]
                  ByArn:
                    Type: AWS::Backup::BackupSelection
                    Properties:
                      BackupPlanId: !Ref Plan
                      BackupSelection: {SelectionName: a, IamRoleArn: r, Resources: [!GetAtt Db.DBClusterArn]}
                  ByTag:
                    Type: AWS::Backup::BackupSelection
                    Properties:
                      BackupPlanId: !Ref Plan
                      BackupSelection:
                        SelectionName: b
                        IamRoleArn: r
                        ListOfTags: [{ConditionType: STRINGEQUALS, ConditionKey: backup, ConditionValue: daily}]
                  Secret: {Type: AWS::SecretsManager::Secret, Properties: {KmsKeyId: !Ref Key}}
                  Rotation:
                    Type: AWS::SecretsManager::RotationSchedule
                    Properties:
                      SecretId: !Ref Secret
                      RotationRules: {ScheduleExpression: rate(30 days)}
                  Policy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: my-logs
                      PolicyDocument: {Statement: [{Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*'}]}
                  Plain: {Type: AWS::S3::Bucket}
                """);
        LoadBalancer lb = get(m, "Lb", LoadBalancer.class);
        explicit(true, lb.internal);
        explicit(List.of(new Ref("subnet-a"), new Ref("subnet-b")), lb.subnets);
        explicit(true, lb.deletionProtection);
        defaulted(false, lb.accessLogsEnabled);
        defaulted("application", lb.type);
        assertEquals(List.of("Http", "Https"), lb.listeners.stream().map(Listener::address).toList());
        Listener http = lb.listeners.get(0);
        explicit("redirect", http.defaultActionType());
        explicit("HTTPS", http.redirectProtocol());
        Listener https = lb.listeners.get(1);
        explicit(443, https.port());
        explicit("forward", https.defaultActionType());
        explicit(new Ref("Tg"), https.targetGroup());
        explicit("ELBSecurityPolicy-TLS13-1-2-2021-06", https.sslPolicy());
        explicit("arn:aws:acm:eu-west-1:1:certificate/x", https.certificateArn());

        assertEquals("Key", m.resolve(new Ref("alias/platform"), KmsKey.class).orElseThrow().address());

        BackupPlan plan = get(m, "Plan", BackupPlan.class);
        explicit(List.of(new Ref("Db"), new Ref("Db"), new Ref("Logs")), plan.selectedResources);
        explicit(List.of("arn:aws:backup:eu-central-1:1:backup-vault:dr"), plan.rules.get().get(0).copyDestinations());
        defaulted(null, plan.rules.get().get(0).deleteAfterDays());

        Secret secret = get(m, "Secret", Secret.class);
        explicit(true, secret.rotationEnabled);
        explicit(30, secret.rotationDays);
        explicit(new Ref("Key"), secret.kmsKey);
        defaulted(List.of(), secret.replicaRegions);

        S3Bucket logs = get(m, "Logs", S3Bucket.class);
        assertEquals(List.of("Policy"), logs.folded(), "joined on the literal bucket name");
        assertTrue(logs.policy.get().contains("\"Effect\":\"Deny\""));
        S3Bucket plain = get(m, "Plain", S3Bucket.class);
        defaulted("Disabled", plain.versioning);
        defaulted("AES256", plain.sseAlgorithm);
        defaulted(null, plain.sseKmsKey);
        defaulted(true, plain.blockPublicAcls);
        defaulted(true, plain.restrictPublicBuckets);
        defaulted(null, plain.loggingTarget);
        defaulted(null, plain.policy);
        defaulted(List.of(), plain.replicationRules);
    }

    @Test
    void unknownEgressOfANaclEntryAndConditionalAttributes() {
        Model m = yaml("""
                Parameters:
                  Out: {Type: String}
                  Logs: {Type: String}
                Conditions:
                  HasLogs: !Not [!Equals [!Ref Logs, '']]
                Resources:
                  Acl: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: vpc-1}}
                  In:
                    Type: AWS::EC2::NetworkAclEntry
                    Properties: {NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: ALLOW, CidrBlock: 10.0.0.0/8, PortRange: {From: 443, To: '443'}}
                  Either:
                    Type: AWS::EC2::NetworkAclEntry
                    Properties: {NetworkAclId: !Ref Acl, RuleNumber: 200, Protocol: -1, RuleAction: deny, Egress: !Ref Out, CidrBlock: 0.0.0.0/0}
                  Lb:
                    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    Properties:
                      LoadBalancerAttributes:
                        - !If [HasLogs, {Key: access_logs.s3.enabled, Value: 'true'}, !Ref 'AWS::NoValue']
                        - !If [HasLogs, {Key: access_logs.s3.bucket, Value: !Ref Logs}, !Ref 'AWS::NoValue']
                """);
        NetworkAcl acl = get(m, "Acl", NetworkAcl.class);
        assertEquals(1, acl.entries.size());
        explicit("tcp", acl.entries.get(0).protocol());
        explicit("allow", acl.entries.get(0).action());
        explicit(443, acl.entries.get(0).toPort());
        assertTrue(!acl.entries.get(0).egress());
        unknown("whether entry Either is egress is not known", acl.entriesComplete);
        LoadBalancer lb = get(m, "Lb", LoadBalancer.class);
        unknown("whether access_logs.s3.enabled is set is not known: depends on condition HasLogs", lb.accessLogsEnabled);
        defaulted(false, lb.deletionProtection);
        Value<Boolean> dropHeaders = lb.dropInvalidHeaderFields;
        defaulted(false, dropHeaders);
    }
}
