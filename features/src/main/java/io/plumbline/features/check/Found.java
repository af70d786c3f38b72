package io.plumbline.features.check;

import io.plumbline.model.Certainty;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One value an attribute path reached on one resource: the raw value (Boolean, Integer, String, Ref, a list, a
 * record...), how certain it is, how a report may show it (never a sensitive value's content), and where it stands.
 * {@code source} is the model's {@link Value} itself when the path ended on one. {@code empty} marks a nested collection with nothing in it ("has no replication rules"): never a vacuous pass.
 */
public record Found(String path, Object value, Certainty certainty, String note, String display, Provenance where,
                    boolean empty, Value<?> source) {

    public static Found of(String path, Value<?> v, Provenance fallback) {
        Provenance p = v.provenance() == null || v.provenance() == Provenance.NONE ? fallback : v.provenance();
        return new Found(path, v.isKnown() ? v.get() : null, v.certainty(), v.note(), v.display(), p, false, v);
    }

    public static Found plain(String path, Object value, Provenance where) {
        return new Found(path, value, Certainty.EXPLICIT, null, value == null ? "(not set)" : Expected.text(value),
                where, false, null);
    }

    public static Found nothing(String path, Provenance where) {
        return new Found(path, null, Certainty.EXPLICIT, null, "(none)", where, true, null);
    }

    public boolean known() {
        return certainty != Certainty.UNKNOWN;
    }

    /** The elements of a known collection value, each with its own certainty when it is itself a {@link Value}. */
    public List<Found> elements() {
        List<Found> out = new ArrayList<>();
        if (!(value instanceof Collection<?> c)) return out;
        int i = 0;
        for (Object e : c) {
            String p = path + "[" + i++ + "]";
            if (e instanceof Value<?> v) {
                out.add(of(p, v, where));
            } else {
                Found f = plain(p, e, where);
                out.add(new Found(p, e, certainty, note, f.display(), where, false, null));
            }
        }
        return out;
    }

    /** "backupRetentionPeriod = 1 at plan.json:1 /resource_changes/3/change/after/backup_retention_period". */
    public String describe() {
        String loc = where == null || where == Provenance.NONE ? "" : " at " + where.display();
        if (empty) return path + " has nothing in it" + loc;
        if (!known()) return path + " is unknown (" + note + ")" + loc;
        return path + " = " + display + loc;
    }
}
