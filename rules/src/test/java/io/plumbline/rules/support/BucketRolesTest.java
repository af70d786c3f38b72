package io.plumbline.rules.support;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.security.WafWebAcl;
import io.plumbline.model.storage.BucketWriter;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bucket role inference of rule catalog §0.7: what uses a bucket decides its role when no tag says. */
class BucketRolesTest {

    private static S3Bucket bucket(String name) {
        S3Bucket b = new S3Bucket("aws_s3_bucket." + name.replace('-', '_'), "aws_s3_bucket", at());
        b.name = explicit(name);
        b.addAlias(name);
        b.addAlias("arn:aws:s3:::" + name);
        b.tags = explicit(Map.of());
        return b;
    }

    private static BucketWriter writer(String address, String writes, String delivers, Value<List<Ref>> buckets) {
        BucketWriter w = new BucketWriter(address, address.substring(0, address.indexOf('.')), at());
        w.writes = explicit(writes);
        w.delivers = explicit(delivers);
        w.buckets = buckets;
        return w;
    }

    private static BucketRoles.Role role(S3Bucket b, Resource... all) {
        List<Resource> rs = new ArrayList<>(List.of(all));
        if (!rs.contains(b)) rs.add(0, b);
        return BucketRoles.in(new Model(rs, List.of(), List.of()), profile().roles()).of(b);
    }

    @Test
    void logsFromEveryKindOfLogDelivery() {
        S3Bucket alb = bucket("alb-logs");
        LoadBalancer lb = new LoadBalancer("aws_lb.web", "aws_lb", at());
        lb.type = explicit("application");
        lb.accessLogsEnabled = explicit(true);
        lb.accessLogsBucket = ref("alb-logs");
        BucketRoles.Role r = role(alb, lb);
        assertEquals("logs", r.role());
        assertEquals("logs: target of the access logs of ALB aws_lb.web", r.how());

        S3Bucket cf = bucket("edge-logs");
        CloudFrontDistribution d = new CloudFrontDistribution("aws_cloudfront_distribution.e", "x", at());
        d.loggingBucket = ref("edge-logs.s3.amazonaws.com");
        assertEquals("logs", role(cf, d).role());

        S3Bucket access = bucket("access-logs");
        S3Bucket source = bucket("data");
        source.loggingTarget = ref("aws_s3_bucket.access_logs");
        assertTrue(role(access, source).how().contains("server access logs of bucket aws_s3_bucket.data"));
        assertEquals("general", role(source, access).role(), "the logging source itself has no use");

        S3Bucket trail = bucket("trail");
        assertEquals("logs", role(trail, writer("aws_cloudtrail.t", "logs", "CloudTrail log files",
                refs("trail/prefix"))).role());
        S3Bucket flow = bucket("flow");
        assertEquals("logs", role(flow, writer("aws_flow_log.f", "logs", "VPC flow logs",
                refs("arn:aws:s3:::flow/AWSLogs/"))).role());
        S3Bucket waf = bucket("aws-waf-logs-x");
        WafWebAcl acl = new WafWebAcl("arn:aws:wafv2:eu-west-1:1:regional/webacl/a/1", "wafv2:WebACL", at());
        acl.loggingDestinations = explicit(List.of("arn:aws:logs:eu-west-1:1:log-group:g", "arn:aws:s3:::aws-waf-logs-x"));
        assertEquals("logs", role(waf, acl).role());
    }

    @Test
    void backupsAndArtifacts() {
        S3Bucket replica = bucket("replica");
        S3Bucket source = bucket("source");
        source.replicationRules = explicit(List.of(new ReplicationRule(explicit("Enabled"),
                ref("arn:aws:s3:::replica"), explicit(null), explicit(null))));
        assertEquals("backups", role(replica, source).role());
        S3Bucket export = bucket("exports");
        assertEquals("backups", role(export, writer("aws_rds_export_task.x", "backups", "RDS snapshot export",
                refs("exports"))).role());
        S3Bucket store = bucket("pipeline-store");
        BucketRoles.Role r = role(store, writer("aws_codepipeline.p", "artifacts", "CodePipeline artifacts",
                refs("s3://pipeline-store")));
        assertEquals("artifacts", r.role());
        assertEquals("artifacts: target of the CodePipeline artifacts of aws_codepipeline.p", r.how());
    }

