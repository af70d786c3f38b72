package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.model.Certainty;
import io.plumbline.model.Value;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.security.OidcProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * moto does not serve config:SelectResourceConfig (it returns queued results only to an in-process caller, never
 * runs the query), so these configuration items are HAND-WRITTEN from AWS documentation: the CI envelope and the
 * property paths of awslabs/aws-config-resource-schema (AWS::CloudFront::Distribution: configuration.distributionConfig.*
 * in Config casing; AWS::IAM::OIDCProvider: PascalCase Cloud Control properties) and the SelectResourceConfig result
 * format of the Config developer guide (each result a JSON document in a string, tags as [{key, value}]). They are
 * not recorded AWS output.
 */
class ConfigItemsTest {

    /** Hand-written: a SelectResourceConfig result for "SELECT accountId, awsRegion, arn, resourceId, resourceType,
     * tags, configuration WHERE resourceType = 'AWS::CloudFront::Distribution'". */
    static final String DISTRIBUTION = """
            {"accountId":"123456789012","awsRegion":"us-east-1","resourceType":"AWS::CloudFront::Distribution",
             "resourceId":"E2QWRUHAPOMQZL","arn":"arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL",
             "tags":[{"key":"Name","value":"front-door"}],
             "configuration":{"domainName":"d111111abcdef8.cloudfront.net","distributionConfig":{
               "aliases":{"quantity":1,"items":["shop.example.com"]},
               "webACLId":"arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0c5e1f0a",
               "defaultCacheBehavior":{"targetOriginId":"alb","viewerProtocolPolicy":"redirect-to-https"},
               "cacheBehaviors":{"quantity":1,"items":[{"pathPattern":"/api/*","viewerProtocolPolicy":"https-only"}]},
               "viewerCertificate":{"cloudFrontDefaultCertificate":false,
                 "acmCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/abc",
                 "sslSupportMethod":"sni-only","minimumProtocolVersion":"TLSv1.2_2021"},
               "logging":{"enabled":true,"includeCookies":false,"bucket":"edge-logs.s3.amazonaws.com","prefix":"cf/"},
               "origins":{"quantity":1,"items":[{"id":"alb","domainName":"alb.example.com",
                 "customOriginConfig":{"httpPort":80,"httpsPort":443,"originProtocolPolicy":"https-only",
                   "originSslProtocols":{"quantity":1,"items":["TLSv1.2"]}}}]},
               "enabled":true}}}""";

    @Test
    void selectResultOfADistributionGivesTheCollectorsShape() {
        ConfigItems.Item item = ConfigItems.parse(DISTRIBUTION);
        assertEquals("AWS::CloudFront::Distribution", item.resourceType());
        assertEquals("us-east-1", item.awsRegion());
        assertEquals(Map.of("Name", "front-door"), item.tags());
        CloudFrontDistribution d = ConfigItems.cloudFront(item);
        assertEquals("arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL", d.address());
        assertEquals("arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0c5e1f0a", d.webAcl.get().target());
        assertEquals(List.of("redirect-to-https", "https-only"), d.viewerProtocolPolicies.get());
        assertEquals("TLSv1.2_2021", d.minimumProtocolVersion.get());
        assertEquals("sni-only", d.sslSupportMethod.get());
        assertFalse(d.defaultCertificate.get());
        assertEquals(new io.plumbline.model.Ref("edge-logs.s3.amazonaws.com"), d.loggingBucket.get());
        assertEquals(List.of("alb.example.com"), d.originDomains.get());
        assertEquals(List.of("https-only"), d.originProtocolPolicies.get());
        assertEquals(List.of("TLSv1.2"), d.originSslProtocols.get());
        assertEquals(List.of("shop.example.com"), d.aliases.get());
        assertTrue(d.enabled.get());
        assertEquals(ConfigItems.SELECT_RESOURCE_CONFIG, d.webAcl.provenance().operation());
        assertEquals("123456789012", d.webAcl.provenance().account());
        assertEquals(d.address(), d.webAcl.provenance().arn());
    }

    @Test
    void emptyWebAclAndDisabledLoggingAreExplicitAbsences() {
        // Hand-written: the same CI shape with WebACLId "" and logging off.
        String ci = DISTRIBUTION.replace("\"arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0c5e1f0a\"", "\"\"")
                .replace("\"logging\":{\"enabled\":true", "\"logging\":{\"enabled\":false");
        CloudFrontDistribution d = ConfigItems.cloudFront(ConfigItems.parse(ci));
        assertEquals(Certainty.EXPLICIT, d.webAcl.certainty());
        assertNull(d.webAcl.get());
        assertEquals(Certainty.EXPLICIT, d.loggingBucket.certainty());
        assertNull(d.loggingBucket.get());
    }

