package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.Seed;
import io.plumbline.live.SeedEdge;
import io.plumbline.model.Kind;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.storage.BucketWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.TrafficType;

/** Flow logs to S3 name their bucket (it becomes a logs bucket); flow logs to CloudWatch Logs name none. */
@ExtendWith(MotoServer.class)
class FlowLogCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    @Test
    void flowLogsToS3NameTheirBucket() {
        SeedEdge.logGroups(moto);
        try (var s3 = SeedEdge.client(moto, software.amazon.awssdk.services.s3.S3Client.builder()
                .forcePathStyle(true), MotoServer.REGION)) {
            s3.createBucket(b -> b.bucket("acme-flow-logs").createBucketConfiguration(c -> c
                    .locationConstraint(MotoServer.REGION)));
        }
        try (Ec2Client ec2 = Seed.ec2(moto)) {
            String vpc = ec2.createVpc(b -> b.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            var toS3 = ec2.createFlowLogs(b -> b.resourceIds(vpc).resourceType(FlowLogsResourceType.VPC)
                    .trafficType(TrafficType.ALL).logDestinationType(LogDestinationType.S3)
                    .logDestination("arn:aws:s3:::acme-flow-logs")); // moto takes no prefix
            assertTrue(toS3.unsuccessful().isEmpty(), toS3::toString);
            String other = ec2.createVpc(b -> b.cidrBlock("10.8.0.0/16")).vpc().vpcId();
            var cwl = ec2.createFlowLogs(b -> b.resourceIds(other).resourceType(FlowLogsResourceType.VPC)
                    .trafficType(TrafficType.ALL).logDestinationType(LogDestinationType.CLOUD_WATCH_LOGS)
                    .logGroupName("/platform/app").deliverLogsPermissionArn("arn:aws:iam::123456789012:role/flow"));
            assertTrue(cwl.unsuccessful().isEmpty(), cwl::toString);
        }
        List<Resource> got = SeedEdge.collectCleanly(moto, new FlowLogCollector(), MotoServer.REGION).resources();
        assertEquals(2, got.size(), got::toString);
        BucketWriter s3 = null;
        BucketWriter cwl = null;
        for (Resource r : got) {
            BucketWriter w = (BucketWriter) r;
            assertEquals(Kind.BUCKET_WRITER, w.kind());
            assertEquals("logs", w.writes.get());
            assertEquals(FlowLogCollector.DESCRIBE_FLOW_LOGS, w.buckets.provenance().operation());
            if (w.buckets.get().isEmpty()) cwl = w;
            else s3 = w;
        }
        assertNotNull(s3);
        assertNotNull(cwl);
        assertEquals(List.of(new Ref("arn:aws:s3:::acme-flow-logs")), s3.buckets.get());
    }
}
