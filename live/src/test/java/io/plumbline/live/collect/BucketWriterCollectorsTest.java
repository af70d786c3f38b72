package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Engine;
import io.plumbline.live.AuditListener;
import io.plumbline.live.AuditOptions;
import io.plumbline.live.AuditTarget;
import io.plumbline.live.Clients;
import io.plumbline.live.DenyingProxy;
import io.plumbline.live.LiveAudit;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedEdge;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.storage.BucketWriter;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.profile.Profile;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rules.backups.ProtectedBucketsVersioned;
import io.plumbline.rules.support.BucketRoles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionCategory;
import software.amazon.awssdk.services.codepipeline.model.ActionOwner;
import software.amazon.awssdk.services.codepipeline.model.ArtifactStoreType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Live audits infer bucket roles from what the API returns, as plans and templates do (docs/inference.md): a
 * CloudTrail trail's bucket is a logs bucket, a pipeline's artifact store and a build project's S3 artifacts are
 * artifacts buckets. Against moto: the collectors name the buckets, and an audit under a profile that narrows the
 * baseline bucket rules to those roles judges exactly those buckets (BAK-005), saying how each role was decided.
 */
@ExtendWith(MotoServer.class)
class BucketWriterCollectorsTest {
    private static final String REGION = MotoServer.REGION;
    private static final String TRAIL_BUCKET = "acme-trail-logs";
    private static final String STORE_BUCKET = "acme-pipeline-artifacts";
    private static final String BUILD_BUCKET = "acme-build-output";
    private static final String OTHER_BUCKET = "acme-uploads";

    MotoServer moto;

