package io.plumbline.model.ops;

import io.plumbline.model.*;

/**
 * An AWS Backup vault: the key its recovery points are encrypted with and its Vault Lock. A lock in compliance mode
 * has a grace time ({@code changeableForDays}, Terraform and CloudFormation) that ends at the lock date
 * ({@code lockDate}, live only); after it the lock cannot be changed or removed. A lock without a grace time is in
 * governance mode: anyone allowed {@code backup:DeleteBackupVaultLockConfiguration} can remove it at any time.
 */
public final class BackupVault extends Resource {
    /** {@code kms_key_arn} / {@code EncryptionKeyArn}; without one AWS Backup uses the AWS-managed {@code aws/backup} key. */
    public Value<Ref> kmsKey = Value.notInInput();
    /** Whether Vault Lock applies (live {@code Locked}; a lock configuration in the input). */
    public Value<Boolean> locked = Value.notInInput();
    public Value<Integer> minRetentionDays = Value.notInInput();
    public Value<Integer> maxRetentionDays = Value.notInInput();
    /** Days of grace before the lock becomes immutable; null: governance mode (no lock date). */
    public Value<Integer> changeableForDays = Value.notInInput();
    /** When the lock became (or becomes) immutable, ISO-8601; null: governance mode. Live only. */
    public Value<String> lockDate = Value.notInInput();

    public BackupVault(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.BACKUP_VAULT;
    }
}
