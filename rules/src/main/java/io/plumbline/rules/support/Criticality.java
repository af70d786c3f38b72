package io.plumbline.rules.support;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Evidence;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a node group (EKS managed node group, or the Auto Scaling group of self-managed nodes) is critical (rule
 * catalog §0.7, §14), decided in this order:
 * <ol>
 * <li>the profile's criticality label ({@code plumbline.io/criticality} = {@code critical} / {@code non-critical}) on
 * a managed node group;</li>
 * <li>a taint with that key, or a taint or label that marks spot or interruptible capacity in the ways Kubernetes
 * tooling writes it ({@code eks.amazonaws.com/capacityType=SPOT}, {@code karpenter.sh/capacity-type=spot},
 * {@code node.kubernetes.io/lifecycle=spot}, {@code lifecycle=Ec2Spot}, any taint key containing {@code spot}):
 * non-critical, since such a taint keeps workloads off unless they tolerate it;</li>
 * <li>spot capacity: {@code capacity_type = SPOT}, a mixed instances policy with less than 100 % on-demand above its
 * base, or a launch template whose market type is {@code spot}: non-critical;</li>
 * <li>otherwise critical (on-demand, no mark saying otherwise).</li>
 * </ol>
 * A value that decides and is unknown makes the answer unknown, with the reason.
 */
public final class Criticality {
    /** Label keys and values (lower case) that mark spot capacity. */
    private static final Map<String, String> SPOT_LABELS = Map.of(
            "eks.amazonaws.com/capacitytype", "spot",
            "karpenter.sh/capacity-type", "spot",
            "node.kubernetes.io/lifecycle", "spot",
            "lifecycle", "ec2spot");

    /** {@code critical} is null when it cannot be known; {@code how} says how it was decided, or why not. */
    public record Verdict(Boolean critical, String how, Evidence evidence) {
        public boolean known() {
            return critical != null;
        }

        public String describe() {
            return critical == null ? "criticality unknown (" + how + ")"
                    : (critical ? "critical" : "non-critical") + " (" + how + ")";
        }
    }

    private Criticality() {
    }

    public static Verdict of(Model model, NodeGroup g, Profile.Roles roles) {
        String label = roles.criticalityLabel();
        Value<Map<String, String>> labels = g.labels;
        if (labels.isUnknown() && !Fields.absentFromInput(labels)) {
            return new Verdict(null, "its labels are unknown (" + labels.note() + ")", Evidence.of("labels", labels,
                    "known labels"));
        }
        Map<String, String> ls = labels.isPresent() ? labels.get() : Map.of();
        String own = label == null ? null : ls.get(label);
        if (own != null) {
            String v = own.trim().toLowerCase(Locale.ROOT);
            Evidence e = Evidence.of("labels." + label, own, "critical or non-critical", labels.provenance());
            if (v.equals("critical")) return new Verdict(true, "label " + label + " = " + own, e);
            if (v.equals("non-critical") || v.equals("noncritical")) {
                return new Verdict(false, "label " + label + " = " + own, e);
            }
        }
        Value<List<String>> taints = g.taints;
        if (taints.isUnknown() && !Fields.absentFromInput(taints)) {
            return new Verdict(null, "its taints are unknown (" + taints.note() + ")", Evidence.of("taints", taints,
                    "known taints"));
        }
        if (taints.isPresent()) {
            for (String t : taints.get()) {
                String key = t.contains("=") ? t.substring(0, t.indexOf('=')) : t;
                String lower = t.toLowerCase(Locale.ROOT);
                if (key.equals(label) && lower.contains("=non-critical") || key.toLowerCase(Locale.ROOT).contains("spot")
                        || lower.contains("=spot:")) {
                    return new Verdict(false, "taint " + t, Evidence.of("taints", t, "no non-critical taint",
                            taints.provenance()));
                }
            }
        }
        for (Map.Entry<String, String> e : ls.entrySet()) {
            String spot = SPOT_LABELS.get(e.getKey().toLowerCase(Locale.ROOT));
            if (spot != null && e.getValue() != null && spot.equals(e.getValue().toLowerCase(Locale.ROOT))) {
                return new Verdict(false, "label " + e.getKey() + " = " + e.getValue(), Evidence.of("labels."
                        + e.getKey(), e.getValue(), "no spot label", labels.provenance()));
            }
        }
        Value<String> capacity = g.capacityType;
        if (capacity.isUnknown()) {
            return new Verdict(null, "its capacity type is unknown (" + capacity.note() + ")",
                    Evidence.of("capacityType", capacity, "ON_DEMAND or SPOT"));
        }
        if (capacity.isPresent() && capacity.get().equalsIgnoreCase("SPOT")) {
            return new Verdict(false, "capacity type SPOT", Evidence.of("capacityType", capacity, "ON_DEMAND"));
        }
        Verdict template = template(model, g, g.launchTemplate);
        if (template != null) return template;
        return new Verdict(true, "capacity type " + capacity.display() + ", no label or taint marks it non-critical",
                Evidence.of("capacityType", capacity, "ON_DEMAND"));
    }

    public static Verdict of(Model model, AutoScalingGroup g) {
        Value<Integer> onDemand = g.onDemandPercentageAboveBase;
        if (onDemand.isUnknown() && !Fields.absentFromInput(onDemand)) {
            return new Verdict(null, "its on-demand percentage is unknown (" + onDemand.note() + ")",
                    Evidence.of("onDemandPercentageAboveBase", onDemand, "100"));
        }
        if (onDemand.isPresent() && onDemand.get() < 100) {
            return new Verdict(false, "mixed instances policy with " + onDemand.get() + " % on-demand above the base: "
                    + "the rest is spot", Evidence.of("onDemandPercentageAboveBase", onDemand, "100"));
        }
        Verdict template = template(model, g, g.launchTemplate);
        if (template != null) return template;
        return new Verdict(true, "on-demand capacity (" + (onDemand.isPresent() ? "mixed instances policy with 100 % "
                + "on-demand" : "no mixed instances policy") + ")", Evidence.of("onDemandPercentageAboveBase", onDemand,
                "100"));
    }

    /** Non-critical when the launch template buys spot; unknown when its market type is; else null (undecided). */
    private static Verdict template(Model model, Resource from, Value<Ref> link) {
        if (!link.isPresent()) return null;
        LaunchTemplate t = model.resolve(from, link.get(), LaunchTemplate.class).orElse(null);
        if (t == null) return null;
        Value<String> market = t.marketType;
        if (market.isUnknown() && !Fields.absentFromInput(market)) {
            return new Verdict(null, "the market type of launch template " + t.address() + " is unknown ("
                    + market.note() + ")", Evidence.of("marketType", market, "on-demand"));
        }
        if (market.isPresent() && market.get().equalsIgnoreCase("spot")) {
            return new Verdict(false, "launch template " + t.address() + " buys spot instances",
                    Evidence.of("marketType", market, "on-demand"));
        }
        return null;
    }
}
