package io.plumbline.model.storage;

import io.plumbline.model.Value;
import java.util.List;

/** A lifecycle rule: transitions as storage classes, expiration in days (null when none). */
public record LifecycleRule(Value<String> status, Value<List<String>> transitionStorageClasses,
                            Value<Integer> expirationDays, Value<Integer> noncurrentExpirationDays) {
}
