package io.plumbline.rules.support;

import io.plumbline.model.Value;
import java.util.Locale;

/** Which engine a database or cache runs, when the rules care. */
public final class Engines {
    private Engines() {
    }

    /** An Aurora engine ({@code aurora}, {@code aurora-mysql}, {@code aurora-postgresql}). */
    public static boolean isAurora(String engine) {
        return engine != null && engine.trim().toLowerCase(Locale.ROOT).startsWith("aurora");
    }

    /**
     * True when the DB cluster is Aurora or may be (engine unknown or not given): rules about Aurora then evaluate
     * it, since an unknown engine must not make a rule silently not applicable.
     */
    public static boolean mayBeAurora(Value<String> engine) {
        return !engine.isPresent() || isAurora(engine.get());
    }

    /** Memcached: no replication, no Redis-style encryption settings. */
    public static boolean isMemcached(Value<String> engine) {
        return engine.isPresent() && engine.get().trim().equalsIgnoreCase("memcached");
    }
}
