package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.security.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * Secrets Manager secrets: key, rotation and replica regions. Only metadata is read ({@code ListSecrets} and
 * {@code DescribeSecret}); secret values are never requested ({@code GetSecretValue} / {@code BatchGetSecretValue}
 * are not called, and the read-only interceptor would let them through, so this class must not).
 *
 * <p>{@code kmsKey}: absent means the AWS-managed {@code aws/secretsmanager} key (explicit null, as the plan source has
 * it). {@code rotationDays}: {@code AutomaticallyAfterDays}, else the days of a {@code rate(N days)} schedule; a cron
 * schedule has no fixed number of days (unknown). Replica regions come from {@code DescribeSecret}'s
 * {@code ReplicationStatus}, which {@code ListSecrets} does not return, with each replica's status ({@code InSync},
 * {@code InProgress}, {@code Failed}); {@code PrimaryRegion} marks a replica secret and {@code OwningService} a secret
 * another service manages ({@code rds}).
 */
public final class SecretsManagerCollector implements Collector {

    public static final String LIST_SECRETS = "secretsmanager:ListSecrets";
    public static final String DESCRIBE_SECRET = "secretsmanager:DescribeSecret";

    private static final Pattern RATE = Pattern.compile("^\\s*rate\\(\\s*(\\d+)\\s+days?\\s*\\)\\s*$");

    private SecretsManagerClient sm;
    private CollectContext ctx;

    @Override
    public String service() {
        return "secretsmanager";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.SECRET);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (SecretsManagerClient client = clients.build(SecretsManagerClient.builder(), ctx.region())) {
            this.sm = client;
            ctx.collect(Kind.SECRET, "Secrets Manager secrets", LIST_SECRETS, this::secrets);
        }
    }

    public List<Secret> secrets() {
        List<Secret> out = new ArrayList<>();
        for (var page : sm.listSecretsPaginator(b -> { })) {
            for (SecretListEntry x : page.secretList()) out.add(secret(x));
        }
        return out;
    }

    private Secret secret(SecretListEntry x) {
        String arn = x.arn();
        Provenance p = ctx.at(arn, LIST_SECRETS);
        Secret r = new Secret(arn, "secretsmanager:Secret", p);
        r.awsId = v(arn, p);
        r.name = v(x.name(), p);
        r.region = v(ctx.region(), p);
        Map<String, String> tags = new LinkedHashMap<>();
        x.tags().forEach(t -> tags.put(t.key(), t.value()));
        r.tags = v(tags, p);
        r.addAlias(arn);
        r.addAlias(x.name());
        r.kmsKey = v(x.kmsKeyId() == null || x.kmsKeyId().isBlank() ? null : new Ref(x.kmsKeyId()), p);
        boolean rotating = Boolean.TRUE.equals(x.rotationEnabled()); // omitted when rotation was never set up
        r.rotationEnabled = v(rotating, p);
        r.rotationDays = rotating ? rotationDays(x.rotationRules(), p) : v(null, p);
        r.primaryRegion = v(x.primaryRegion() == null || x.primaryRegion().isBlank() ? null : x.primaryRegion(), p);
        r.owningService = v(x.owningService() == null || x.owningService().isBlank() ? null : x.owningService(), p);
        Value<List<ReplicationStatusType>> replication = ctx.read(DESCRIBE_SECRET, ctx.at(arn, DESCRIBE_SECRET),
                () -> sm.describeSecret(b -> b.secretId(arn)).replicationStatus());
        r.replicaRegions = replication.map(list -> list.stream().map(ReplicationStatusType::region).toList());
        r.replicaStatus = replication.map(list -> {
            Map<String, String> status = new LinkedHashMap<>();
            for (ReplicationStatusType s : list) status.put(s.region(), s.statusAsString());
            return status;
        });
        return r;
    }

    static Value<Integer> rotationDays(RotationRulesType rules, Provenance p) {
        if (rules == null) return v(null, p);
        if (rules.automaticallyAfterDays() != null) return v(Math.toIntExact(rules.automaticallyAfterDays()), p);
        String schedule = rules.scheduleExpression();
        if (schedule == null) return v(null, p);
        Matcher m = RATE.matcher(schedule);
        if (m.matches()) return v(Integer.parseInt(m.group(1)), p);
        return Value.unknown("rotation follows the schedule " + schedule + ", which has no fixed number of days", p);
    }
}
