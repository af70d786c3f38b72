package io.plumbline.rules.support;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Subnet;
import io.plumbline.reach.Tiers;
import io.plumbline.rule.Evidence;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether the subnets a resource is placed in are of the tier it belongs in, as {@link Tiers} decides them (tier tag,
 * else the network's reading: route tables, subnet groups, what runs where). A subnet of another tier fails, a
 * subnet whose tier cannot be told is unknown with the reason. References that do not resolve to a subnet are left to
 * {@link Zones}, which already counts them as unknown.
 */
public final class SubnetTiers {

    private SubnetTiers() {
    }

    /**
     * Judges each subnet of {@code subnets} into {@code v}.
     *
     * @param wanted what the subnets should be, in words ("public", "private (not public)")
     * @param accepts whether a known decision is acceptable
     */
    public static void check(Model model, Tiers tiers, Resource from, Value<List<Ref>> subnets, String wanted,
                             Predicate<Tiers.Decision> accepts, Checks v) {
        check(model, tiers, from, subnets, wanted, accepts, false, v);
    }

    /**
     * As {@link #check(Model, Tiers, Resource, Value, String, Predicate, Checks)}; with {@code mustBePrivate}, a
     * subnet whose effective route table sends the default route to an internet gateway also fails when a tier tag
     * names another tier: the tag decides the tier, never whether the subnet is reachable from the internet.
     */
    public static void check(Model model, Tiers tiers, Resource from, Value<List<Ref>> subnets, String wanted,
                             Predicate<Tiers.Decision> accepts, boolean mustBePrivate, Checks v) {
        if (!subnets.isPresent()) return;
        for (Ref ref : subnets.get()) {
            Subnet s = model.resolve(from, ref, Subnet.class).orElse(null);
            if (s == null) continue;
            Tiers.Decision d = tiers.subnet(s);
            Evidence e = Evidence.of("subnet " + s.address() + " tier", d.explain(), wanted, s.location());
            String route = mustBePrivate && d.tagged() ? tiers.publicByRoute(s) : null;
            if (route != null) {
                v.fail("subnet " + s.address() + " is public: " + route + " (its tier tag says " + d.how() + ")",
                        e);
            } else if (!d.known()) {
                v.unknown("the tier of subnet " + s.address() + " is unknown: " + d.unknown(), e);
            } else if (accepts.test(d)) {
                v.note(e);
            } else {
                v.fail("subnet " + s.address() + " is not " + wanted + " (" + d.explain() + ")", e);
            }
        }
    }
}
