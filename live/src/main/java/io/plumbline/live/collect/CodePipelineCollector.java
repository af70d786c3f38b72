package io.plumbline.live.collect;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.storage.BucketWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ArtifactStore;
import software.amazon.awssdk.services.codepipeline.model.ArtifactStoreType;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;

/**
 * CodePipeline pipelines, kept for their S3 artifact stores: such a bucket is an artifacts bucket (rule catalog §0.7),
 * as {@code aws_codepipeline.artifact_store[].location} and {@code ArtifactStore(s)} make it in a plan or template.
 * ListPipelines, then GetPipeline per pipeline (the list holds no artifact store). A pipeline's stores may be one
 * ({@code artifactStore}) or one per region of a cross-region pipeline ({@code artifactStores}); all are kept. If one
 * GetPipeline fails, no pipeline is kept: a missing pipeline could have been the only use of a bucket.
 */
public final class CodePipelineCollector implements Collector {

    public static final String LIST_PIPELINES = "codepipeline:ListPipelines";
    public static final String GET_PIPELINE = "codepipeline:GetPipeline";

    @Override
    public String service() {
        return "codepipeline";
    }

    @Override
    public Set<Kind> kinds() {
        return Set.of(Kind.BUCKET_WRITER);
    }

    @Override
    public void collect(Clients clients, CollectContext ctx) {
        try (CodePipelineClient client = clients.build(CodePipelineClient.builder(), ctx.region())) {
            ctx.collect(Kind.BUCKET_WRITER, "CodePipeline pipelines", LIST_PIPELINES, () -> pipelines(client, ctx));
        }
    }

    static List<BucketWriter> pipelines(CodePipelineClient client, CollectContext ctx) {
        List<String> names = new ArrayList<>();
        for (var page : client.listPipelinesPaginator(b -> { })) page.pipelines().forEach(s -> names.add(s.name()));
        List<BucketWriter> out = new ArrayList<>();
        for (String name : names) {
            GetPipelineResponse got = client.getPipeline(b -> b.name(name));
            PipelineDeclaration d = got.pipeline();
            String arn = got.metadata() != null && got.metadata().pipelineArn() != null ? got.metadata().pipelineArn()
                    : ctx.arn("codepipeline", null, name);
            Provenance p = ctx.at(arn, GET_PIPELINE);
            BucketWriter w = Writers.writer(arn, "codepipeline:Pipeline", name, "artifacts", "CodePipeline artifacts",
                    p, ctx);
            Set<String> buckets = new LinkedHashSet<>();
            add(d.artifactStore(), buckets);
            if (d.hasArtifactStores()) d.artifactStores().values().forEach(s -> add(s, buckets));
            w.buckets = Value.explicit(buckets.stream().map(Ref::new).toList(), p);
            out.add(w);
        }
        return out;
    }

    private static void add(ArtifactStore store, Set<String> into) {
        if (store == null || store.type() != ArtifactStoreType.S3) return;
        if (store.location() != null && !store.location().isBlank()) into.add(store.location());
    }
}
