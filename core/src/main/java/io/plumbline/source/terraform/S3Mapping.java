package io.plumbline.source.terraform;

import io.plumbline.model.Default;
import io.plumbline.model.Defaults;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.storage.AccountPublicAccessBlock;
import io.plumbline.model.storage.LifecycleRule;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * S3 buckets: the deprecated inline blocks of {@code aws_s3_bucket} and the split configuration resources, merged per
 * setting. Both agreeing → that value; disagreeing → unknown (the provider defines no winner), with a diagnostic.
 */
final class S3Mapping {
    private S3Mapping() {
    }

    static final String VERSIONING = "versioning";
    static final String MFA_DELETE = "mfa_delete";
    static final String SSE_ALGORITHM = "sse_algorithm";
    static final String SSE_KEY = "kms_master_key_id";
    static final String BUCKET_KEY = "bucket_key_enabled";
    static final String REPLICATION = "replication";
    static final String REPLICATION_ROLE = "replication_role";
    static final String LIFECYCLE = "lifecycle";
    static final String LOGGING = "logging";
    static final String POLICY = "policy";
    static final String[] PAB = {"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"};

    /** One source of one setting: the inline block of the bucket, or a split resource. */
    private record Part(String source, Value<?> value, boolean inline) {
    }

    /** What is known of one bucket's settings while the plan is read. */
    private static final class Parts {
        /** Inline blocks the configuration declares (or when the plan has no configuration). */
        final Map<String, Part> declared = new LinkedHashMap<>();
        /** Inline blocks computed from state, not configured: used only when nothing else says anything. */
        final Map<String, Part> computed = new LinkedHashMap<>();
        final Map<String, List<Part>> split = new LinkedHashMap<>();
        final Map<String, Part> deleted = new LinkedHashMap<>();
        boolean publicAccessBlock;

        void inline(String setting, String block, Value<?> v, boolean isDeclared) {
            (isDeclared ? declared : computed).put(setting, new Part("inline " + block, v, true));
        }

        void split(String setting, String address, Value<?> v) {
            split.computeIfAbsent(setting, k -> new ArrayList<>(1)).add(new Part(address, v, false));
        }
    }

    static Resource bucket(PlanReader p, PlanReader.Res x) {
        S3Bucket b = p.common(new S3Bucket(x.address, x.type, x.place), x, "bucket");
        Attrs a = x.attrs;
        if (b.name.isPresent() && !b.name.isSensitive()) p.addAlias(b, "arn:aws:s3:::" + b.name.get());
        if (x.before != null && x.before.publicText("bucket") != null) p.addAlias(b, "arn:aws:s3:::" + x.before.publicText("bucket"));
        Parts parts = new Parts();
        p.putExtra(b, parts);
        readInline(a, parts);
        p.finisher(() -> finish(p, b, x, parts));
        return b;
    }

    private static boolean declared(Attrs a, String block) {
        return a.cfgState(block) != Attrs.Cfg.NOT_SET;
    }

