package io.plumbline.model.ops;

import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import java.util.List;

/**
 * A rule of a backup plan; copy destinations are vault ARNs (their region is in the ARN). {@code coldStorageAfterDays}
 * is the lifecycle's move to cold storage (null when never). {@code copyVaults} are the same destinations as links:
 * in a plan a destination vault created with it has an ARN known only after apply, but its reference names the vault
 * (and so its region).
 */
public record BackupRule(Value<String> name, Value<String> targetVault, Value<String> schedule,
                         Value<Integer> deleteAfterDays, Value<List<String>> copyDestinations,
                         Value<Integer> coldStorageAfterDays, Value<List<Ref>> copyVaults) {

    /** A rule whose destinations are only ARNs (live, templates). */
    public BackupRule(Value<String> name, Value<String> targetVault, Value<String> schedule,
                      Value<Integer> deleteAfterDays, Value<List<String>> copyDestinations,
                      Value<Integer> coldStorageAfterDays) {
        this(name, targetVault, schedule, deleteAfterDays, copyDestinations, coldStorageAfterDays,
                copyDestinations.map(l -> l.stream().map(Ref::new).toList()));
    }

    /** A rule whose input says nothing about cold storage. */
    public BackupRule(Value<String> name, Value<String> targetVault, Value<String> schedule,
                      Value<Integer> deleteAfterDays, Value<List<String>> copyDestinations) {
        this(name, targetVault, schedule, deleteAfterDays, copyDestinations, Value.notInInput());
    }
}
