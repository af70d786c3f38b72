package io.plumbline.drift;

import io.plumbline.model.Kind;
import java.util.Set;

/**
 * What the caller knows about the actual side that the model does not say.
 *
 * @param actualKinds the kinds the actual state was collected for (a live audit with only some collectors), or null
 *                    when every kind was: planned resources of other kinds are reported as not compared, never as
 *                    missing
 */
public record DriftOptions(Set<Kind> actualKinds) {
    public static final DriftOptions DEFAULT = new DriftOptions(null);

    public DriftOptions {
        actualKinds = actualKinds == null ? null : Set.copyOf(actualKinds);
    }

    public boolean covers(Kind kind) {
        return actualKinds == null || actualKinds.contains(kind);
    }
}
