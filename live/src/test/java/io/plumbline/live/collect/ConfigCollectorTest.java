package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.Clients;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedEdge;
import io.plumbline.model.Certainty;
import io.plumbline.model.Kind;
import io.plumbline.model.ops.ConfigRecorder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class ConfigCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private CollectContext collect() {
        return SeedEdge.collectCleanly(moto, new ConfigCollector(), MotoServer.REGION);
    }

    @Test
    void recordingRecorderOfEverything() {
        SeedEdge.recorder(moto, MotoServer.REGION, true);
        ConfigRecorder r = (ConfigRecorder) collect().resources().get(0);
        assertEquals(Kind.CONFIG_RECORDER, r.kind());
        assertEquals("default", r.name.get());
        assertTrue(r.recording.get());
        assertEquals(ConfigCollector.DESCRIBE_CONFIGURATION_RECORDER_STATUS, r.recording.provenance().operation());
        assertEquals(r.address(), r.recording.provenance().arn());
        assertTrue(r.allSupported.get());
        assertTrue(r.includeGlobalResourceTypes.get());
        assertEquals(ConfigCollector.DESCRIBE_CONFIGURATION_RECORDERS, r.allSupported.provenance().operation());
        assertEquals("arn:aws:iam::123456789012:role/aws-config", r.roleArn.get());
    }

    @Test
    void stoppedPartialRecorder() {
        SeedEdge.partialRecorder(moto, MotoServer.REGION);
        ConfigRecorder r = (ConfigRecorder) collect().resources().get(0);
        assertFalse(r.recording.get());
        assertFalse(r.allSupported.get());
        assertFalse(r.includeGlobalResourceTypes.get());
        assertEquals(List.of("AWS::EC2::Instance", "AWS::S3::Bucket"), r.resourceTypes.get());
        // Never started: no last status yet (an explicit null, not unknown).
        assertEquals(Certainty.EXPLICIT, r.lastStatus.certainty());
        assertNull(r.lastStatus.get());
    }

    @Test
    void regionWithoutRecorderYieldsNothingAndNoGap() {
        SeedEdge.recorder(moto, "eu-central-1", true);
        CollectContext ctx = collect();
        assertTrue(ctx.resources().isEmpty());
        assertFalse(ctx.failed(ConfigCollector.DESCRIBE_CONFIGURATION_RECORDERS));
    }
}
