package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.ops.EcrRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * ECR repositories: scan on push, tag mutability, encryption type and key, tags; and the registry's replication
 * configuration ({@code DescribeRegistry}). Same strings as the plan and template
 * sources ({@code MUTABLE}/{@code IMMUTABLE}, {@code AES256}/{@code KMS}/{@code KMS_DSSE}); an {@code AES256}
 * repository has no key (explicit null).
 */
public final class EcrCollector implements Collector {

    public static final String DESCRIBE_REPOSITORIES = "ecr:DescribeRepositories";
    public static final String LIST_TAGS_FOR_RESOURCE = "ecr:ListTagsForResource";
    public static final String DESCRIBE_REGISTRY = "ecr:DescribeRegistry";

    private EcrClient ecr;
    private CollectContext ctx;

    @Override
    public String service() {
        return "ecr";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.ECR_REPOSITORY, Kind.ECR_REPLICATION_CONFIGURATION);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (EcrClient client = clients.build(EcrClient.builder(), ctx.region())) {
            this.ecr = client;
            ctx.collect(Kind.ECR_REPOSITORY, "ECR repositories", DESCRIBE_REPOSITORIES, this::repositories);
            ctx.collect(Kind.ECR_REPLICATION_CONFIGURATION, "the ECR registry's replication configuration",
                    DESCRIBE_REGISTRY, this::registry);
        }
    }

    /**
     * The registry's replication configuration ({@code DescribeRegistry}): one resource per account and region, named
     * by the registry id; no configuration means no rules (explicit empty list), which is what the API returns for a
     * registry that was never configured.
     */
    public List<EcrReplicationConfiguration> registry() {
        var answer = ecr.describeRegistry(b -> { });
        String address = ctx.arn("ecr", answer.registryId(), "registry/" + answer.registryId()) + "/replication";
        Provenance p = ctx.at(address, DESCRIBE_REGISTRY);
        EcrReplicationConfiguration c = new EcrReplicationConfiguration(address, "ecr:ReplicationConfiguration", p);
        c.awsId = v(answer.registryId(), p);
        c.region = v(ctx.region(), p);
        List<EcrReplicationConfiguration.Rule> rules = new ArrayList<>();
        var cfg = answer.replicationConfiguration();
        if (cfg != null) {
            for (var rule : cfg.rules()) {
                List<EcrReplicationConfiguration.Destination> dests = new ArrayList<>();
                for (var d : rule.destinations()) {
                    dests.add(new EcrReplicationConfiguration.Destination(v(d.region(), p), v(d.registryId(), p)));
                }
                List<String> filters = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (var f : rule.repositoryFilters()) {
                    filters.add(f.filter());
                    types.add(f.filterTypeAsString());
                }
                rules.add(new EcrReplicationConfiguration.Rule(v(List.copyOf(dests), p), v(List.copyOf(filters), p),
                        v(List.copyOf(types), p)));
            }
        }
        c.rules = v(List.copyOf(rules), p);
        return List.of(c);
    }

    public List<EcrRepository> repositories() {
        List<EcrRepository> out = new ArrayList<>();
        for (var page : ecr.describeRepositoriesPaginator(b -> { })) {
            for (Repository x : page.repositories()) out.add(repository(x));
        }
        return out;
    }

    private EcrRepository repository(Repository x) {
        String arn = x.repositoryArn() != null ? x.repositoryArn()
                : ctx.arn("ecr", x.registryId(), "repository/" + x.repositoryName());
        Provenance p = ctx.at(arn, DESCRIBE_REPOSITORIES);
        EcrRepository r = new EcrRepository(arn, "ecr:Repository", p);
        r.awsId = v(x.repositoryName(), p);
        r.name = v(x.repositoryName(), p);
        r.region = v(ctx.region(), p);
        r.addAlias(arn);
        r.addAlias(x.repositoryName());
        r.addAlias(x.repositoryUri());
        // Absent scanning configuration: scan on push is off (the API default).
        r.scanOnPush = v(x.imageScanningConfiguration() != null
                && Boolean.TRUE.equals(x.imageScanningConfiguration().scanOnPush()), p);
        r.tagMutability = v(x.imageTagMutabilityAsString(), p);
        var enc = x.encryptionConfiguration();
        String type = enc == null ? "AES256" : enc.encryptionTypeAsString();
        r.encryptionType = v(type, p);
        String key = enc == null ? null : enc.kmsKey();
        r.kmsKey = v(key == null || key.isBlank() ? null : new Ref(key), p);
        r.tags = ctx.read(LIST_TAGS_FOR_RESOURCE, ctx.at(arn, LIST_TAGS_FOR_RESOURCE), () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            ecr.listTagsForResource(b -> b.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        });
        return r;
    }
}
