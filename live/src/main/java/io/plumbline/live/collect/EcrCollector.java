package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.ops.EcrRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * ECR repositories: scan on push, tag mutability, encryption type and key, tags. Same strings as the plan and template
 * sources ({@code MUTABLE}/{@code IMMUTABLE}, {@code AES256}/{@code KMS}/{@code KMS_DSSE}); an {@code AES256}
 * repository has no key (explicit null).
 */
public final class EcrCollector implements Collector {

    public static final String DESCRIBE_REPOSITORIES = "ecr:DescribeRepositories";
    public static final String LIST_TAGS_FOR_RESOURCE = "ecr:ListTagsForResource";

    private EcrClient ecr;
    private CollectContext ctx;

    @Override
    public String service() {
        return "ecr";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.ECR_REPOSITORY);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (EcrClient client = clients.build(EcrClient.builder(), ctx.region())) {
            this.ecr = client;
            ctx.collect(Kind.ECR_REPOSITORY, "ECR repositories", DESCRIBE_REPOSITORIES, this::repositories);
        }
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