    /**
     * moto 5.2.5 answers CodePipeline's {@code created}/{@code updated} as ISO-8601 strings where the AWS JSON protocol
     * sends epoch seconds; the Java SDK refuses them (the same moto bug class as getmoto/moto#9713, "Expected Timestamp
     * to be a JSON Number, got string instead": Python's SDK accepts any date form, stricter SDKs do not). This proxy
     * forwards CodePipeline calls to moto and gives those two fields as AWS does; everything else passes unchanged.
     */
    private static DenyingProxy epochTimestamps(MotoServer moto) throws java.io.IOException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.regex.Pattern iso = java.util.regex.Pattern.compile(
                "\"(created|updated)\"\\s*:\\s*\"([0-9T:.+-]+Z?)\"");
        return DenyingProxy.answering(moto.endpoint(), (method, path, headers, body) -> {
            String target = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("x-amz-target"))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
            if (!target.startsWith("CodePipeline_")) return null;
            try {
                var request = java.net.http.HttpRequest.newBuilder(moto.endpoint().resolve(path))
                        .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                        .header("Authorization", headers.entrySet().stream().filter(e -> e.getKey()
                                .equalsIgnoreCase("authorization")).flatMap(e -> e.getValue().stream()).findFirst()
                                .orElse(""))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
                var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                java.util.regex.Matcher m = iso.matcher(response.body());
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    double epoch = java.time.OffsetDateTime.parse(m.group(2).endsWith("Z") || m.group(2).contains("+")
                            ? m.group(2) : m.group(2) + "Z").toInstant().toEpochMilli() / 1000.0;
                    m.appendReplacement(out, "\"" + m.group(1) + "\":" + epoch);
                }
                m.appendTail(out);
                return new DenyingProxy.Reply(response.statusCode(), "application/x-amz-json-1.1",
                        out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private void seed() {
        try (S3Client s3 = SeedEdge.client(moto, S3Client.builder().forcePathStyle(true), REGION)) {
            for (String b : List.of(TRAIL_BUCKET, STORE_BUCKET, BUILD_BUCKET, OTHER_BUCKET)) {
                s3.createBucket(r -> r.bucket(b).createBucketConfiguration(c -> c.locationConstraint(REGION)));
            }
            s3.putBucketVersioning(r -> r.bucket(STORE_BUCKET).versioningConfiguration(v -> v.status("Enabled")));
        }
        try (CloudTrailClient trails = SeedEdge.client(moto, CloudTrailClient.builder(), REGION)) {
            trails.createTrail(b -> b.name("management-events").s3BucketName(TRAIL_BUCKET).s3KeyPrefix("trail"));
        }
        String role;
        try (IamClient iam = SeedEdge.client(moto, IamClient.builder(), SeedEdge.GLOBAL)) {
            role = iam.createRole(b -> b.roleName("pipeline").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                     "Principal":{"Service":"codepipeline.amazonaws.com"}}]}""")).role().arn();
        }
        try (CodePipelineClient cp = SeedEdge.client(moto, CodePipelineClient.builder(), REGION)) {
            cp.createPipeline(b -> b.pipeline(p -> p.name("release").roleArn(role)
                    .artifactStore(s -> s.type(ArtifactStoreType.S3).location(STORE_BUCKET))
                    .stages(s -> s.name("Source").actions(a -> a.name("src").actionTypeId(t -> t
                                    .category(ActionCategory.SOURCE).owner(ActionOwner.AWS).provider("S3").version("1"))
                                    .configuration(Map.of("S3Bucket", OTHER_BUCKET, "S3ObjectKey", "src.zip"))
                                    .outputArtifacts(o -> o.name("src"))),
                            s -> s.name("Build").actions(a -> a.name("build").actionTypeId(t -> t
                                    .category(ActionCategory.BUILD).owner(ActionOwner.AWS).provider("CodeBuild")
                                    .version("1")).configuration(Map.of("ProjectName", "in-pipeline"))
                                    .inputArtifacts(i -> i.name("src"))))));
        }
        String buildRole = "arn:aws:iam::" + SeedEdge.ACCOUNT + ":role/build";
        try (CodeBuildClient cb = SeedEdge.client(moto, CodeBuildClient.builder(), REGION)) {
            cb.createProject(b -> b.name("nightly").serviceRole(buildRole)
                    .source(s -> s.type(SourceType.S3).location(OTHER_BUCKET + "/src.zip"))
                    .artifacts(a -> a.type(ArtifactsType.S3).location(BUILD_BUCKET))
                    .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).computeType(ComputeType.BUILD_GENERAL1_SMALL)
                            .image("aws/codebuild/standard:7.0")));
            // Its artifacts go to the pipeline's store, not to a bucket of its own.
            cb.createProject(b -> b.name("in-pipeline").serviceRole(buildRole)
                    .source(s -> s.type(SourceType.CODEPIPELINE).location("pipeline"))
                    .artifacts(a -> a.type(ArtifactsType.CODEPIPELINE).location("pipeline"))
                    .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).computeType(ComputeType.BUILD_GENERAL1_SMALL)
                            .image("aws/codebuild/standard:7.0")));
        }
    }

    private static Map<String, List<Ref>> buckets(List<Resource> got) {
        Map<String, List<Ref>> out = new TreeMap<>();
        for (Resource r : got) {
            BucketWriter w = (BucketWriter) r;
            assertEquals(r.sourceType().startsWith("cloudtrail") ? "logs" : "artifacts", w.writes.get(), r::address);
            out.put(w.name.get(), w.buckets.get());
        }
        return out;
    }

    private static AuditOptions proxied(DenyingProxy proxy) {
        return new AuditOptions(proxy.endpoint(), List.of(REGION), MotoServer.CREDENTIALS,
                java.time.Duration.ofSeconds(30), software.amazon.awssdk.core.retry.RetryMode.STANDARD);
    }

    @Test
    void trailsPipelinesAndBuildProjectsNameTheBucketsTheyWriteInto() throws Exception {
        seed();
        List<Resource> trails = SeedEdge.collectCleanly(moto, new CloudTrailCollector(), REGION).resources();
        assertEquals(Map.of("management-events", List.of(new Ref(TRAIL_BUCKET))), buckets(trails));
        assertTrue(trails.get(0).address().startsWith("arn:aws:cloudtrail:" + REGION + ":"), trails.get(0)::address);
        assertEquals(CloudTrailCollector.DESCRIBE_TRAILS, ((BucketWriter) trails.get(0)).buckets.provenance()
                .operation());

        List<Resource> pipelines;
        try (DenyingProxy proxy = epochTimestamps(moto)) {
            var ctx = new CollectContext(SeedEdge.ACCOUNT, REGION);
            new CodePipelineCollector().collect(new Clients(proxied(proxy)), ctx);
            assertEquals(List.of(), ctx.notCollected());
            pipelines = ctx.resources();
        }
        assertEquals(Map.of("release", List.of(new Ref(STORE_BUCKET))), buckets(pipelines));
        assertEquals(CodePipelineCollector.GET_PIPELINE, ((BucketWriter) pipelines.get(0)).buckets.provenance()
                .operation());

        List<Resource> builds = SeedEdge.collectCleanly(moto, new CodeBuildCollector(), REGION).resources();
        assertEquals(Map.of("nightly", List.of(new Ref(BUILD_BUCKET)), "in-pipeline", List.of()), buckets(builds));
    }

    /** A trail is collected in its home region only: another region's audit does not repeat it. */
    @Test
    void aTrailIsCollectedOnceInItsHomeRegion() {
        seed();
        assertTrue(SeedEdge.collectCleanly(moto, new CloudTrailCollector(), "us-west-2").resources().isEmpty());
    }

    @Test
    void anAuditInfersTheRolesAndTheNarrowedBaselineJudgesThoseBuckets() throws Exception {
        seed();
        Model m;
        try (DenyingProxy proxy = epochTimestamps(moto)) {
            LiveAudit.Collection c = LiveAudit.run(proxied(proxy), List.of(AuditTarget.caller()), AuditListener.NONE);
            assertTrue(c.notCollected().stream().noneMatch(n -> n.kind() == io.plumbline.model.Kind.BUCKET_WRITER),
                    () -> "" + c.notCollected());
            m = c.model();
        }
        Profile ref = ReferenceArchitecture.profile();
        Profile.Roles r = ref.roles();
        Profile narrowed = new Profile(ref.name(), ref.minimumAvailabilityZones(), ref.primaryRegion(),
                ref.secondaryRegion(), ref.aurora(), ref.cache(), ref.network(), new Profile.Roles(r.bucketRoleTag(),
                List.of("logs"), r.bucketNamePatterns(), r.criticalityLabel(), List.of("logs", "artifacts")),
                ref.allowedFlows());
        BucketRoles roles = BucketRoles.in(m, narrowed.roles());
        Map<String, String> byName = new TreeMap<>();
        for (S3Bucket b : m.all(S3Bucket.class)) byName.put(b.name.get(), roles.of(b).describe());
        assertTrue(byName.get(TRAIL_BUCKET).startsWith("logs bucket (logs: target of the CloudTrail log files of "
                + "arn:aws:cloudtrail:"), byName::toString);
        assertTrue(byName.get(STORE_BUCKET).startsWith("artifacts bucket (artifacts: target of the CodePipeline "
                + "artifacts of arn:aws:codepipeline:"), byName::toString);
        assertTrue(byName.get(BUILD_BUCKET).startsWith("artifacts bucket (artifacts: target of the CodeBuild build "
                + "artifacts of arn:aws:codebuild:"), byName::toString);
        assertTrue(byName.get(OTHER_BUCKET).startsWith("general bucket"), byName::toString);

        Map<String, String> verdicts = new TreeMap<>();
        for (Finding f : Engine.evaluate(m, narrowed, List.of(new ProtectedBucketsVersioned())).findings()) {
            String name = m.byAddress(f.resource()).map(x -> x.name.get()).orElse(f.resource());
            verdicts.put(name, f.status().name());
        }
        assertEquals(Map.of(TRAIL_BUCKET, "FAIL", STORE_BUCKET, "PASS", BUILD_BUCKET, "FAIL",
                OTHER_BUCKET, "NOT_APPLICABLE"), verdicts);
    }
}
