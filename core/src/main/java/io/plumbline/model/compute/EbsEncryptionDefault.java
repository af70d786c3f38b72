package io.plumbline.model.compute;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;

/**
 * The account's EBS encryption-by-default setting in one region ({@link Resource#region}): whether new volumes are
 * always encrypted, and the KMS key they get when none is named. A plan declares the two halves as two resources
 * ({@code aws_ebs_encryption_by_default}, {@code aws_ebs_default_kms_key}), each filling its own half and leaving the
 * other not in the input; the live source reads both per region. CloudFormation has no resource type for it.
 */
public final class EbsEncryptionDefault extends Resource {
    public Value<Boolean> enabled = Value.notInInput();
    /** The default key of new encrypted volumes; the AWS-managed {@code alias/aws/ebs} unless the account set one. */
    public Value<Ref> defaultKey = Value.notInInput();

    public EbsEncryptionDefault(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.EBS_ENCRYPTION_DEFAULT;
    }
}
