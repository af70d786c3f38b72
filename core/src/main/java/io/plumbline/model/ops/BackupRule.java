package io.plumbline.model.ops;

import io.plumbline.model.Value;
import java.util.List;

/** A rule of a backup plan; copy destinations are vault ARNs (their region is in the ARN). */
public record BackupRule(Value<String> name, Value<String> targetVault, Value<String> schedule,
                         Value<Integer> deleteAfterDays, Value<List<String>> copyDestinations) {
}
