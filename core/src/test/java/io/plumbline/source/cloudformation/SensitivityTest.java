package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Templates.get;
import static io.plumbline.source.cloudformation.Templates.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.source.InputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A NoEcho value stays sensitive through every intrinsic and conversion, and the model knows its strings. */
class SensitivityTest {
    private static final String PARAMS = """
            Parameters:
              Secret: {Type: String, NoEcho: true, Default: s3cr3t-value}
              Days: {Type: Number, NoEcho: true, Default: '3'}
              Flag: {Type: String, NoEcho: true, Default: 'true'}
              Items: {Type: CommaDelimitedList, NoEcho: true, Default: 's3cr3t-a,s3cr3t-b'}
              Plain: {Type: String, Default: plain}
            Mappings:
              M:
                s3cr3t-value: {Days: 9}
                plain: {Days: 8}
            Conditions:
              OnSecret: !Equals [!Ref Secret, prod]
            """;

    @Test
    void derivedValuesAreSensitive() {
        Model m = yaml(PARAMS + """
                Resources:
                  Db:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: !Join ['-', [db, !Ref Secret]]
                      BackupRetentionPeriod: !FindInMap [M, !Ref Secret, Days]
                      DeletionProtection: !Ref Flag
                      StorageEncrypted: !If [OnSecret, true, false]
                      KmsKeyId: !Sub 'arn:aws:kms:eu-west-1:1:key/${Secret}'
                      EngineVersion: !Select [1, !Ref Items]
                  Other:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      BackupRetentionPeriod: !FindInMap [M, !Ref Plain, Days]
                      EngineVersion: !Select [0, !Split ['|', !Sub '${Secret}|x']]
                """);
        DbCluster db = get(m, "Db", DbCluster.class);
        assertTrue(db.backupRetentionPeriod.isSensitive(), "the entry a secret key selects");
        assertEquals(9, db.backupRetentionPeriod.get(), "still known to rules");
        assertTrue(db.deletionProtection.isSensitive(), "a NoEcho value converted to a boolean");
        assertTrue(db.storageEncrypted.isSensitive(), "the branch a condition on a secret chooses");
        assertTrue(db.kmsKey.isSensitive(), "Sub");
        assertTrue(db.engineVersion.isSensitive(), "Select of a NoEcho list");
        DbCluster other = get(m, "Other", DbCluster.class);
        assertFalse(other.backupRetentionPeriod.isSensitive(), "a plain key selects a plain value");
        assertTrue(other.engineVersion.isSensitive(), "Split of a Sub of a secret");
        for (String s : new String[] {"s3cr3t-value", "db-s3cr3t-value", "arn:aws:kms:eu-west-1:1:key/s3cr3t-value",
                "s3cr3t-a", "s3cr3t-b"}) {
            assertTrue(m.secrets().texts().contains(s), () -> s + " in " + m.secrets().texts());
        }
        assertEquals("kms (sensitive) of db (sensitive)",
                m.redact("kms arn:aws:kms:eu-west-1:1:key/s3cr3t-value of db db-s3cr3t-value", "Db"));
    }

    @Test
    void tagsAndRuleDescriptionsFromASecretAreKnownSecrets() {
        Model m = yaml(PARAMS + """
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: admin
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: !Ref Days, ToPort: !Ref Days, CidrIp: 0.0.0.0/0,
                           Description: !Sub 'rdp-${Secret}'}
                      Tags: [{Key: Owner, Value: !Ref Secret}, {Key: tier, Value: public}]
                  B:
                    Type: AWS::S3::Bucket
                    Properties:
                      Tags: [{Key: tier, Value: data}]
                """, "eu-west-1", Map.of("Secret", "s3cr3t-override"));
        SecurityGroup sg = get(m, "Sg", SecurityGroup.class);
        assertTrue(sg.tags.isSensitive(), "a tag from a NoEcho parameter makes the tag map sensitive");
        assertEquals("public", sg.tag("tier"), "rules still read the tags");
        SgRule rule = sg.rules.get(0);
        assertTrue(rule.fromPort().isSensitive() && rule.toPort().isSensitive());
        assertTrue(m.secrets().texts().contains("rdp-s3cr3t-override"), "a derived description");
        assertEquals("rule (sensitive) on port (sensitive)", m.redact("rule rdp-s3cr3t-override on port 3", "Sg"));
        assertEquals("port 3 of B", m.redact("port 3 of B", "B"), "a short secret belongs to its resource");
        assertFalse(get(m, "B", S3Bucket.class).tags.isSensitive());
    }

    @Test
    void errorsAndReasonsNeverRepeatTheSecret() {
        Model m = yaml(PARAMS + """
                Resources:
                  Db:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      BackupRetentionPeriod: !FindInMap [M, !Sub '${Secret}-missing', Days]
                      DeletionProtection: !Ref Secret
                """);
        DbCluster db = get(m, "Db", DbCluster.class);
        assertTrue(db.backupRetentionPeriod.note().contains("has no entry [(sensitive)][Days]"),
                db.backupRetentionPeriod.note());
        assertEquals("expected a boolean, found '(sensitive)'", db.deletionProtection.note());
        InputException e = assertThrows(InputException.class, () -> yaml(PARAMS + """
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: {Ref: !Sub '${Secret}-nothing'}
                """));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertTrue(e.getMessage().contains("(sensitive)-nothing"), e.getMessage());
        InputException c = assertThrows(InputException.class, () -> yaml(PARAMS.replace("!Equals [!Ref Secret, prod]",
                "!Ref Secret") + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: OnSecret\n"));
        assertTrue(c.getMessage().endsWith("a condition must be a boolean, found '(sensitive)'"), c.getMessage());
    }
}
