package io.plumbline.source.terraform;

import io.plumbline.model.Defaults;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.edge.Route53HealthCheck;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.ops.BackupVault;
import io.plumbline.model.ops.EcrRepository;
import io.plumbline.model.ops.LogGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.Secret;
import io.plumbline.model.security.WafWebAcl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KMS, Secrets Manager, ECR, CloudFront, WAF, Route 53 health checks, CloudWatch log groups, AWS Backup. */
final class ServiceMapping {
    private ServiceMapping() {
    }

    // ------------------------------------------------------------------ KMS

    static Resource kmsKey(PlanReader p, PlanReader.Res x) {
        KmsKey k = p.common(new KmsKey(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        p.addAlias(k, a.publicText("key_id"));
        if (x.before != null) p.addAlias(k, x.before.publicText("key_id"));
        k.enabled = a.bool("is_enabled", Defaults.KMS_ENABLED);
        k.rotationEnabled = a.bool("enable_key_rotation", Defaults.KMS_ROTATION);
        k.rotationPeriodDays = a.integer("rotation_period_in_days");
        k.keySpec = a.str("customer_master_key_spec", Defaults.KMS_KEY_SPEC);
        k.keyUsage = a.str("key_usage", Defaults.KMS_KEY_USAGE);
        k.deletionWindowDays = a.integer("deletion_window_in_days", Defaults.KMS_DELETION_WINDOW);
        k.multiRegion = a.bool("multi_region", Defaults.KMS_MULTI_REGION);
        k.keyManager = Value.explicit("CUSTOMER", x.place);
        Value<String> store = a.strOrNull("custom_key_store_id");
        if (store.isPresent()) {
            k.origin = Value.unknown("the key is in custom key store " + store.get()
                    + " (origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE)", store.provenance());
        } else if (store.isUnknown() && !Attrs.absent(store)) {
            k.origin = store;
        } else {
            k.origin = Value.explicit("AWS_KMS", x.place);
        }
        Value<String> policy = a.strOrNull("policy");
        if (policy.isUnknown() && a.isUnknown("policy") && a.cfgState("policy") == Attrs.Cfg.NOT_SET) {
            // A key created without a policy gets KMS's default key policy; an existing one keeps whatever it has.
            policy = Mappings.creating(x) ? Value.defaulted(Defaults.KMS_DEFAULT_KEY_POLICY, a.unknownPlace("policy"))
                    : Value.unknown("not set: the default key policy (the account root only) applies",
                    a.unknownPlace("policy"));
        }
        k.policy = policy;
        return k;
    }

    /**
     * {@code aws_kms_key_policy} replaces the key's policy (the provider warns against also setting
     * {@code aws_kms_key.policy}: both then fight over one policy, so the key's policy is unknown).
     */
    static Resource kmsKeyPolicy(PlanReader p, PlanReader.Res x) {
        p.fold(x, "key_id", KmsKey.class, (k, r) -> {
            Value<String> separate = r.attrs.strOrNull("policy");
            boolean inline = k.policy.isKnown() && k.policy.get() != null && !k.policy.isDefaulted();
            k.policy = inline && !(separate.isKnown() && k.policy.get().equals(separate.get()))
                    ? Value.unknown("both " + k.address() + ".policy and " + r.address + " set the key policy "
                    + "(the provider defines no winner)", separate.provenance())
                    : separate;
        });
        return null;
    }

    static Resource kmsAlias(PlanReader p, PlanReader.Res x) {
        p.fold(x, "target_key_id", KmsKey.class, (k, r) -> p.addAlias(k, r.attrs.publicText("name")));
        return null;
    }

    // ------------------------------------------------------------------ Secrets Manager

    static Resource secret(PlanReader p, PlanReader.Res x) {
        Secret s = p.common(new Secret(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        s.kmsKey = a.ref("kms_key_id");
        Attrs.Blocks replicas = a.blocks("replica");
        if (replicas.known()) {
            List<String> regions = new ArrayList<>();
            Value<List<String>> result = null;
            for (Attrs r : replicas.items) {
                Value<String> region = r.strOrNull("region");
                if (region.isUnknown()) {
                    result = region.map(List::of);
                    break;
                }
                if (region.isPresent()) regions.add(region.get());
            }
            s.replicaRegions = result != null ? result : Value.explicit(List.copyOf(regions), replicas.place);
        } else if (replicas.state == Attrs.Blocks.State.ABSENT || replicas.configUnset) {
            s.replicaRegions = Value.explicit(List.of(), replicas.place);
        } else {
            s.replicaRegions = Value.unknown("replicas are " + Attrs.AFTER_APPLY, replicas.place);
        }
        // Deprecated inline rotation (provider v3), or what the state says.
        Value<String> lambda = a.strOrNull("rotation_lambda_arn");
        if (lambda.isPresent()) {
            s.rotationEnabled = Value.explicit(true, lambda.provenance());
            s.rotationDays = a.first("rotation_rules").integer("automatically_after_days");
        } else {
            Value<Boolean> enabled = a.bool("rotation_enabled");
            if (enabled.isPresent()) s.rotationEnabled = enabled;
        }
        p.finisher(() -> {
            if (Attrs.absent(s.rotationEnabled)) {
                s.rotationEnabled = Value.defaulted(Defaults.SECRETS_MANAGER_ROTATION, x.place);
            }
        });
        return s;
    }

    static Resource secretRotation(PlanReader p, PlanReader.Res x) {
        p.fold(x, "secret_id", Secret.class, new PlanReader.FoldAction<>() {
            @Override
            public void apply(Secret s, PlanReader.Res r) {
                Value<Boolean> enabled = r.attrs.bool("rotation_enabled");
                s.rotationEnabled = enabled.isPresent() ? enabled : Value.explicit(true, r.place);
                s.rotationDays = r.attrs.first("rotation_rules").integer("automatically_after_days");
            }

            @Override
            public void deleted(Secret s, PlanReader.Res r) {
                // Destroying the rotation resource cancels rotation of the secret.
                s.rotationEnabled = Value.explicit(false, r.place);
            }
        });
        return null;
    }

    // ------------------------------------------------------------------ ECR

    static Resource ecrRepository(PlanReader p, PlanReader.Res x) {
        EcrRepository e = p.common(new EcrRepository(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        e.scanOnPush = a.first("image_scanning_configuration").bool("scan_on_push", Defaults.ECR_SCAN_ON_PUSH);
        e.tagMutability = a.str("image_tag_mutability", Defaults.ECR_TAG_MUTABILITY);
        Attrs enc = a.first("encryption_configuration");
        e.encryptionType = enc.str("encryption_type", Defaults.ECR_ENCRYPTION_TYPE);
        Value<Ref> key = enc.ref("kms_key");
        boolean unset = Attrs.absent(key) || (key.isKnown() && key.get() == null);
        if (unset && e.encryptionType.is("AES256")) key = Value.explicit(null, e.encryptionType.provenance());
        e.kmsKey = key;
        return e;
    }

    // ------------------------------------------------------------------ CloudFront, WAF, Route 53

    static Resource cloudFront(PlanReader p, PlanReader.Res x) {
        CloudFrontDistribution d = p.common(new CloudFrontDistribution(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        d.webAcl = a.ref("web_acl_id");
        List<Value<String>> policies = new ArrayList<>();
        Attrs.Blocks def = a.blocks("default_cache_behavior");
        for (Attrs b : def.items) policies.add(b.strOrNull("viewer_protocol_policy"));
        Attrs.Blocks ordered = a.blocks("ordered_cache_behavior");
        for (Attrs b : ordered.items) policies.add(b.strOrNull("viewer_protocol_policy"));
        if (def.state == Attrs.Blocks.State.UNKNOWN && def.items.isEmpty()) {
            d.viewerProtocolPolicies = Value.unknown("cache behaviors are " + Attrs.AFTER_APPLY, def.place);
        } else if (ordered.state == Attrs.Blocks.State.UNKNOWN && !ordered.configUnset) {
            d.viewerProtocolPolicies = Value.unknown("ordered cache behaviors are " + Attrs.AFTER_APPLY, ordered.place);
        } else {
            d.viewerProtocolPolicies = strings(policies, def.place);
        }
        d.minimumProtocolVersion = a.first("viewer_certificate").strOrNull("minimum_protocol_version");
        Attrs.Blocks logging = a.blocks("logging_config");
        d.loggingBucket = logging.items.isEmpty() && (logging.state != Attrs.Blocks.State.UNKNOWN || logging.configUnset)
                ? Value.explicit(null, logging.place) : a.first("logging_config").ref("bucket");
        Attrs.Blocks origins = a.blocks("origin");
        if (origins.known()) {
            List<Value<String>> domains = new ArrayList<>();
            for (Attrs o : origins.items) domains.add(o.strOrNull("domain_name"));
            d.originDomains = strings(domains, origins.place);
        } else if (origins.state == Attrs.Blocks.State.UNKNOWN) {
            d.originDomains = Value.unknown("origins are " + Attrs.AFTER_APPLY, origins.place);
        }
        d.enabled = a.bool("enabled");
        return d;
    }

    /** Known strings as a list; the first unknown makes the whole list unknown. */
    private static Value<List<String>> strings(List<Value<String>> values, Provenance place) {
        List<String> out = new ArrayList<>(values.size());
        for (Value<String> v : values) {
            if (v.isUnknown()) return Value.unknown(v.note(), v.provenance());
            if (v.isPresent()) out.add(v.get());
        }
        return Value.explicit(List.copyOf(out), place);
    }

    static Resource webAcl(PlanReader p, PlanReader.Res x) {
        WafWebAcl w = p.common(new WafWebAcl(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        w.scope = a.strOrNull("scope");
        Attrs.Blocks def = a.blocks("default_action");
        if (def.known() && !def.items.isEmpty()) {
            Attrs d = def.items.get(0);
            if (!d.blocks("allow").items.isEmpty()) w.defaultAction = Value.explicit("allow", d.place);
            else if (!d.blocks("block").items.isEmpty()) w.defaultAction = Value.explicit("block", d.place);
            else w.defaultAction = Value.unknown("the default action is neither allow nor block", d.place);
        } else if (def.state == Attrs.Blocks.State.UNKNOWN) {
            w.defaultAction = Value.unknown("the default action is " + Attrs.AFTER_APPLY, def.place);
        }
        Attrs.Blocks rules = a.blocks("rule");
        Value<String> json = a.strOrNull("rule_json");
        if (json.isPresent() || (json.isUnknown() && !Attrs.absent(json) && a.cfgState("rule_json") == Attrs.Cfg.SET)) {
            w.ruleCount = Value.unknown("rules are given as rule_json, which this reader does not parse", json.provenance());
            w.managedRuleGroups = Value.unknown("rules are given as rule_json, which this reader does not parse",
                    json.provenance());
        } else if (rules.known()) {
            w.ruleCount = Value.explicit(rules.items.size(), rules.place);
            List<String> groups = new ArrayList<>();
            Value<List<String>> unknown = null;
            for (Attrs r : rules.items) {
                Attrs stmt = r.first("statement").first("managed_rule_group_statement");
                Value<String> name = stmt.strOrNull("name");
                if (name.isUnknown() && !Attrs.absent(name)) {
                    unknown = Value.unknown(name.note(), name.provenance());
                    continue;
                }
                if (!name.isPresent()) continue;
                Attrs override = r.first("override_action");
                if (!override.blocks("count").items.isEmpty()) {
                    p.diagnostics.add(Diagnostic.info(x.address + ": managed rule group " + name.get()
                            + " only counts (override_action count): not listed as a protecting group", r.place));
                    continue;
                }
                String vendor = stmt.text("vendor_name");
                groups.add(vendor == null || "AWS".equals(vendor) ? name.get() : vendor + ":" + name.get());
            }
            w.managedRuleGroups = unknown != null ? unknown : Value.explicit(List.copyOf(groups), rules.place);
        } else if (rules.state == Attrs.Blocks.State.ABSENT || rules.configUnset) {
            w.ruleCount = Value.explicit(0, rules.place);
            w.managedRuleGroups = Value.explicit(List.of(), rules.place);
        } else {
            w.ruleCount = Value.unknown("rules are " + Attrs.AFTER_APPLY, rules.place);
            w.managedRuleGroups = Value.unknown("rules are " + Attrs.AFTER_APPLY, rules.place);
        }
        return w;
    }

    static Resource healthCheck(PlanReader p, PlanReader.Res x) {
        Route53HealthCheck h = p.common(new Route53HealthCheck(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        h.type = a.strOrNull("type");
        h.fqdn = a.strOrNull("fqdn");
        h.port = a.integer("port");
        h.resourcePath = a.strOrNull("resource_path");
        h.failureThreshold = a.integer("failure_threshold");
        return h;
    }

    static Resource logGroup(PlanReader p, PlanReader.Res x) {
        LogGroup g = p.common(new LogGroup(x.address, x.type, x.place), x, "name");
        g.retentionDays = x.attrs.integer("retention_in_days", Defaults.LOG_GROUP_RETENTION_NEVER);
        g.kmsKey = x.attrs.ref("kms_key_id");
        return g;
    }

    // ------------------------------------------------------------------ AWS Backup

    /** What the backup selections of one plan contributed. */
    private static final class Selections {
        final List<Ref> resources = new ArrayList<>();
        Value<List<Ref>> unknown;
        Provenance place;
        boolean byTag;
        /** STRINGEQUALS selection tags (key, value), resolved against the plan's resources once all exist. */
        final List<Map.Entry<String, String>> tagEquals = new ArrayList<>();
        /** A condition or tag test other than STRINGEQUALS: what it selects is decided at backup time. */
        boolean unresolvedTags;
        final Map<String, Boolean> seen = new LinkedHashMap<>();
    }

    static Resource backupPlan(PlanReader p, PlanReader.Res x) {
        BackupPlan b = p.common(new BackupPlan(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        Attrs.Blocks rules = a.blocks("rule");
        if (rules.known()) {
            List<BackupRule> out = new ArrayList<>();
            for (Attrs r : rules.items) {
                Attrs.Blocks copies = r.blocks("copy_action");
                List<Value<String>> dests = new ArrayList<>();
                List<Value<Ref>> vaults = new ArrayList<>();
                for (Attrs c : copies.items) {
                    dests.add(c.strOrNull("destination_vault_arn"));
                    vaults.add(c.ref("destination_vault_arn"));
                }
                boolean copiesUnknown = copies.state == Attrs.Blocks.State.UNKNOWN && !copies.configUnset;
                Value<List<String>> copyTo = copiesUnknown
                        ? Value.unknown("copy actions are " + Attrs.AFTER_APPLY, copies.place) : strings(dests, copies.place);
                Value<List<Ref>> copyVaults = copiesUnknown
                        ? Value.unknown("copy actions are " + Attrs.AFTER_APPLY, copies.place)
                        : Mappings.collect(vaults, copies.place);
                out.add(new BackupRule(r.strOrNull("rule_name"), r.strOrNull("target_vault_name"), r.strOrNull("schedule"),
                        r.first("lifecycle").integer("delete_after"), copyTo, Value.notInInput(), copyVaults));
            }
            b.rules = Value.explicit(List.copyOf(out), rules.place);
        } else if (rules.state == Attrs.Blocks.State.UNKNOWN) {
            b.rules = Value.unknown("rules are " + Attrs.AFTER_APPLY, rules.place);
        }
        p.finisher(() -> {
            Selections s = p.extra(b, Selections.class);
            if (s == null) {
                b.selectedResources = Value.unknown("no aws_backup_selection for this plan in the input", x.place);
            } else if (s.unknown != null) {
                b.selectedResources = s.unknown;
            } else if (!s.tagEquals.isEmpty() && !s.unresolvedTags) {
                b.selectedResources = byTags(p, s);
            } else if (s.byTag && s.resources.isEmpty()) {
                b.selectedResources = Value.unknown("resources are selected by tag or condition, which is decided at backup time",
                        s.place);
            } else {
                if (s.byTag) {
                    p.diagnostics.add(Diagnostic.info(x.address + " also selects resources by tag or condition: only the "
                            + "resources listed by ARN or reference are in selectedResources", x.place));
                }
                b.selectedResources = Value.explicit(List.copyOf(s.resources), s.place);
            }
        });
        return b;
    }

    static Resource backupVault(PlanReader p, PlanReader.Res x) {
        BackupVault v = p.common(new BackupVault(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        v.kmsKey = a.orDefault(a.ref("kms_key_arn"), "kms_key_arn", Defaults.BACKUP_VAULT_AWS_MANAGED_KEY);
        // The lock is a separate resource folded in later; without one the vault is created unlocked.
        v.locked = Value.defaulted(Defaults.BACKUP_VAULT_NOT_LOCKED, x.place);
        v.minRetentionDays = Value.explicit(null, x.place);
        v.maxRetentionDays = Value.explicit(null, x.place);
        v.changeableForDays = Value.explicit(null, x.place);
        return v;
    }

    static Resource backupVaultLock(PlanReader p, PlanReader.Res x) {
        p.fold(x, "backup_vault_name", BackupVault.class, (v, r) -> {
            v.locked = Value.explicit(true, r.place);
            v.minRetentionDays = r.attrs.integer("min_retention_days");
            v.maxRetentionDays = r.attrs.integer("max_retention_days");
            v.changeableForDays = r.attrs.integer("changeable_for_days");
        });
        return null;
    }

    /**
     * The listed resources plus every resource whose tags hold one of the STRINGEQUALS selection tags (AWS Backup ORs
     * the tags of one selection). A DB cluster whose tags are unknown in the plan could be selected or not: the
     * selection is then unknown (other kinds are not looked at for unknown tags: the backup rules judge DB clusters).
     */
    private static Value<List<Ref>> byTags(PlanReader p, Selections s) {
        List<Ref> out = new ArrayList<>(s.resources);
        Value<List<Ref>>[] unknown = new Value[1];
        p.forEach(Resource.class, r -> {
            if (unknown[0] != null) return;
            if (!r.tags.isPresent()) {
                if (r instanceof io.plumbline.model.data.DbCluster && r.tags.isUnknown()) {
                    unknown[0] = Value.unknown("resources are selected by tag, and the tags of " + r.address()
                            + " are unknown: " + r.tags.note(), s.place);
                }
                return;
            }
            for (Map.Entry<String, String> t : s.tagEquals) {
                if (t.getValue().equals(r.tags.get().get(t.getKey())) && s.seen.put(r.address(), Boolean.TRUE) == null) {
                    out.add(new Ref(r.address()));
                    break;
                }
            }
        });
        return unknown[0] != null ? unknown[0] : Value.explicit(List.copyOf(out), s.place);
    }

    /** A condition block with at least one condition in it (providers fill an empty one in state). */
    private static boolean hasConditions(Attrs.Blocks conditions) {
        for (Attrs c : conditions.items) {
            for (String k : new String[] {"string_equals", "string_like", "string_not_equals", "string_not_like"}) {
                if (!c.blocks(k).items.isEmpty()) return true;
            }
        }
        return false;
    }

    static Resource backupSelection(PlanReader p, PlanReader.Res x) {
        p.fold(x, "plan_id", BackupPlan.class, (b, r) -> {
            Selections s = p.extra(b, Selections.class);
            if (s == null) {
                s = new Selections();
                s.place = r.place;
                p.putExtra(b, s);
            }
            Value<List<Ref>> res = r.attrs.refsOrEmpty("resources");
            if (res.isUnknown()) {
                if (s.unknown == null) s.unknown = res;
            } else {
                for (Ref ref : res.get()) if (s.seen.put(ref.target(), Boolean.TRUE) == null) s.resources.add(ref);
            }
            Attrs.Blocks tags = r.attrs.blocks("selection_tag");
            for (Attrs t : tags.items) {
                Value<String> type = t.strOrNull("type");
                Value<String> key = t.strOrNull("key");
                Value<String> value = t.strOrNull("value");
                if (type.is("STRINGEQUALS") && key.isPresent() && value.isPresent()) {
                    s.tagEquals.add(Map.entry(key.get(), value.get()));
                } else {
                    s.unresolvedTags = true;
                }
            }
            if (hasConditions(r.attrs.blocks("condition"))) s.unresolvedTags = true;
            if (!tags.items.isEmpty() || s.unresolvedTags) s.byTag = true;
        });
        return null;
    }
}
