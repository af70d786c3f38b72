package io.plumbline.rules.support;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.ops.BackupVault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which AWS Backup plans protect a resource, and which vault a plan rule writes into. A plan protects a resource when
 * one of its selected resources resolves to it (by address, ARN, name or id: the sources list tag-selected resources
 * too when they can resolve the tags). Vault names are unique per account and region only, so a name resolves to the
 * vault of the plan's own region first.
 */
public final class Backups {
    private Backups() {
    }

    /** The plans that select {@code target}, and the plans whose selection is unknown (they may select it). */
    public record Coverage(List<BackupPlan> selecting, List<BackupPlan> unknown) {
    }

    public static Coverage coverage(Model model, Resource target) {
        List<BackupPlan> selecting = new ArrayList<>();
        List<BackupPlan> unknown = new ArrayList<>();
        for (BackupPlan plan : model.all(BackupPlan.class)) {
            if (Fields.deleted(plan)) continue;
            Value<List<Ref>> selected = plan.selectedResources;
            if (selected.isUnknown()) {
                unknown.add(plan);
                continue;
            }
            if (selected.get() == null) continue;
            for (Ref ref : selected.get()) {
                if (selects(model, plan, ref, target)) {
                    selecting.add(plan);
                    break;
                }
            }
        }
        return new Coverage(selecting, unknown);
    }

    private static boolean selects(Model model, BackupPlan plan, Ref ref, Resource target) {
        if (ref == null || ref.target() == null) return false;
        if (ref.target().equals(target.address()) || target.aliases().contains(ref.target())) return true;
        return model.resolve(plan, ref).map(r -> r == target).orElse(false);
    }

    /** The vault a rule of {@code plan} targets, or null when it is not in the model. */
    public static BackupVault targetVault(Model model, BackupPlan plan, BackupRule rule) {
        Value<String> name = rule.targetVault();
        if (!name.isPresent()) return null;
        return vault(model, plan, name.get());
    }

    /** A vault by address, name or ARN; of several with that name, the one in {@code from}'s region. */
    public static BackupVault vault(Model model, Resource from, String nameOrArn) {
        BackupVault first = model.resolve(from, new Ref(nameOrArn), BackupVault.class).orElse(null);
        if (first == null || !from.region.isPresent()) return first;
        if (Objects.equals(first.region.orElse(null), from.region.get())) return first;
        for (BackupVault v : model.all(BackupVault.class)) {
            if ((v.address().equals(nameOrArn) || v.aliases().contains(nameOrArn))
                    && Objects.equals(v.region.orElse(null), from.region.get())) {
                return v;
            }
        }
        return first;
    }
}
