package io.plumbline.model.storage;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;

/**
 * The S3 Block Public Access settings of one account (Terraform {@code aws_s3_account_public_access_block}, live
 * {@code s3control:GetPublicAccessBlock}). S3 applies the most restrictive combination of these and each bucket's own
 * settings, so a flag on here is on for every bucket of the account.
 */
public final class AccountPublicAccessBlock extends Resource {
    /** The account the settings belong to; null when the input leaves it to the caller's account. */
    public Value<String> accountId = Value.notInInput();
    public Value<Boolean> blockPublicAcls = Value.notInInput();
    public Value<Boolean> blockPublicPolicy = Value.notInInput();
    public Value<Boolean> ignorePublicAcls = Value.notInInput();
    public Value<Boolean> restrictPublicBuckets = Value.notInInput();

    public AccountPublicAccessBlock(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.ACCOUNT_PUBLIC_ACCESS_BLOCK;
    }
}
