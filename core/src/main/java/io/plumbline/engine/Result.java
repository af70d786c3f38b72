package io.plumbline.engine;

import io.plumbline.model.Model;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The findings of one evaluation, with the model and profile they came from. */
public record Result(Model model, Profile profile, List<RuleDescriptor> rules, List<Finding> findings) {

    public Map<Status, Integer> countsByStatus() {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) m.put(s, 0);
        for (Finding f : findings) m.merge(f.status(), 1, Integer::sum);
        return m;
    }

    /** The same evaluation with other findings (e.g. after waivers), in the order given. */
    public Result withFindings(List<Finding> replaced) {
        return new Result(model, profile, rules, List.copyOf(replaced));
    }

    public List<Finding> withStatus(Status status) {
        return findings.stream().filter(f -> f.status() == status).toList();
    }

    /**
     * The gate: true when a FAIL at or above {@code failOn} exists, or (with {@code failOnUnknown}) an UNKNOWN at or
     * above it.
     */
    public boolean gateFails(Severity failOn, boolean failOnUnknown) {
        for (Finding f : findings) {
            if (!f.severity().atLeast(failOn)) continue;
            if (f.status() == Status.FAIL) return true;
            if (failOnUnknown && f.status() == Status.UNKNOWN) return true;
        }
        return false;
    }
}