    private static void readInline(Attrs a, Parts parts) {
        Attrs.Blocks versioning = a.blocks("versioning");
        boolean dv = declared(a, "versioning");
        if (!versioning.items.isEmpty() && versioning.known()) {
            Attrs v = versioning.items.get(0);
            parts.inline(VERSIONING, "versioning", v.bool("enabled").map(on -> on ? "Enabled" : "Suspended"), dv);
            Value<Boolean> mfa = v.bool("mfa_delete");
            if (mfa.isPresent() || mfa.isUnknown() && !Attrs.absent(mfa)) {
                parts.inline(MFA_DELETE, "versioning", mfa.map(on -> on ? "Enabled" : "Disabled"), dv);
            }
        } else if (unknownBlock(versioning)) {
            parts.inline(VERSIONING, "versioning", Value.unknown("inline versioning is " + Attrs.AFTER_APPLY,
                    versioning.place), true);
        }

        Attrs.Blocks sse = a.blocks("server_side_encryption_configuration");
        boolean ds = declared(a, "server_side_encryption_configuration");
        if (sse.known() && !sse.items.isEmpty()) {
            Attrs rule = sse.items.get(0).first("rule");
            Attrs def = rule.first("apply_server_side_encryption_by_default");
            String block = "server_side_encryption_configuration";
            parts.inline(SSE_ALGORITHM, block, def.strOrNull("sse_algorithm"), ds);
            parts.inline(SSE_KEY, block, def.ref("kms_master_key_id"), ds);
            Value<Boolean> bk = rule.bool("bucket_key_enabled");
            if (!Attrs.absent(bk)) parts.inline(BUCKET_KEY, block, bk, ds);
        } else if (unknownBlock(sse)) {
            parts.inline(SSE_ALGORITHM, "server_side_encryption_configuration",
                    Value.unknown("inline server_side_encryption_configuration is " + Attrs.AFTER_APPLY, sse.place), true);
        }

        Attrs.Blocks rep = a.blocks("replication_configuration");
        boolean dr = declared(a, "replication_configuration");
        if (rep.known()) {
            if (rep.items.isEmpty()) {
                parts.inline(REPLICATION, "replication_configuration", Value.explicit(List.of(), rep.place), dr);
            } else {
                parts.inline(REPLICATION, "replication_configuration",
                        replicationRules(rep.items.get(0).blocks("rules"), true), dr);
                parts.inline(REPLICATION_ROLE, "replication_configuration", rep.items.get(0).ref("role"), dr);
            }
        } else if (unknownBlock(rep)) {
            parts.inline(REPLICATION, "replication_configuration",
                    Value.unknown("inline replication_configuration is " + Attrs.AFTER_APPLY, rep.place), true);
        }

        Attrs.Blocks life = a.blocks("lifecycle_rule");
        boolean dl = declared(a, "lifecycle_rule");
        if (life.known()) {
            parts.inline(LIFECYCLE, "lifecycle_rule", lifecycleRules(life, true), dl);
        } else if (unknownBlock(life)) {
            parts.inline(LIFECYCLE, "lifecycle_rule", Value.unknown("inline lifecycle_rule is " + Attrs.AFTER_APPLY,
                    life.place), true);
        }

        Attrs.Blocks logging = a.blocks("logging");
        boolean dg = declared(a, "logging");
        if (logging.known()) {
            parts.inline(LOGGING, "logging", logging.items.isEmpty() ? Value.explicit(null, logging.place)
                    : logging.items.get(0).ref("target_bucket"), dg);
        } else if (unknownBlock(logging)) {
            parts.inline(LOGGING, "logging", Value.unknown("inline logging is " + Attrs.AFTER_APPLY, logging.place), true);
        }

        if (a.has("policy")) {
            Value<String> policy = a.strOrNull("policy");
            if (!policy.isUnknown()) parts.inline(POLICY, "policy", policy, declared(a, "policy"));
            else if (a.cfgState("policy") != Attrs.Cfg.NOT_SET) parts.inline(POLICY, "policy", policy, true);
        }
    }

    /** An inline block the configuration sets but whose content is only known after apply. */
    private static boolean unknownBlock(Attrs.Blocks b) {
        return b.state == Attrs.Blocks.State.UNKNOWN && !b.configUnset;
    }

    private static Value<List<ReplicationRule>> replicationRules(Attrs.Blocks rules, boolean inline) {
        if (rules.state == Attrs.Blocks.State.UNKNOWN) {
            return Value.unknown("replication rules are " + Attrs.AFTER_APPLY, rules.place);
        }
        List<ReplicationRule> out = new ArrayList<>();
        for (Attrs r : rules.items) {
            Attrs dest = r.first("destination");
            Value<Ref> key = inline ? dest.ref("replica_kms_key_id")
                    : dest.first("encryption_configuration").ref("replica_kms_key_id");
            Attrs kms = r.first("source_selection_criteria").first("sse_kms_encrypted_objects");
            Value<String> sseKms = inline ? kms.bool("enabled").map(on -> on ? "Enabled" : "Disabled")
                    : kms.strOrNull("status");
            if (Attrs.absent(sseKms)) sseKms = Value.explicit(null, r.place);
            Value<String> deleteMarkers = inline ? r.strOrNull("delete_marker_replication_status")
                    : r.first("delete_marker_replication").strOrNull("status");
            if (Attrs.absent(deleteMarkers)) deleteMarkers = Value.explicit(null, r.place);
            out.add(new ReplicationRule(r.strOrNull("status"), dest.ref("bucket"), dest.strOrNull("storage_class"), key,
                    deleteMarkers, filter(r), sseKms));
        }
        return Value.explicit(List.copyOf(out), rules.place);
    }

