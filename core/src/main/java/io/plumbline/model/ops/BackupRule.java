package io.plumbline.model.ops;

import io.plumbline.model.Value;
import java.util.List;

/**
 * A rule of a backup plan; copy destinations are vault ARNs (their region is in the ARN). {@code coldStorageAfterDays}
 * is the lifecycle's move to cold storage (null when never).
 */
public record BackupRule(Value<String> name, Value<String> targetVault, Value<String> schedule,
                         Value<Integer> deleteAfterDays, Value<List<String>> copyDestinations,
                         Value<Integer> coldStorageAfterDays) {

    /** A rule whose input says nothing about cold storage. */
    public BackupRule(Value<String> name, Value<String> targetVault, Value<String> schedule,
                      Value<Integer> deleteAfterDays, Value<List<String>> copyDestinations) {
        this(name, targetVault, schedule, deleteAfterDays, copyDestinations, Value.notInInput());
    }
}
