package io.plumbline.model.ops;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An AWS Config configuration recorder of one region, with its status. */
public final class ConfigRecorder extends Resource {
    /** Whether the recorder is recording now. */
    public Value<Boolean> recording = Value.notInInput();
    /** Whether it records every supported resource type of the region. */
    public Value<Boolean> allSupported = Value.notInInput();
    /** Whether it also records global resource types (IAM). */
    public Value<Boolean> includeGlobalResourceTypes = Value.notInInput();
    /** The resource types it records when not all supported ones (AWS::EC2::Instance...). */
    public Value<List<String>> resourceTypes = Value.notInInput();
    /** Status of the last recording attempt: {@code Pending}, {@code Success} or {@code Failure}; null before any. */
    public Value<String> lastStatus = Value.notInInput();
    public Value<String> roleArn = Value.notInInput();
    public ConfigRecorder(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.CONFIG_RECORDER;
    }
}
