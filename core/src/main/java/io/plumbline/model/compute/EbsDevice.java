package io.plumbline.model.compute;

import io.plumbline.model.Ref;
import io.plumbline.model.Value;

/** An EBS block device of a launch template. */
public record EbsDevice(Value<String> deviceName, Value<Boolean> encrypted, Value<Ref> kmsKey) {
}