    @Test
    void propertiesTheQueryDidNotSelectStayNotInInput() {
        // Hand-written: "SELECT resourceId, resourceType, configuration.distributionConfig.webACLId WHERE ...".
        String ci = "{\"resourceId\":\"E1\",\"resourceType\":\"AWS::CloudFront::Distribution\","
                + "\"configuration\":{\"distributionConfig\":{\"webACLId\":\"\"}}}";
        CloudFrontDistribution d = ConfigItems.cloudFront(ConfigItems.parse(ci));
        assertNull(d.webAcl.get());
        assertSame(Value.notInInput(), d.viewerProtocolPolicies);
        assertSame(Value.notInInput(), d.loggingBucket);
        assertSame(Value.notInInput(), d.minimumProtocolVersion);
        assertSame(Value.notInInput(), d.enabled);
        assertSame(Value.notInInput(), d.tags);
    }

    @Test
    void batchGetStyleItemsWithConfigurationAsAStringAndOtherCasingAreRead() {
        // Hand-written: a BatchGetResourceConfig baseConfigurationItem (configuration is a JSON string; tags a map),
        // for a Cloud Control type with PascalCase properties.
        String ci = """
                {"version":"1.3","accountId":"123456789012","awsRegion":"us-east-1",
                 "resourceType":"AWS::IAM::OIDCProvider",
                 "resourceId":"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
                 "arn":"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
                 "tags":{"cluster":"platform"},
                 "configuration":"{\\"Url\\":\\"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC\\",\\"ClientIdList\\":[\\"sts.amazonaws.com\\"],\\"ThumbprintList\\":[\\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\\"]}",
                 "supplementaryConfiguration":{}}""";
        ConfigItems.Item item = ConfigItems.parse(ci);
        assertEquals("sts.amazonaws.com", item.path("configuration.clientidlist").get(0).asText(),
                "paths match whatever the casing");
        OidcProvider o = ConfigItems.oidcProvider(item);
        assertEquals("oidc.eks.eu-west-1.amazonaws.com/id/ABC", o.url.get(), "stored without https://, as IAM does");
        assertEquals(List.of("sts.amazonaws.com"), o.clientIds.get());
        assertEquals(List.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"), o.thumbprints.get());
        assertEquals(Map.of("cluster", "platform"), o.tags.get());
        assertTrue(o.aliases().contains("oidc.eks.eu-west-1.amazonaws.com/id/ABC"));
    }

    @Test
    void supplementaryConfigurationStringsAreParsedAndBadInputIsRejected() {
        // Hand-written after the AWS::S3::Bucket CI: supplementaryConfiguration values are JSON strings.
        String ci = "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"b\",\"configuration\":{\"name\":\"b\"},"
                + "\"supplementaryConfiguration\":{\"BucketVersioningConfiguration\":"
                + "\"{\\\"status\\\":\\\"Enabled\\\",\\\"isMfaDeleteEnabled\\\":null}\"}}";
        ConfigItems.Item item = ConfigItems.parse(ci);
        assertEquals("Enabled",
                item.path("supplementaryConfiguration.BucketVersioningConfiguration.status").asText());
        assertTrue(item.path("configuration.nothing.here").isMissingNode());
        assertThrows(IllegalArgumentException.class, () -> ConfigItems.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> ConfigItems.parse("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> ConfigItems.cloudFront(item));
        assertEquals(2, ConfigItems.parseAll(List.of(DISTRIBUTION, ci)).size());
    }

    // ------------------------------------------------------------------ S3 and KMS (--use-config)

    private static final io.plumbline.model.Provenance AT = io.plumbline.model.Provenance.live("123456789012",
            "eu-west-1", "arn", ConfigItems.SELECT_RESOURCE_CONFIG);

    @Test
    void aBucketItemWithoutRecordedSettingsIsReadDirectlyNotTakenForNotConfigured() {
        // Hand-written: a Select result whose supplementaryConfiguration is missing (Config has not recorded it yet)
        ConfigItems.Item item = ConfigItems.parse("""
                {"resourceType":"AWS::S3::Bucket","resourceId":"b","resourceName":"b","awsRegion":"eu-west-1",
                 "tags":[]}""");
        var r = new io.plumbline.model.storage.S3Bucket("arn:aws:s3:::b", "s3:Bucket", AT);
        var direct = ConfigItems.s3Bucket(item, r, AT);
        assertTrue(direct.containsAll(List.of(S3Collector.GET_BUCKET_VERSIONING, S3Collector.GET_PUBLIC_ACCESS_BLOCK,
                S3Collector.GET_ENCRYPTION_CONFIGURATION, S3Collector.GET_LIFECYCLE_CONFIGURATION)), "" + direct);
        assertEquals(Certainty.UNKNOWN, r.blockPublicAcls.certainty(), "left for the direct read, not false");
        assertEquals(Certainty.UNKNOWN, r.versioning.certainty());
    }

    @Test
    void bucketSettingsUseTheDirectPathsStringsAndReplicationRulesAreReadDirectly() {
        // Hand-written from AWS::S3::Bucket.properties.json (leaf paths; -1 is how the recorded SDK model leaves an
        // unset lifecycle expiration)
        ConfigItems.Item item = ConfigItems.parse("""
                {"resourceType":"AWS::S3::Bucket","resourceId":"b","awsRegion":"eu-west-1",
                 "tags":[{"key":"k","value":"v"}],
                 "supplementaryConfiguration":{
                   "BucketVersioningConfiguration":{"status":"Suspended","isMfaDeleteEnabled":true},
                   "ServerSideEncryptionConfiguration":{"rules":[{"applyServerSideEncryptionByDefault":
                     {"sseAlgorithm":"AES256","kmsMasterKeyID":""}}]},
                   "BucketLifecycleConfiguration":{"rules":[{"status":"Disabled","expirationInDays":-1,
                     "noncurrentVersionExpirationInDays":7,"transitions":[{"storageClass":"DEEP_ARCHIVE"}]}]},
                   "BucketReplicationConfiguration":{"roleARN":"arn:aws:iam::123456789012:role/r"},
                   "BucketLoggingConfiguration":{}}}""");
        var r = new io.plumbline.model.storage.S3Bucket("arn:aws:s3:::b", "s3:Bucket", AT);
        assertEquals(java.util.Set.of(S3Collector.GET_REPLICATION_CONFIGURATION), ConfigItems.s3Bucket(item, r, AT));
        assertEquals("Suspended", r.versioning.get());
        assertEquals("Enabled", r.mfaDelete.get());
        assertEquals("AES256", r.sseAlgorithm.get());
        assertEquals(Certainty.EXPLICIT, r.sseAlgorithm.certainty());
        assertNull(r.sseKmsKey.get());
        assertEquals(false, r.bucketKeyEnabled.get());
        assertEquals(false, r.restrictPublicBuckets.get(), "no PublicAccessBlockConfiguration: none at bucket level");
        var rule = r.lifecycleRules.get().get(0);
        assertEquals("Disabled", rule.status().get());
        assertNull(rule.expirationDays().get());
        assertEquals(7, rule.noncurrentExpirationDays().get());
        assertEquals(List.of("DEEP_ARCHIVE"), rule.transitionStorageClasses().get());
        assertNull(r.loggingTarget.get());
        assertEquals(Map.of("k", "v"), r.tags.get());
        assertEquals(ConfigItems.NO_BUCKET_POLICY, r.policy.note());
    }

    @Test
    void keyItemsFillTheKeyOrAskForTheDirectReads() {
        var p = AT;
        // Hand-written from AWS::KMS::Key.properties.json: no keyManager → the whole key is read directly
        var partial = ConfigItems.parse("""
                {"resourceType":"AWS::KMS::Key","resourceId":"k1","configuration":{"keyState":"Enabled"}}""");
        var k = new io.plumbline.model.security.KmsKey("arn:k1", "kms:Key", p);
        assertEquals(java.util.Set.of(KmsCollector.DESCRIBE_KEY), ConfigItems.kmsKey(partial, k, p));
        // a rotatable key without recorded rotation status → GetKeyRotationStatus only
        var noRotation = ConfigItems.parse("""
                {"resourceType":"AWS::KMS::Key","resourceId":"k2","configuration":{"keyState":"PendingDeletion",
                 "keyManager":"CUSTOMER","customerMasterKeySpec":"SYMMETRIC_DEFAULT","origin":"AWS_KMS",
                 "keyUsage":"ENCRYPT_DECRYPT","enabled":false},"supplementaryConfiguration":{}}""");
        k = new io.plumbline.model.security.KmsKey("arn:k2", "kms:Key", p);
        assertEquals(java.util.Set.of(KmsCollector.GET_KEY_ROTATION_STATUS), ConfigItems.kmsKey(noRotation, k, p));
        assertEquals(false, k.enabled.get());
        assertEquals(ConfigItems.NO_DELETION_WINDOW, k.deletionWindowDays.note());
        assertEquals(ConfigItems.NO_KEY_POLICY, k.policy.note());
        // an AWS-managed key: the AWS rotation default, no tags, nothing to read
        var managed = ConfigItems.parse("""
                {"resourceType":"AWS::KMS::Key","resourceId":"k3","configuration":{"keyState":"Enabled",
                 "keyManager":"AWS","customerMasterKeySpec":"SYMMETRIC_DEFAULT","origin":"AWS_KMS",
                 "keyUsage":"ENCRYPT_DECRYPT","enabled":true}}""");
        k = new io.plumbline.model.security.KmsKey("arn:k3", "kms:Key", p);
        assertTrue(ConfigItems.kmsKey(managed, k, p).isEmpty());
        assertEquals(Certainty.DEFAULTED, k.rotationEnabled.certainty());
        assertEquals(Map.of(), k.tags.get());
    }
}
