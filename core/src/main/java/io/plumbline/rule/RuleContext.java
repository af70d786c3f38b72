package io.plumbline.rule;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.profile.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a rule sees (the model and the profile) and where it puts its verdicts. */
public final class RuleContext {
    private final Model model;
    private final Profile profile;
    private final RuleDescriptor rule;
    private final List<Finding> findings = new ArrayList<>();

    public RuleContext(Model model, Profile profile, RuleDescriptor rule) {
        this.model = model;
        this.profile = profile;
        this.rule = rule;
    }

    public Model model() {
        return model;
    }

    public Profile profile() {
        return profile;
    }

    public RuleDescriptor rule() {
        return rule;
    }

    public List<Finding> findings() {
        return findings;
    }

    public void pass(Resource resource, String message, Evidence... evidence) {
        add(resource, Status.PASS, message, evidence);
    }

    public void fail(Resource resource, String message, Evidence... evidence) {
        add(resource, Status.FAIL, message, evidence);
    }

    /** The rule cannot decide; {@code reason} says why (and is shown wherever the finding is). */
    public void unknown(Resource resource, String reason, Evidence... evidence) {
        add(resource, Status.UNKNOWN, reason, evidence);
    }

    public void notApplicable(Resource resource, String reason, Evidence... evidence) {
        add(resource, Status.NOT_APPLICABLE, reason, evidence);
    }

    /** Records the verdict that a {@link Verdict} accumulated. */
    public void report(Resource resource, Verdict verdict) {
        add(resource, verdict.status(), verdict.message(), verdict.evidence().toArray(Evidence[]::new));
    }

    private void add(Resource resource, Status status, String message, Evidence[] evidence) {
        List<Evidence> ev = Arrays.asList(evidence);
        Provenance where = resource.location();
        // A failure or an open question points at the value that decided it (evidence comes deciding value first);
        // a defaulted value has no line of its own, so then the resource's declaration is the place to look.
        if (status == Status.FAIL || status == Status.UNKNOWN) {
            for (Evidence e : ev) {
                Provenance p = e.location();
                if (p == null || p == Provenance.NONE) continue;
                if (e.certainty() != io.plumbline.model.Certainty.DEFAULTED && (p.line() > 0 || p.isLive())) where = p;
                break;
            }
        }
        findings.add(new Finding(rule.id(), rule.severity(), status, resource.address(), resource.sourceType(),
                message, List.copyOf(ev), where));
    }
}
