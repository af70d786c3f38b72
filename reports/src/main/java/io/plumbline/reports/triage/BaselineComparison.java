package io.plumbline.reports.triage;

import io.plumbline.engine.Result;
import io.plumbline.reports.Fingerprints;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result against a baseline. A FAIL (or UNKNOWN) finding is <em>unchanged</em> when the baseline holds a FAIL (or
 * UNKNOWN) finding with the same fingerprint, else <em>new</em>: matching is by fingerprint and status, so a finding
 * that was undecided and now fails is a new failure, and file names, lines and order play no part. A fingerprint that
 * occurs several times is matched as many times as it occurs on both sides. A baseline FAIL or UNKNOWN left over is
 * <em>fixed</em>, unless the same finding is WAIVED now (accepted, not fixed) or its rule did not run this time
 * (nothing is known about it).
 */
public final class BaselineComparison {
    public enum State {
        NEW, UNCHANGED;

        public String lower() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Baseline baseline;
    private final Map<Finding, State> states = new IdentityHashMap<>();
    private final List<Baseline.Entry> fixed = new ArrayList<>();

    private BaselineComparison(Baseline baseline) {
        this.baseline = baseline;
    }

    static BaselineComparison of(Baseline baseline, Result result) {
        BaselineComparison c = new BaselineComparison(baseline);
        Set<String> ran = new HashSet<>();
        for (RuleDescriptor d : result.rules()) ran.add(d.id());
        Map<String, Integer> remaining = new HashMap<>();
        for (Baseline.Entry e : baseline.findings()) {
            if (open(e.status()) && ran.contains(e.rule())) remaining.merge(key(e.status(), e.fingerprint()), 1, Integer::sum);
        }
        Map<String, Integer> waivedNow = new HashMap<>();
        for (Finding f : result.findings()) {
            if (f.status() == Status.WAIVED && f.waiver() != null) {
                waivedNow.merge(key(f.waiver().waivedStatus(), Fingerprints.of(f)), 1, Integer::sum);
            }
            if (!open(f.status())) continue;
            String k = key(f.status(), Fingerprints.of(f));
            Integer left = remaining.get(k);
            if (left != null && left > 0) {
                remaining.put(k, left - 1);
                c.states.put(f, State.UNCHANGED);
            } else {
                c.states.put(f, State.NEW);
            }
        }
        for (Baseline.Entry e : baseline.findings()) {
            if (!open(e.status()) || !ran.contains(e.rule())) continue;
            String k = key(e.status(), e.fingerprint());
            int left = remaining.getOrDefault(k, 0);
            if (left <= 0) continue;
            remaining.put(k, left - 1);
            int waived = waivedNow.getOrDefault(k, 0);
            if (waived > 0) {
                waivedNow.put(k, waived - 1);
                continue;
            }
            c.fixed.add(e);
        }
        return c;
    }

    private static boolean open(Status s) {
        return s == Status.FAIL || s == Status.UNKNOWN;
    }

    private static String key(Status status, String fingerprint) {
        return status.name() + ' ' + fingerprint;
    }

    public Baseline baseline() {
        return baseline;
    }

    /** NEW or UNCHANGED for a FAIL or UNKNOWN finding of the compared result; null for any other. */
    public State state(Finding f) {
        return states.get(f);
    }

    public boolean isNew(Finding f) {
        return states.get(f) == State.NEW;
    }

    public long count(State s) {
        return states.values().stream().filter(v -> v == s).count();
    }

    /** Baseline failures and unknowns that are gone, in the baseline's order. */
    public List<Baseline.Entry> fixed() {
        return List.copyOf(fixed);
    }
}