    @Test
    void aDisabledRuleOrLogDeliveryGivesNoRole() {
        S3Bucket target = bucket("target");
        S3Bucket source = bucket("source");
        source.replicationRules = explicit(List.of(new ReplicationRule(explicit("Disabled"),
                ref("target"), explicit(null), explicit(null))));
        LoadBalancer lb = new LoadBalancer("aws_lb.web", "aws_lb", at());
        lb.accessLogsEnabled = explicit(false);
        lb.accessLogsBucket = ref("target");
        assertEquals("general", role(target, source, lb).role());
    }

    @Test
    void severalUsesNameEveryOneAndBackupsWinOverLogs() {
        S3Bucket b = bucket("shared");
        S3Bucket source = bucket("source");
        source.replicationRules = explicit(List.of(new ReplicationRule(explicit("Enabled"), ref("shared"),
                explicit(null), explicit(null))));
        BucketWriter trail = writer("aws_cloudtrail.t", "logs", "CloudTrail log files", refs("shared"));
        BucketRoles.Role r = role(b, trail, source);
        assertEquals("backups", r.role());
        assertTrue(r.how().contains("also logs: target of the CloudTrail log files"), r.how());
    }

    @Test
    void aLinkTheInputCannotFollowMakesOtherBucketsUnknownNeverGuessed() {
        S3Bucket b = bucket("plain");
        BucketWriter trail = writer("aws_cloudtrail.t", "logs", "CloudTrail log files",
                unknown("known only after apply, and the link cannot be followed"));
        BucketRoles.Role r = role(b, trail);
        assertFalse(r.known());
        assertNull(r.role());
        assertTrue(r.how().contains("aws_cloudtrail.t writes its CloudTrail log files into a bucket the input does "
                + "not name (known only after apply"), r.how());
        // A bucket with a use of its own keeps it.
        S3Bucket logs = bucket("logs");
        LoadBalancer lb = new LoadBalancer("aws_lb.web", "aws_lb", at());
        lb.accessLogsEnabled = explicit(true);
        lb.accessLogsBucket = ref("logs");
        assertEquals("logs", role(logs, trail, lb).role());
        // Whether logging is on is unknown: the role is unknown, saying what it may be.
        lb.accessLogsEnabled = unknown("depends on condition HasLogs");
        BucketRoles.Role maybe = role(logs, lb);
        assertFalse(maybe.known());
        assertTrue(maybe.how().startsWith("may be logs: target of the access logs"), maybe.how());
    }

    @Test
    void tagsAndNamePatternsOverrideUses() {
        S3Bucket b = bucket("alb-logs");
        b.tags = explicit(Map.of("plumbline:role", "backups"));
        LoadBalancer lb = new LoadBalancer("aws_lb.web", "aws_lb", at());
        lb.accessLogsEnabled = explicit(true);
        lb.accessLogsBucket = ref("alb-logs");
        BucketRoles.Role r = role(b, lb);
        assertEquals("backups", r.role());
        assertEquals("tag plumbline:role = backups", r.how());
    }

    @Test
    void bucketNamesInEverySpelling() {
        assertEquals("b", BucketRoles.bucketName("arn:aws:s3:::b/prefix/x"));
        assertEquals("b", BucketRoles.bucketName("arn:aws-us-gov:s3:::b"));
        assertEquals("b", BucketRoles.bucketName("s3://b/prefix"));
        assertEquals("b", BucketRoles.bucketName("b/prefix"));
        assertEquals("b.with.dots", BucketRoles.bucketName("b.with.dots.s3.amazonaws.com"));
        assertEquals("b", BucketRoles.bucketName("b.s3.eu-west-1.amazonaws.com"));
        assertNull(BucketRoles.bucketName("arn:aws:logs:eu-west-1:1:log-group:g"));
    }
}
