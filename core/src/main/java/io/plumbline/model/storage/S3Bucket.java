package io.plumbline.model.storage;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An S3 bucket with everything Terraform splits into separate resources folded in. */
public final class S3Bucket extends Resource {
    public Value<String> versioning = Value.notInInput();
    public Value<String> mfaDelete = Value.notInInput();
    public Value<String> sseAlgorithm = Value.notInInput();
    public Value<Ref> sseKmsKey = Value.notInInput();
    public Value<Boolean> bucketKeyEnabled = Value.notInInput();
    public Value<Boolean> blockPublicAcls = Value.notInInput();
    public Value<Boolean> blockPublicPolicy = Value.notInInput();
    public Value<Boolean> ignorePublicAcls = Value.notInInput();
    public Value<Boolean> restrictPublicBuckets = Value.notInInput();
    public Value<List<ReplicationRule>> replicationRules = Value.notInInput();
    /** The IAM role S3 assumes to replicate ({@code role} / {@code ReplicationConfiguration.Role}). */
    public Value<Ref> replicationRole = Value.notInInput();
    public Value<List<LifecycleRule>> lifecycleRules = Value.notInInput();
    /** The bucket receiving this bucket's server access logs (a name or a bucket of the input); null when off. */
    public Value<Ref> loggingTarget = Value.notInInput();
    public Value<String> policy = Value.notInInput();
    public S3Bucket(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.S3_BUCKET;
    }
}
