package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Defaults;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.ops.BackupVault;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.ops.EcrRepository;
import io.plumbline.model.ops.LogGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ECR repositories and registry replication, CloudWatch log groups, and AWS Backup plans with their selections. */
final class OperationsMapper extends FamilyMapper {
    private final Map<BackupPlan, List<Res>> selections = new IdentityHashMap<>();

    OperationsMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return switch (r.type()) {
            case "AWS::ECR::Repository" -> ecrRepository(r);
            case "AWS::ECR::ReplicationConfiguration" -> ecrReplication(r);
            case "AWS::Logs::LogGroup" -> logGroup(r);
            case "AWS::Backup::BackupPlan" -> backupPlan(r);
            case "AWS::Backup::BackupVault" -> backupVault(r);
            default -> null;
        };
    }

    @Override
    Set<String> foldingTypes() {
        return Set.of("AWS::Backup::BackupSelection");
    }

    @Override
    Resource fold(Res r) {
        return foldBackupSelection(r);
    }

    @Override
    void finish() {
        for (Map.Entry<BackupPlan, List<Res>> e : selections.entrySet()) selection(e.getKey(), e.getValue());
        for (Resource r : built.values()) {
            if (r instanceof BackupPlan plan && plan.selectedResources == Value.<List<Ref>>notInInput()) {
                plan.selectedResources = Value.explicit(List.of(), plan.location());
            }
        }
    }

    private EcrRepository ecrRepository(Res r) {
        EcrRepository e = new EcrRepository(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(e, r, "RepositoryName", false);
        e.scanOnPush = c.bool(get(p, "ImageScanningConfiguration", "ScanOnPush"), Defaults.CFN_ECR_SCAN_ON_PUSH, r.loc());
        e.tagMutability = c.str(get(p, "ImageTagMutability"), Defaults.CFN_ECR_TAG_MUTABILITY, r.loc());
        Ev enc = get(p, "EncryptionConfiguration");
        e.encryptionType = c.str(get(enc, "EncryptionType"), Defaults.CFN_ECR_ENCRYPTION, r.loc());
        e.kmsKey = c.ref(get(enc, "KmsKey"));
        return e;
    }

    /**
     * The registry's replication ({@code ReplicationConfiguration.Rules[]}: {@code Destinations[]} with {@code Region}
     * and {@code RegistryId}, {@code RepositoryFilters[]} with {@code Filter} and {@code FilterType}).
     */
    private EcrReplicationConfiguration ecrReplication(Res r) {
        EcrReplicationConfiguration e = new EcrReplicationConfiguration(r.id(), r.type(), r.loc());
        Ev rules = get(r.props(), "ReplicationConfiguration", "Rules");
        e.rules = rules == null ? Value.explicit(List.of(), r.loc()) : objects(rules, rule -> {
            Ev filters = get(rule, "RepositoryFilters");
            return new EcrReplicationConfiguration.Rule(
                    c.list(get(rule, "Destinations"), d -> Value.explicit(new EcrReplicationConfiguration.Destination(
                            c.str(get(d, "Region")), c.str(get(d, "RegistryId"))), c.at(d))),
                    filters == null ? Value.explicit(List.of(), c.at(rule)) : c.list(filters, f -> c.str(get(f, "Filter"))),
                    filters == null ? Value.explicit(List.of(), c.at(rule))
                            : c.list(filters, f -> c.str(get(f, "FilterType"))));
        });
        return e;
    }

    private LogGroup logGroup(Res r) {
        LogGroup g = new LogGroup(r.id(), r.type(), r.loc());
        nameFrom(g, r, "LogGroupName", false);
        g.retentionDays = c.integer(get(r.props(), "RetentionInDays"), Defaults.CFN_LOGS_NEVER_EXPIRE, r.loc());
        g.kmsKey = c.ref(get(r.props(), "KmsKeyId"), Defaults.CFN_LOGS_NO_KMS_KEY, r.loc());
        return g;
    }

    private BackupPlan backupPlan(Res r) {
        BackupPlan b = new BackupPlan(r.id(), r.type(), r.loc());
        Ev plan = get(r.props(), "BackupPlan");
        b.name = c.str(get(plan, "BackupPlanName"));
        b.rules = objects(get(plan, "BackupPlanRule"), rule -> {
            Ev lifecycle = get(rule, "Lifecycle");
            Ev delete = get(lifecycle, "DeleteAfterDays");
            Ev copies = get(rule, "CopyActions");
            Value<List<String>> copyTo = copies == null ? Value.defaulted(Defaults.CFN_BACKUP_NO_COPY, c.at(rule))
                    : c.list(copies, a -> c.str(get(a, "DestinationBackupVaultArn")));
            // A vault of this stack is named by !GetAtt / !Ref: the link finds it where its ARN is not known yet.
            Value<List<Ref>> copyVaults = copies == null ? copyTo.map(l -> List.<Ref>of())
                    : c.list(copies, a -> c.ref(get(a, "DestinationBackupVaultArn")));
            return new BackupRule(c.str(get(rule, "RuleName")), c.refText(get(rule, "TargetBackupVault")),
                    c.str(get(rule, "ScheduleExpression")),
                    delete == null ? Value.defaulted(Defaults.CFN_BACKUP_RETAIN_FOREVER, c.at(rule)) : c.integer(delete),
                    copyTo, Value.notInInput(), copyVaults);
        });
        return b;
    }

    /**
     * A vault with its key and Vault Lock. Without {@code EncryptionKeyArn} AWS Backup uses a key it creates (AWS
     * managed); without {@code LockConfiguration} the vault is not locked; a lock without {@code ChangeableForDays} is in
     * governance mode.
     */
    private BackupVault backupVault(Res r) {
        BackupVault v = new BackupVault(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(v, r, "BackupVaultName", false);
        v.kmsKey = c.ref(get(p, "EncryptionKeyArn"), Defaults.BACKUP_VAULT_AWS_MANAGED_KEY, r.loc());
        Ev lock = get(p, "LockConfiguration");
        if (lock == null) {
            v.locked = Value.defaulted(Defaults.BACKUP_VAULT_NOT_LOCKED, r.loc());
            v.minRetentionDays = Value.explicit(null, r.loc());
            v.maxRetentionDays = Value.explicit(null, r.loc());
            v.changeableForDays = Value.explicit(null, r.loc());
        } else {
            v.locked = Value.explicit(true, c.at(lock));
            v.minRetentionDays = orNull(c.integer(get(lock, "MinRetentionDays")), lock);
            v.maxRetentionDays = orNull(c.integer(get(lock, "MaxRetentionDays")), lock);
            v.changeableForDays = orNull(c.integer(get(lock, "ChangeableForDays")), lock);
        }
        return v;
    }

    /** An absent lock setting is not set (null), not unknown. */
    private Value<Integer> orNull(Value<Integer> v, Ev lock) {
        return v == Value.<Integer>notInInput() ? Value.explicit(null, c.at(lock)) : v;
    }

    private Resource foldBackupSelection(Res r) {
        Ev p = r.props();
        BackupPlan plan = target(r, get(p, "BackupPlanId"), BackupPlan.class, "BackupPlanId", "a backup plan");
        if (plan == null) return null;
        selections.computeIfAbsent(plan, k -> new ArrayList<>()).add(r);
        return plan;
    }

    /** Selected resources: explicit ARNs/references, plus resources whose tags match a STRINGEQUALS tag condition. */
    private void selection(BackupPlan plan, List<Res> selectionResources) {
        List<Ref> selected = new ArrayList<>();
        Value<List<Ref>> unknown = null;
        for (Res r : selectionResources) {
            if (r.uncertain() != null) {
                unknown = Value.unknown("the backup selection " + existence(r), r.loc());
                break;
            }
            Ev sel = get(r.props(), "BackupSelection");
            Ev resources = get(sel, "Resources");
            if (resources != null) {
                Value<List<Ref>> refs = c.refs(resources);
                if (refs.isUnknown()) {
                    unknown = Value.unknown("backup selection " + r.id() + ": " + refs.note(), refs.provenance());
                    break;
                }
                if (refs.isPresent()) selected.addAll(refs.get());
            }
            Ev tags = get(sel, "ListOfTags");
            if (tags != null) {
                List<Ev> conditions = items(tags);
                if (conditions == null) {
                    unknown = Value.unknown("backup selection " + r.id() + ": " + Evaluator.reasonOf(tags), c.at(tags));
                    break;
                }
                for (Ev cond : conditions) {
                    String type = text(get(cond, "ConditionType"));
                    String key = text(get(cond, "ConditionKey"));
                    String value = text(get(cond, "ConditionValue"));
                    if (!"STRINGEQUALS".equals(type) || key == null || value == null) {
                        unknown = Value.unknown("backup selection " + r.id() + " selects by a tag condition that "
                                + "cannot be resolved here: " + Evaluator.reasonOf(cond), c.at(cond));
                        break;
                    }
                    for (Resource res : built.values()) {
                        if (value.equals(res.tag(key))) selected.add(new Ref(res.address()));
                    }
                }
                if (unknown != null) break;
            }
            if (get(sel, "Conditions") != null) {
                unknown = Value.unknown("backup selection " + r.id() + " uses Conditions, which are not resolved",
                        r.loc());
                break;
            }
        }
        plan.selectedResources = unknown != null ? unknown
                : Value.explicit(List.copyOf(selected), selectionResources.get(0).loc());
    }
}