    /**
     * The objects a rule selects: the {@code filter} block's prefix ({@code ""} = every object), tags or an
     * {@code and} of both as text, else the deprecated rule-level {@code prefix}; null when neither is set.
     */
    private static Value<String> filter(Attrs rule) {
        Attrs.Blocks filters = rule.blocks("filter");
        if (filters.state == Attrs.Blocks.State.UNKNOWN && !filters.configUnset) {
            return Value.unknown("the rule's filter is " + Attrs.AFTER_APPLY, filters.place);
        }
        if (!filters.items.isEmpty()) {
            Attrs f = filters.items.get(0);
            Attrs and = f.first("and");
            Value<String> prefix = f.strOrNull("prefix");
            if (prefix.isUnknown()) return prefix;
            StringBuilder text = new StringBuilder(prefix.isPresent() ? prefix.get() : "");
            Value<String> andPrefix = and.strOrNull("prefix");
            if (andPrefix.isUnknown()) return andPrefix;
            if (andPrefix.isPresent()) text.append(andPrefix.get());
            List<String> tags = new ArrayList<>();
            for (Attrs t : f.blocks("tag").items) tags.add(t.text("key") + "=" + t.text("value"));
            Value<Map<String, String>> andTags = and.stringMap("tags");
            if (andTags.isUnknown()) return andTags.map(m -> null);
            if (andTags.isPresent()) andTags.get().forEach((k, v) -> tags.add(k + "=" + v));
            Value<Map<String, String>> inlineTags = f.stringMap("tags");
            if (inlineTags.isPresent()) inlineTags.get().forEach((k, v) -> tags.add(k + "=" + v));
            if (!tags.isEmpty()) text.append(text.length() > 0 ? " " : "").append("tags: ").append(String.join(", ", tags));
            return Value.explicit(text.toString(), f.place);
        }
        Value<String> prefix = rule.str("prefix");
        if (Attrs.absent(prefix)) return Value.explicit(null, rule.place);
        return prefix;
    }

    private static Value<List<LifecycleRule>> lifecycleRules(Attrs.Blocks rules, boolean inline) {
        if (rules.state == Attrs.Blocks.State.UNKNOWN) {
            return Value.unknown("lifecycle rules are " + Attrs.AFTER_APPLY, rules.place);
        }
        List<LifecycleRule> out = new ArrayList<>();
        for (Attrs r : rules.items) {
            Value<String> status = inline ? r.bool("enabled").map(on -> on ? "Enabled" : "Disabled") : r.strOrNull("status");
            Attrs.Blocks transitions = r.blocks("transition");
            Value<List<String>> classes;
            if (transitions.state == Attrs.Blocks.State.UNKNOWN && !transitions.configUnset) {
                classes = Value.unknown("transitions are " + Attrs.AFTER_APPLY, transitions.place);
            } else {
                List<String> sc = new ArrayList<>();
                Value<List<String>> bad = null;
                for (Attrs t : transitions.items) {
                    Value<String> c = t.strOrNull("storage_class");
                    if (c.isUnknown()) bad = Value.unknown(c.note(), c.provenance());
                    else if (c.isPresent()) sc.add(c.get());
                }
                classes = bad != null ? bad : Value.explicit(List.copyOf(sc), transitions.place);
            }
            Value<Integer> days = r.first("expiration").integer("days");
            Value<Integer> noncurrent = r.first("noncurrent_version_expiration").integer(inline ? "days" : "noncurrent_days");
            out.add(new LifecycleRule(status, classes, days, noncurrent));
        }
        return Value.explicit(List.copyOf(out), rules.place);
    }

