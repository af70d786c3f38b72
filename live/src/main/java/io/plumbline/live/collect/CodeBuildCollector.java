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
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;

/**
 * CodeBuild projects, kept for the buckets their artifacts go to: an {@code S3} artifact location (main or secondary)
 * is an artifacts bucket (rule catalog §0.7), as {@code aws_codebuild_project.artifacts} / {@code secondary_artifacts}
 * and {@code Artifacts} / {@code SecondaryArtifacts} make it in a plan or template. {@code CODEPIPELINE} artifacts go
 * to the pipeline's store (found by {@link CodePipelineCollector}), {@code NO_ARTIFACTS} nowhere. ListProjects, then
 * BatchGetProjects by at most 100 names (its limit).
 */
public final class CodeBuildCollector implements Collector {

    public static final String LIST_PROJECTS = "codebuild:ListProjects";
    public static final String BATCH_GET_PROJECTS = "codebuild:BatchGetProjects";
    private static final int BATCH = 100;

    @Override
    public String service() {
        return "codebuild";
    }

    @Override
    public Set<Kind> kinds() {
        return Set.of(Kind.BUCKET_WRITER);
    }

    @Override
    public void collect(Clients clients, CollectContext ctx) {
        try (CodeBuildClient client = clients.build(CodeBuildClient.builder(), ctx.region())) {
            ctx.collect(Kind.BUCKET_WRITER, "CodeBuild projects", LIST_PROJECTS, () -> projects(client, ctx));
        }
    }

    static List<BucketWriter> projects(CodeBuildClient client, CollectContext ctx) {
        List<String> names = new ArrayList<>();
        for (var page : client.listProjectsPaginator(b -> { })) names.addAll(page.projects());
        List<BucketWriter> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += BATCH) {
            List<String> chunk = names.subList(i, Math.min(names.size(), i + BATCH));
            for (Project project : client.batchGetProjects(b -> b.names(chunk)).projects()) {
                String arn = project.arn() != null ? project.arn() : ctx.arn("codebuild", null, "project/"
                        + project.name());
                Provenance p = ctx.at(arn, BATCH_GET_PROJECTS);
                BucketWriter w = Writers.writer(arn, "codebuild:Project", project.name(), "artifacts",
                        "CodeBuild build artifacts", p, ctx);
                Set<String> buckets = new LinkedHashSet<>();
                add(project.artifacts(), buckets);
                if (project.hasSecondaryArtifacts()) project.secondaryArtifacts().forEach(a -> add(a, buckets));
                w.buckets = Value.explicit(buckets.stream().map(Ref::new).toList(), p);
                out.add(w);
            }
        }
        return out;
    }

    private static void add(ProjectArtifacts a, Set<String> into) {
        if (a == null || a.type() != ArtifactsType.S3) return;
        if (a.location() != null && !a.location().isBlank()) into.add(a.location());
    }
}
