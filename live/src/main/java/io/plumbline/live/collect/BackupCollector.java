package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.ops.BackupVault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupSelection;
import software.amazon.awssdk.services.backup.model.Conditions;
import software.amazon.awssdk.services.backup.model.CopyAction;
import software.amazon.awssdk.services.backup.model.Lifecycle;

/**
 * AWS Backup plans: ListBackupPlans, then per plan GetBackupPlan (rules: vault, schedule, lifecycle, copy actions),
 * ListTags, and ListBackupSelections + GetBackupSelection for the resources the plan protects; vaults with their key
 * and Vault Lock from ListBackupVaults.
 */
public final class BackupCollector implements Collector {

    public static final String LIST_BACKUP_PLANS = "backup:ListBackupPlans";
    public static final String GET_BACKUP_PLAN = "backup:GetBackupPlan";
    public static final String LIST_TAGS = "backup:ListTags";
    public static final String LIST_BACKUP_SELECTIONS = "backup:ListBackupSelections";
    public static final String GET_BACKUP_SELECTION = "backup:GetBackupSelection";
    public static final String LIST_BACKUP_VAULTS = "backup:ListBackupVaults";

    private BackupClient backup;
    private CollectContext ctx;

    @Override
    public String service() {
        return "backup";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.BACKUP_PLAN, Kind.BACKUP_VAULT);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (BackupClient client = clients.build(BackupClient.builder(), ctx.region())) {
            this.backup = client;
            List<BackupPlan> plans = ctx.collect(Kind.BACKUP_PLAN, "AWS Backup plans", LIST_BACKUP_PLANS,
                    this::plans);
            for (BackupPlan b : plans) details(b);
            ctx.collect(Kind.BACKUP_VAULT, "AWS Backup vaults", LIST_BACKUP_VAULTS, this::vaults);
        }
    }

    public List<BackupPlan> plans() {
        List<BackupPlan> out = new ArrayList<>();
        for (var page : backup.listBackupPlansPaginator(b -> { })) {
            for (var x : page.backupPlansList()) {
                String arn = x.backupPlanArn();
                Provenance p = ctx.at(arn, LIST_BACKUP_PLANS);
                BackupPlan b = new BackupPlan(arn, "backup:BackupPlan", p);
                b.awsId = v(x.backupPlanId(), p);
                b.name = v(x.backupPlanName(), p);
                b.region = v(ctx.region(), p);
                b.addAlias(arn);
                b.addAlias(x.backupPlanId());
                b.addAlias(x.backupPlanName());
                out.add(b);
            }
        }
        return out;
    }

    /**
     * ListBackupVaults gives each vault's key and Vault Lock (the same fields as DescribeBackupVault, one call a page).
     * A vault without a lock has {@code Locked} false and no retention or lock date; a lock without a
     * {@code LockDate} is in governance mode.
     */
    public List<BackupVault> vaults() {
        List<BackupVault> out = new ArrayList<>();
        for (var page : backup.listBackupVaultsPaginator(b -> { })) {
            for (var x : page.backupVaultList()) {
                String arn = x.backupVaultArn();
                Provenance p = ctx.at(arn, LIST_BACKUP_VAULTS);
                BackupVault vault = new BackupVault(arn, "backup:BackupVault", p);
                vault.name = v(x.backupVaultName(), p);
                vault.region = v(ctx.region(), p);
                vault.addAlias(arn);
                vault.addAlias(x.backupVaultName());
                vault.kmsKey = v(x.encryptionKeyArn() == null ? null : new Ref(x.encryptionKeyArn()), p);
                vault.locked = v(Boolean.TRUE.equals(x.locked()), p);
                vault.minRetentionDays = v(x.minRetentionDays() == null ? null : Math.toIntExact(x.minRetentionDays()), p);
                vault.maxRetentionDays = v(x.maxRetentionDays() == null ? null : Math.toIntExact(x.maxRetentionDays()), p);
                vault.lockDate = v(x.lockDate() == null ? null : x.lockDate().toString(), p);
                out.add(vault);
            }
        }
        return out;
    }

    private void details(BackupPlan b) {
        String id = b.awsId.get();
        Provenance p = b.location();
        b.rules = ctx.read(GET_BACKUP_PLAN, p, () -> {
            Provenance at = ctx.at(b.address(), GET_BACKUP_PLAN);
            List<BackupRule> rules = new ArrayList<>();
            var plan = backup.getBackupPlan(r -> r.backupPlanId(id)).backupPlan();
            if (plan != null) for (var r : plan.rules()) rules.add(rule(r, at));
            return List.copyOf(rules);
        });
        b.tags = ctx.read(LIST_TAGS, p, () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            String token = null;
            do {
                String t = token;
                var page = backup.listTags(r -> r.resourceArn(b.address()).nextToken(t));
                tags.putAll(page.tags());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
            return tags;
        });
        b.selectedResources = selections(b);
    }

    static BackupRule rule(software.amazon.awssdk.services.backup.model.BackupRule r, Provenance at) {
        Lifecycle life = r.lifecycle();
        // No lifecycle / no DeleteAfterDays: recovery points are kept forever (null, as the CloudFormation source).
        Integer deleteAfter = life == null || life.deleteAfterDays() == null ? null
                : Math.toIntExact(life.deleteAfterDays());
        Integer cold = life == null || life.moveToColdStorageAfterDays() == null ? null
                : Math.toIntExact(life.moveToColdStorageAfterDays());
        List<String> copies = r.copyActions().stream().map(CopyAction::destinationBackupVaultArn).toList();
        return new BackupRule(v(r.ruleName(), at), v(r.targetBackupVaultName(), at), v(r.scheduleExpression(), at),
                v(deleteAfter, at), v(copies, at), v(cold, at));
    }

    /** ListBackupSelections then GetBackupSelection for each; unknown when either fails. */
    private Value<List<Ref>> selections(BackupPlan b) {
        String id = b.awsId.get();
        Value<List<String>> ids = ctx.read(LIST_BACKUP_SELECTIONS, b.location(), () -> {
            List<String> out = new ArrayList<>();
            for (var page : backup.listBackupSelectionsPaginator(r -> r.backupPlanId(id))) {
                for (var s : page.backupSelectionsList()) out.add(s.selectionId());
            }
            return out;
        });
        if (!ids.isPresent()) return Value.unknown(ids.note(), ids.provenance());
        List<BackupSelection> selections = new ArrayList<>();
        for (String selectionId : ids.get()) {
            Value<BackupSelection> s = ctx.read(GET_BACKUP_SELECTION, b.location(),
                    () -> backup.getBackupSelection(r -> r.backupPlanId(id).selectionId(selectionId))
                            .backupSelection());
            if (!s.isPresent()) return Value.unknown(s.note(), s.provenance());
            selections.add(s.get());
        }
        Selected sel = selected(selections);
        Provenance at = ctx.at(b.address(), GET_BACKUP_SELECTION);
        if (sel.unresolved() != null && sel.resources().isEmpty()) {
            return Value.unknown("resources are selected by " + sel.unresolved() + ", which is decided at backup time",
                    at);
        }
        if (sel.unresolved() != null) {
            ctx.diagnostics().add(Diagnostic.info(b.address() + " also selects resources by " + sel.unresolved()
                    + ": only the resources listed by ARN are in selectedResources", at));
        }
        return v(sel.resources(), at);
    }

    /**
     * What a plan's selections name: the ARNs listed (less those excluded by NotResources), and, when some resources
     * are chosen another way (tags, conditions, wildcard ARNs), what that way is.
     */
    record Selected(List<Ref> resources, String unresolved) {
    }

    static Selected selected(List<BackupSelection> selections) {
        Set<String> arns = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (BackupSelection s : selections) {
            for (String arn : s.resources()) {
                if (arn.contains("*")) unresolved.add("wildcard ARN " + arn);
                else arns.add(arn);
            }
            for (String arn : s.notResources()) {
                if (arn.contains("*")) unresolved.add("wildcard exclusion " + arn);
                else excluded.add(arn);
            }
            if (!s.listOfTags().isEmpty()) unresolved.add("tag");
            if (hasConditions(s.conditions())) unresolved.add("condition");
        }
        arns.removeAll(excluded);
        return new Selected(arns.stream().map(Ref::new).toList(),
                unresolved.isEmpty() ? null : String.join(", ", unresolved));
    }

    private static boolean hasConditions(Conditions c) {
        return c != null && (!c.stringEquals().isEmpty() || !c.stringLike().isEmpty()
                || !c.stringNotEquals().isEmpty() || !c.stringNotLike().isEmpty());
    }
}
