package io.plumbline.model.storage;

import io.plumbline.model.Ref;
import io.plumbline.model.Value;

/**
 * A bucket replication rule; the destination bucket is a reference (its region comes from the bucket).
 * {@code filter} is the key prefix the rule selects: {@code ""} for every object (an empty V2 {@code filter}, or the
 * V1 {@code prefix ""}); a tag filter reads {@code "tags: k=v"}; null when the rule has no filter at all.
 * {@code sseKmsEncryptedObjects} is {@code source_selection_criteria.sse_kms_encrypted_objects.status}
 * ({@code Enabled}/{@code Disabled}; null when absent: S3 then does not replicate SSE-KMS objects).
 */
public record ReplicationRule(Value<String> status, Value<Ref> destinationBucket, Value<String> storageClass,
                              Value<Ref> replicaKmsKey, Value<String> deleteMarkerReplication, Value<String> filter,
                              Value<String> sseKmsEncryptedObjects) {

    /** A rule from a source that reads only status, destination, storage class and replica key. */
    public ReplicationRule(Value<String> status, Value<Ref> destinationBucket, Value<String> storageClass,
                           Value<Ref> replicaKmsKey) {
        this(status, destinationBucket, storageClass, replicaKmsKey, Value.notInInput(), Value.notInInput(),
                Value.notInInput());
    }
}
