package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Templates.defaulted;
import static io.plumbline.source.cloudformation.Templates.explicit;
import static io.plumbline.source.cloudformation.Templates.get;
import static io.plumbline.source.cloudformation.Templates.unknown;
import static io.plumbline.source.cloudformation.Templates.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.GenericResource;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.model.ops.LogGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.source.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

    private static final String PARAMETERS = """
            Parameters:
              VpcCidr: {Type: String, Default: 10.1.0.0/16}
              Overridden: {Type: String, Default: from-default}
              NoDefault: {Type: String}
              Secret: {Type: String, NoEcho: true, Default: s3cr3t}
              Subnets: {Type: CommaDelimitedList, Default: 'subnet-a, subnet-b'}
              Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ami}
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: !Ref VpcCidr
                  Tags:
                    - {Key: a, Value: !Ref Overridden}
                    - {Key: b, Value: !Ref NoDefault}
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: !Ref NoDefault
                  AvailabilityZone: !Ref Secret
                  AvailabilityZoneId: !Ref Ami
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: !Ref Subnets
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub '${Secret}-bucket'
            """;

    @Test
    void parametersTakeTheirDefaultTheOverrideOrAreUnknown() {
        Model m = yaml(PARAMETERS);
        Vpc vpc = get(m, "Vpc", Vpc.class);
        explicit("10.1.0.0/16", vpc.cidrBlock);
        int refLine = PARAMETERS.lines().toList().indexOf("      CidrBlock: !Ref VpcCidr") + 1;
        assertEquals(refLine, vpc.cidrBlock.provenance().line(), "the value points at where it is used");
        assertEquals("/Resources/Vpc/Properties/CidrBlock", vpc.cidrBlock.provenance().pointer());
        assertEquals(Map.of("a", "from-default"), vpc.tags.get(), "a tag whose value is unknown is left out");

        Subnet subnet = get(m, "Subnet", Subnet.class);
        explicit(new Ref("Vpc"), subnet.vpc);
        unknown("parameter NoDefault has no value", subnet.cidrBlock);
        explicit("s3cr3t", subnet.availabilityZone);
        assertTrue(subnet.availabilityZone.isSensitive(), "NoEcho parameters are sensitive");
        assertEquals("(sensitive)", subnet.availabilityZone.display());
        unknown("SSM parameter '/aws/service/ami'", subnet.availabilityZoneId);
        explicit(List.of(new Ref("subnet-a"), new Ref("subnet-b")), get(m, "Lb", LoadBalancer.class).subnets);
        S3Bucket bucket = get(m, "Bucket", S3Bucket.class);
        explicit("s3cr3t-bucket", bucket.name);
        assertTrue(bucket.name.isSensitive(), "a NoEcho value stays sensitive through Fn::Sub");

        Model overridden = yaml(PARAMETERS, null, Map.of("Overridden", "from-cli", "NoDefault", "10.1.2.0/24",
                "Subnets", "subnet-c"));
        assertEquals("from-cli", get(overridden, "Vpc", Vpc.class).tag("a"));
        explicit("10.1.2.0/24", get(overridden, "Subnet", Subnet.class).cidrBlock);
        explicit(List.of(new Ref("subnet-c")), get(overridden, "Lb", LoadBalancer.class).subnets);
    }

    @Test
    void pseudoParametersFollowTheDeclaredRegion() {
        String t = """
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub '${AWS::Partition}-${AWS::Region}-${AWS::URLSuffix}'
                  Other:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub 'logs-${AWS::AccountId}'
                """;
        unknown("the deployment region", get(yaml(t), "Bucket", S3Bucket.class).name);
        Model m = yaml(t, "cn-north-1", Map.of());
        explicit("aws-cn-cn-north-1-amazonaws.com.cn", get(m, "Bucket", S3Bucket.class).name);
        unknown("AWS::AccountId", get(m, "Other", S3Bucket.class).name);
        explicit("cn-north-1", get(m, "Bucket", S3Bucket.class).region);
        unknown("--region", get(yaml(t), "Bucket", S3Bucket.class).region);
    }

    private static final String CONDITIONS = """
            Parameters:
              Env: {Type: String, Default: prod}
              Feature: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsDev: !Not [!Condition IsProd]
              HasFeature: !Equals [!Ref Feature, 'on']
              ProdOrFeature: !Or [!Condition IsProd, !Condition HasFeature]
              DevAndFeature: !And [!Condition IsDev, !Condition HasFeature]
              ProdAndFeature: {"Fn::And": [{"Condition": "IsProd"}, {"Condition": "HasFeature"}]}
            Resources:
              ProdKey: {Type: AWS::KMS::Key, Condition: IsProd}
              DevKey: {Type: AWS::KMS::Key, Condition: IsDev}
              FeatureKey: {Type: AWS::KMS::Key, Condition: HasFeature}
              OrKey: {Type: AWS::KMS::Key, Condition: ProdOrFeature}
              AndKey: {Type: AWS::KMS::Key, Condition: DevAndFeature}
              UnknownAndKey: {Type: AWS::KMS::Key, Condition: ProdAndFeature}
              DevAlias:
                Type: AWS::KMS::Alias
                Properties: {AliasName: alias/dev, TargetKeyId: !Ref DevKey}
              Key:
                Type: AWS::KMS::Key
                Properties:
                  EnableKeyRotation: !If [IsProd, true, false]
                  Enabled: !If [HasFeature, true, true]
                  PendingWindowInDays: !If [HasFeature, 7, 30]
                  KeySpec: !If [IsDev, RSA_2048, !Ref AWS::NoValue]
            """;

    @Test
    void conditionsExcludeResourcesAndDriveFnIf() {
        Model m = yaml(CONDITIONS);
        InputFile in = m.inputs().get(0);
        assertEquals(8, in.declared());
        assertEquals(2, in.excluded(), "DevKey and AndKey are not created");
        assertEquals(6, in.modelled());
        assertTrue(m.byAddress("DevKey").isEmpty());
        assertTrue(m.byAddress("AndKey").isEmpty());
        assertTrue(m.byAddress("OrKey").isPresent(), "true OR unknown is true");
        List<String> uncertain = m.diagnostics().stream().map(Diagnostic::message)
                .filter(s -> s.contains("exists only if")).toList();
        assertEquals(2, uncertain.size(), uncertain.toString());
        assertTrue(uncertain.get(0).startsWith("resource FeatureKey exists only if condition HasFeature holds"));
        assertTrue(uncertain.get(0).contains("parameter Feature has no value"), uncertain.get(0));

        assertTrue(m.byAddress("DevAlias").orElseThrow() instanceof GenericResource, "its key is not created");
        assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().startsWith("DevAlias")
                && d.message().contains("DevKey is not created")), m.diagnostics().toString());

        KmsKey key = get(m, "Key", KmsKey.class);
        explicit(true, key.rotationEnabled);
        explicit(true, key.enabled);
        unknown("depends on condition HasFeature, which is unknown", key.deletionWindowDays);
        unknown("parameter Feature has no value", key.deletionWindowDays);
        defaulted("SYMMETRIC_DEFAULT", key.keySpec);

        Model dev = yaml(CONDITIONS, null, Map.of("Env", "dev", "Feature", "on"));
        assertTrue(dev.byAddress("DevKey").isPresent());
        assertTrue(dev.byAddress("ProdKey").isEmpty());
        explicit("RSA_2048", get(dev, "Key", KmsKey.class).keySpec);
        explicit(7, get(dev, "Key", KmsKey.class).deletionWindowDays);
        assertTrue(dev.resolve(new Ref("alias/dev")).isPresent(), "the alias folds into the created key");
    }

    @Test
    void findInMapResolvesKnownKeysDefaultsAndAgreeingEntries() {
        String t = """
                Parameters:
                  Size: {Type: String, Default: small}
                Mappings:
                  Sizes:
                    small: {Retention: 7}
                    large: {Retention: 35}
                  Regional:
                    us-east-1: {Suffix: use1, Cidr: 10.0.0.0/16}
                    eu-west-1: {Suffix: euw1, Cidr: 10.0.0.0/16}
                Resources:
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties: {RetentionInDays: !FindInMap [Sizes, !Ref Size, Retention]}
                  Logs2:
                    Type: AWS::Logs::LogGroup
                    Properties: {RetentionInDays: !FindInMap [Sizes, medium, Retention, {DefaultValue: 14}]}
                  Vpc:
                    Type: AWS::EC2::VPC
                    Properties: {CidrBlock: !FindInMap [Regional, !Ref 'AWS::Region', Cidr]}
                  Subnet:
                    Type: AWS::EC2::Subnet
                    Properties: {AvailabilityZoneId: !FindInMap [Regional, !Ref 'AWS::Region', Suffix]}
                """;
        Model m = yaml(t);
        explicit(7, get(m, "Logs", LogGroup.class).retentionDays);
        explicit(14, get(m, "Logs2", LogGroup.class).retentionDays);
        explicit("10.0.0.0/16", get(m, "Vpc", Vpc.class).cidrBlock);
        unknown("Fn::FindInMap in Regional with a key that is not known: the deployment region",
                get(m, "Subnet", Subnet.class).availabilityZoneId);
        explicit("euw1", get(yaml(t, "eu-west-1", Map.of()), "Subnet", Subnet.class).availabilityZoneId);
        explicit(35, get(yaml(t, null, Map.of("Size", "large")), "Logs", LogGroup.class).retentionDays);
    }

    private static final String STRINGS = """
            Parameters:
              Name: {Type: String, Default: app}
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub ['${Name}-${Suffix}-${!Literal}', {Suffix: data}]
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Sub '${Bucket}'
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: '*'
                        Action: 's3:*'
                        Resource: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'
                        Condition: {Bool: {'aws:SecureTransport': false}}
              Sg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: !Join ['-', [a, !Ref Name, c]]
                  GroupName: !Join ['', [!Ref 'AWS::StackName', x]]
                  SecurityGroupIngress:
                    - IpProtocol: '6'
                      FromPort: !Select [1, !Split [',', '80,443']]
                      ToPort: '443'
                      CidrIp: !Select [0, [10.0.0.0/8, 0.0.0.0/0]]
                      Description: !Base64 hi
            """;

    /** A user who names the stack ({@code --param AWS::StackName=web}) gets the names built from it. */
    @Test
    void stackNameAndAccountFromAParameterOverride() {
        String t = """
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub '${AWS::StackName}-logs-${AWS::AccountId}'
                """;
        unknown("Fn::Sub: the stack name (AWS::StackName) is known only at deploy time",
                get(yaml(t), "B", S3Bucket.class).name);
        explicit("web-logs-123456789012", get(yaml(t, null, Map.of("AWS::StackName", "web",
                "AWS::AccountId", "123456789012")), "B", S3Bucket.class).name);
        unknown("Fn::Sub: the account id (AWS::AccountId) is known only at deploy time",
                get(yaml(t, null, Map.of("AWS::StackName", "web")), "B", S3Bucket.class).name);
    }

    @Test
    void subJoinSelectSplitAndBase64() {
        Model m = yaml(STRINGS);
        S3Bucket bucket = get(m, "Bucket", S3Bucket.class);
        explicit("app-data-${Literal}", bucket.name);
        assertEquals(List.of("Policy"), bucket.folded(), "Fn::Sub '${Bucket}' is a plain reference");
        String policy = bucket.policy.get();
        assertTrue(policy.contains("\"Resource\":\"arn:${AWS::Partition}:s3:::${Bucket}/*\""), policy);
        assertTrue(policy.contains("\"aws:SecureTransport\":false"), policy);

        SecurityGroup sg = get(m, "Sg", SecurityGroup.class);
        explicit("a-app-c", sg.description);
        unknown("Fn::Join: the stack name (AWS::StackName) is known only at deploy time", sg.groupName);
        SgRule rule = sg.rules.get(0);
        explicit("tcp", rule.protocol());
        explicit(443, rule.fromPort());
        explicit(443, rule.toPort());
        explicit("10.0.0.0/8", rule.peerCidr());
        assertEquals("aGk=", rule.description());
        Model split = yaml("""
                Resources:
                  B: {Type: AWS::S3::Bucket, Properties: {BucketName: !Select [0, !Split ['-', !Sub '${AWS::Partition}-x']]}}
                """, "us-east-1", Map.of());
        explicit("aws", get(split, "B", S3Bucket.class).name);
    }

    @Test
    void availabilityZonesByIndexStayComparableButUnknown() {
        String t = """
                Resources:
                  A:
                    Type: AWS::EC2::Subnet
                    Properties: {AvailabilityZone: !Select [0, !GetAZs '']}
                  B:
                    Type: AWS::EC2::Subnet
                    Properties:
                      AvailabilityZone: !Select
                        - 1
                        - !GetAZs
                          Ref: AWS::Region
                  C:
                    Type: AWS::EC2::Subnet
                    Properties: {AvailabilityZone: eu-west-1c}
                  Cache:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      PreferredCacheClusterAZs: [!Select [0, !GetAZs ''], !Select [1, !GetAZs '']]
                  Asg:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {AvailabilityZones: !GetAZs '', MinSize: '3', MaxSize: 6}
                """;
        Model m = yaml(t);
        Subnet a = get(m, "A", Subnet.class);
        unknown("AZ index 0 of the region's AZs", a.availabilityZone);
        assertTrue(a.availabilityZone.note().startsWith(CloudFormationSource.AZ_INDEX_REASON_PREFIX + "0 "));
        assertTrue(a.availabilityZone.note().contains("region not declared"));
        unknown("AZ index 1 of the region's AZs", get(m, "B", Subnet.class).availabilityZone);
        explicit("eu-west-1c", get(m, "C", Subnet.class).availabilityZone);
        unknown("AZ indexes [0, 1] of the region's AZs", get(m, "Cache", CacheReplicationGroup.class).preferredAzs);
        AutoScalingGroup asg = get(m, "Asg", AutoScalingGroup.class);
        unknown("all availability zones of the region", asg.availabilityZones);
        explicit(3, asg.minSize);
        explicit(6, asg.maxSize);

        Model declared = yaml(t, "eu-west-1", Map.of());
        Subnet b = get(declared, "B", Subnet.class);
        unknown("AZ index 1 of the region's AZs", b.availabilityZone);
        assertTrue(b.availabilityZone.note().contains("region eu-west-1"), b.availabilityZone.note());
    }

    @Test
    void getAttOfIdentityAttributesIsAReference() {
        String t = """
                Resources:
                  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: db
                      VpcId: !GetAtt Vpc.VpcId
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: !GetAtt Vpc.CidrBlock}
                  Key: {Type: AWS::KMS::Key}
                  Eks:
                    Type: AWS::EKS::Cluster
                    Properties: {ResourcesVpcConfig: {SubnetIds: [subnet-1, subnet-2]}, RoleArn: arn:aws:iam::1:role/x}
                  Db:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-postgresql
                      KmsKeyId: !GetAtt Key.Arn
                      VpcSecurityGroupIds: [!GetAtt Sg.GroupId]
                  Db2:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-postgresql
                      VpcSecurityGroupIds: [!GetAtt Sg.GroupId, !GetAtt Eks.ClusterSecurityGroupId]
                      GlobalClusterIdentifier: !GetAtt Db.Endpoint.Address
                """;
        Model m = yaml(t);
        SecurityGroup sg = get(m, "Sg", SecurityGroup.class);
        explicit(new Ref("Vpc"), sg.vpc);
        explicit("10.0.0.0/16", sg.rules.get(0).peerCidr());
        DbCluster db = get(m, "Db", DbCluster.class);
        explicit(new Ref("Key"), db.kmsKey);
        assertTrue(m.resolve(db.kmsKey.get(), KmsKey.class).isPresent());
        explicit(List.of(new Ref("Sg")), db.securityGroups);
        DbCluster db2 = get(m, "Db2", DbCluster.class);
        unknown("item 1: attribute ClusterSecurityGroupId of Eks is known only after deploy", db2.securityGroups);
        unknown("attribute Endpoint.Address of Db is known only after deploy", db2.globalCluster);
        defaulted(List.of(), get(m, "Eks", EksCluster.class).encryptedResources);
    }

    @Test
    void importValueNoValueAndDynamicReferences() {
        String t = """
                Resources:
                  Subnet:
                    Type: AWS::EC2::Subnet
                    Properties:
                      VpcId: !ImportValue shared-vpc
                      CidrBlock: '{{resolve:ssm:/net/cidr}}'
                  Db:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: '{{resolve:secretsmanager:db-name:SecretString:name}}'
                      KmsKeyId: !Sub '{{resolve:ssm-secure:${AWS::StackName}-key}}'
                      DeletionProtection: !Ref AWS::NoValue
                      Engine: aurora-mysql
                """;
        Model m = yaml(t);
        Subnet s = get(m, "Subnet", Subnet.class);
        unknown("imported from another stack (Fn::ImportValue shared-vpc)", s.vpc);
        unknown("dynamic reference {{resolve:ssm:...}}", s.cidrBlock);
        assertFalse(s.cidrBlock.isSensitive());
        DbCluster db = get(m, "Db", DbCluster.class);
        unknown("{{resolve:secretsmanager:...}}", db.name);
        assertTrue(db.name.isSensitive());
        unknown("{{resolve:ssm-secure:...}}", db.kmsKey);
        assertTrue(db.kmsKey.isSensitive());
        defaulted(false, db.deletionProtection);
    }

    @Test
    void badTemplatesNameFileLineAndColumn() {
        InputException unknownFn = assertThrows(InputException.class, () -> yaml("""
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                    Properties:
                      Description: {"Fn::Frobnicate": [a]}
                """));
        assertEquals("t.yaml", unknownFn.file());
        assertEquals(5, unknownFn.line());
        assertTrue(unknownFn.problem().contains("unknown intrinsic function Fn::Frobnicate"), unknownFn.problem());

        InputException notAMap = assertThrows(InputException.class, () -> yaml("Resources:\n  - a\n"));
        assertEquals(2, notAMap.line());
        assertTrue(notAMap.problem().contains("Resources must be a mapping"));

        InputException noType = assertThrows(InputException.class, () -> yaml("""
                Resources:
                  Key:
                    Properties: {}
                """));
        assertEquals(3, noType.line());
        assertTrue(noType.problem().contains("resource Key has no Type"));

        InputException badRef = assertThrows(InputException.class, () -> yaml("""
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                    Properties: {Description: !Ref Nowhere}
                """));
        assertEquals(4, badRef.line());
        assertTrue(badRef.problem().contains("Ref to Nowhere"), badRef.problem());

        InputException badCondition = assertThrows(InputException.class, () -> yaml("""
                Resources:
                  Key: {Type: AWS::KMS::Key, Condition: Missing}
                """));
        assertTrue(badCondition.problem().contains("condition Missing is not declared"));

        InputException badIf = assertThrows(InputException.class, () -> yaml("""
                Conditions:
                  C: !Equals [a, a]
                Resources:
                  Key: {Type: AWS::KMS::Key, Properties: {Description: !If [C, x]}}
                """));
        assertTrue(badIf.problem().contains("Fn::If expects a list of 3 arguments"), badIf.problem());

        InputException noResources = assertThrows(InputException.class,
                () -> yaml("AWSTemplateFormatVersion: '2010-09-09'\n"));
        assertTrue(noResources.problem().contains("no Resources"));
    }

    @Test
    void transformsAreReportedAndWhatTheyMayRewriteIsUnknown() {
        String macro = """
                Transform: [MyMacro]
                Parameters:
                  Cidr: {Type: String, Default: 10.0.0.0/16}
                Resources:
                  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Ref Cidr}}
                  Included:
                    Type: AWS::S3::Bucket
                    Properties:
                      'Fn::Transform': {Name: 'AWS::Include', Parameters: {Location: 's3://b/k'}}
                  Uses: {Type: AWS::KMS::Key, Properties: {Description: !Ref CreatedByMacro}}
                """;
        Model m = yaml(macro);
        unknown("may be rewritten by the template macro MyMacro", get(m, "Vpc", Vpc.class).cidrBlock);
        explicit("10.0.0.0/16", get(yaml(macro, null, Map.of("Cidr", "10.0.0.0/16")), "Vpc", Vpc.class).cidrBlock);
        unknown("Fn::Transform AWS::Include", get(m, "Included", S3Bucket.class).versioning);
        assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().startsWith("Transform MyMacro")));

        Model forEach = yaml("""
                Transform: AWS::LanguageExtensions
                Resources:
                  'Fn::ForEach::Buckets':
                    - Id
                    - [A, B]
                    - 'Bucket${Id}': {Type: AWS::S3::Bucket}
                  Key:
                    Type: AWS::KMS::Key
                    DeletionPolicy: !If [Never, Retain, Delete]
                    Properties:
                      PendingWindowInDays: !Length [a, b, c, d, e, f, g]
                      Description: !ToJsonString {a: [1, true]}
                Conditions:
                  Never: !Equals [a, b]
                """);
        InputFile in = forEach.inputs().get(0);
        assertEquals(2, in.declared());
        assertEquals(1, in.excluded());
        assertEquals(1, in.modelled());
        explicit(7, get(forEach, "Key", KmsKey.class).deletionWindowDays);
        assertEquals(2, forEach.diagnostics().size(), forEach.diagnostics().toString());

        Model sam = yaml("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Role: !GetAtt FnRole.Arn}
                """);
        assertTrue(sam.resources().get(0) instanceof GenericResource);
        assertTrue(sam.diagnostics().get(0).message().contains("SAM"));
    }

    @Test
    void nestedStacksAndPackagingTagsAreKeptWithDiagnostics() {
        Model m = yaml("""
                Resources:
                  Network:
                    Type: AWS::CloudFormation::Stack
                    Properties: {TemplateURL: https://example.com/vpc.yaml}
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: !Rain::Embed description.txt
                      VpcId: !GetAtt Network.Outputs.VpcId
                """);
        assertTrue(m.byAddress("Network").orElseThrow() instanceof GenericResource);
        assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().contains("Network is a nested stack")));
        SecurityGroup sg = get(m, "Sg", SecurityGroup.class);
        unknown("output VpcId of the nested stack Network", sg.vpc);
        unknown("tagged !Rain::Embed", sg.description);
        assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().startsWith("YAML tag !Rain::Embed")));
    }

    @Test
    void evaluatorKeepsUnknownIdentitiesAndPlaceholders() {
        Ev.Loc loc = Ev.Loc.NONE;
        Ev.Unk a = new Ev.Unk("x", loc, false, null, "param:P", null);
        Ev.Unk b = new Ev.Unk("y", loc, false, null, "param:P", null);
        assertTrue(Ev.same(a, b), "the same unknown parameter is the same value");
        assertFalse(Ev.same(Ev.Unk.of("x", loc), Ev.Unk.of("x", loc)), "anonymous unknowns are never equal");
        Evaluator.Rendered r = Evaluator.render(new Ev.Obj(Map.of("k", new Ev.ResRef("B", "Arn", loc)), loc));
        assertEquals("{\"k\":\"${B.Arn}\"}", r.json());
        Evaluator.Rendered failed = Evaluator.render(new Ev.Arr(List.of(Ev.Unk.of("why", loc)), loc));
        assertNull(failed.json());
        assertEquals("why", failed.failure());
        assertTrue(Evaluator.isIdentityAttribute("AWS::EC2::Subnet", "SubnetId"));
        assertTrue(Evaluator.isIdentityAttribute("AWS::EC2::SecurityGroup", "GroupId"));
        assertFalse(Evaluator.isIdentityAttribute("AWS::EC2::SecurityGroup", "VpcId"));
        assertFalse(Evaluator.isIdentityAttribute("AWS::EKS::Cluster", "ClusterSecurityGroupId"));
        assertEquals("aws-us-gov", Evaluator.partition("us-gov-west-1"));
    }
}