    /** The account's Block Public Access settings; each flag defaults to false when the resource omits it. */
    static Resource accountBlock(PlanReader p, PlanReader.Res x) {
        AccountPublicAccessBlock b = p.common(new AccountPublicAccessBlock(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        b.accountId = a.strOrNull("account_id");
        b.blockPublicAcls = a.bool(PAB[0], Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG);
        b.blockPublicPolicy = a.bool(PAB[1], Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG);
        b.ignorePublicAcls = a.bool(PAB[2], Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG);
        b.restrictPublicBuckets = a.bool(PAB[3], Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG);
        return b;
    }

    /** Registers a split configuration resource to be folded into its bucket. */
    static Resource split(PlanReader p, PlanReader.Res x) {
        p.fold(x, "bucket", S3Bucket.class, new PlanReader.FoldAction<>() {
            @Override
            public void apply(S3Bucket b, PlanReader.Res r) {
                Parts parts = p.extra(b, Parts.class);
                if (parts != null) readSplit(r, parts);
            }

            @Override
            public void deleted(S3Bucket b, PlanReader.Res r) {
                Parts parts = p.extra(b, Parts.class);
                if (parts == null) return;
                Value<?> gone = Value.unknown(r.address + " is planned for deletion: what the bucket keeps is not known",
                        r.place);
                for (String setting : settingsOf(r.type)) parts.deleted.put(setting, new Part(r.address, gone, false));
            }
        });
        return null;
    }

    private static String[] settingsOf(String type) {
        return switch (type) {
            case "aws_s3_bucket_versioning" -> new String[] {VERSIONING, MFA_DELETE};
            case "aws_s3_bucket_server_side_encryption_configuration" -> new String[] {SSE_ALGORITHM, SSE_KEY, BUCKET_KEY};
            case "aws_s3_bucket_public_access_block" -> PAB;
            case "aws_s3_bucket_lifecycle_configuration" -> new String[] {LIFECYCLE};
            case "aws_s3_bucket_replication_configuration" -> new String[] {REPLICATION, REPLICATION_ROLE};
            case "aws_s3_bucket_logging" -> new String[] {LOGGING};
            case "aws_s3_bucket_policy" -> new String[] {POLICY};
            default -> new String[0];
        };
    }

    private static void readSplit(PlanReader.Res r, Parts parts) {
        Attrs a = r.attrs;
        String addr = r.address;
        switch (r.type) {
            case "aws_s3_bucket_versioning" -> {
                Attrs vc = a.first("versioning_configuration");
                parts.split(VERSIONING, addr, vc.strOrNull("status"));
                Value<String> mfa = vc.strOrNull("mfa_delete");
                if (mfa.isPresent() || mfa.isUnknown() && !Attrs.absent(mfa)) parts.split(MFA_DELETE, addr, mfa);
            }
            case "aws_s3_bucket_server_side_encryption_configuration" -> {
                Attrs.Blocks rules = a.blocks("rule");
                if (rules.state == Attrs.Blocks.State.UNKNOWN && !rules.configUnset) {
                    parts.split(SSE_ALGORITHM, addr, Value.unknown("encryption rules are " + Attrs.AFTER_APPLY, rules.place));
                    return;
                }
                Attrs rule = a.first("rule");
                Attrs def = rule.first("apply_server_side_encryption_by_default");
                parts.split(SSE_ALGORITHM, addr, def.strOrNull("sse_algorithm"));
                Value<Ref> key = def.ref("kms_master_key_id");
                parts.split(SSE_KEY, addr, Attrs.absent(key) ? Value.explicit(null, def.place) : key);
                Value<Boolean> bk = rule.bool("bucket_key_enabled");
                if (!Attrs.absent(bk)) parts.split(BUCKET_KEY, addr, bk);
            }
            case "aws_s3_bucket_public_access_block" -> {
                parts.publicAccessBlock = true;
                for (String flag : PAB) parts.split(flag, addr, a.bool(flag, Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG));
            }
            case "aws_s3_bucket_lifecycle_configuration" -> parts.split(LIFECYCLE, addr, lifecycleRules(a.blocks("rule"), false));
            case "aws_s3_bucket_replication_configuration" -> {
                parts.split(REPLICATION, addr, replicationRules(a.blocks("rule"), false));
                parts.split(REPLICATION_ROLE, addr, a.ref("role"));
            }
            case "aws_s3_bucket_logging" -> parts.split(LOGGING, addr, a.ref("target_bucket"));
            case "aws_s3_bucket_policy" -> parts.split(POLICY, addr, a.strOrNull("policy"));
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ merging

    @SuppressWarnings("unchecked")
    private static void finish(PlanReader p, S3Bucket b, PlanReader.Res x, Parts parts) {
        boolean creating = Mappings.creating(x);
        b.versioning = (Value<String>) merge(p, b, parts, VERSIONING,
                creating ? Value.defaulted(Defaults.S3_VERSIONING_NEVER_ENABLED, x.place)
                        : Value.unknown("no versioning configuration for this bucket in the plan", x.place));
        b.mfaDelete = (Value<String>) merge(p, b, parts, MFA_DELETE, Value.notInInput());
        b.sseAlgorithm = (Value<String>) merge(p, b, parts, SSE_ALGORITHM, Value.defaulted(Defaults.S3_DEFAULT_SSE, x.place));
        b.sseKmsKey = (Value<Ref>) merge(p, b, parts, SSE_KEY, Value.notInInput());
        b.bucketKeyEnabled = (Value<Boolean>) merge(p, b, parts, BUCKET_KEY, Value.notInInput());
        // S3 turns Block Public Access on for every new bucket (since April 2023); an existing bucket keeps its own.
        Value<Boolean> noPab = creating ? Value.defaulted(Defaults.CFN_S3_NEW_BUCKET_BLOCKS_PUBLIC_ACCESS, x.place)
                : Value.unknown("no aws_s3_bucket_public_access_block for this existing bucket in the plan: what it "
                + "has is not known", x.place);
        b.blockPublicAcls = (Value<Boolean>) merge(p, b, parts, PAB[0], noPab);
        b.blockPublicPolicy = (Value<Boolean>) merge(p, b, parts, PAB[1], noPab);
        b.ignorePublicAcls = (Value<Boolean>) merge(p, b, parts, PAB[2], noPab);
        b.restrictPublicBuckets = (Value<Boolean>) merge(p, b, parts, PAB[3], noPab);
        b.replicationRules = (Value<List<ReplicationRule>>) merge(p, b, parts, REPLICATION,
                absent(creating, Defaults.S3_NO_REPLICATION, "replication", x.place));
        b.replicationRole = (Value<Ref>) merge(p, b, parts, REPLICATION_ROLE,
                b.replicationRules.isPresent() && b.replicationRules.get().isEmpty()
                        ? Value.explicit(null, b.replicationRules.provenance()) : Value.notInInput());
        b.lifecycleRules = (Value<List<LifecycleRule>>) merge(p, b, parts, LIFECYCLE,
                absent(creating, Defaults.S3_NO_LIFECYCLE, "lifecycle", x.place));
        b.loggingTarget = (Value<Ref>) merge(p, b, parts, LOGGING,
                absent(creating, Defaults.S3_NO_LOGGING, "logging", x.place));
        b.policy = (Value<String>) merge(p, b, parts, POLICY, absent(creating, Defaults.S3_NO_POLICY, "policy", x.place));
    }

    private static <T> Value<T> absent(boolean creating, Default<T> def, String what, Provenance place) {
        return creating ? Value.defaulted(def, place)
                : Value.unknown("no " + what + " configuration for this bucket in the plan", place);
    }

    private static Value<?> merge(PlanReader p, S3Bucket b, Parts parts, String setting, Value<?> otherwise) {
        List<Part> sources = new ArrayList<>(2);
        Part inline = parts.declared.get(setting);
        if (inline != null) sources.add(inline);
        List<Part> split = parts.split.get(setting);
        if (split != null) sources.addAll(split);
        if (sources.isEmpty()) {
            Part deleted = parts.deleted.get(setting);
            if (deleted != null) return deleted.value();
            Part computed = parts.computed.get(setting);
            return computed != null ? computed.value() : otherwise;
        }
        if (sources.size() == 1) return sources.get(0).value();
        Part first = sources.get(0);
        boolean agree = true;
        for (Part s : sources) {
            if (!s.value().isKnown() || !first.value().isKnown() || !Objects.equals(s.value().get(), first.value().get())) {
                agree = false;
                break;
            }
        }
        StringBuilder who = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            if (i > 0) who.append(i == sources.size() - 1 ? " and " : ", ");
            who.append(sources.get(i).source());
        }
        Part anchor = split != null ? split.get(0) : first;
        if (agree) {
            p.diagnostics.add(Diagnostic.info(b.address() + ": " + who + " both set " + setting + " (they agree; the "
                    + "provider warns that configuring both may cause inconsistencies)", anchor.value().provenance()));
            return first.value();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            if (i > 0) values.append(" vs ");
            values.append(Attrs.clip(sources.get(i).value().display()));
        }
        boolean allKnown = true;
        for (Part s : sources) allKnown &= s.value().isKnown();
        String why = allKnown ? who + " disagree on " + setting + ": " + values
                : who + " both set " + setting + " and not every value is known: " + values;
        p.diagnostics.add(Diagnostic.warning(b.address() + ": " + why + " (the provider defines no winner)",
                anchor.value().provenance()));
        return Value.unknown(why, anchor.value().provenance());
    }
}
