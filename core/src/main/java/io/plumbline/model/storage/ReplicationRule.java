package io.plumbline.model.storage;

import io.plumbline.model.Ref;
import io.plumbline.model.Value;

/** A bucket replication rule; the destination bucket is a reference (its region comes from the bucket). */
public record ReplicationRule(Value<String> status, Value<Ref> destinationBucket, Value<String> storageClass,
                              Value<Ref> replicaKmsKey) {
}
