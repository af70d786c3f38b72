package io.plumbline.live;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.SeedConfig.Bucket;
import io.plumbline.live.SeedConfig.Key;
import io.plumbline.live.collect.CollectContext;
import io.plumbline.live.collect.Collector;
import io.plumbline.live.collect.ConfigItems;
import io.plumbline.live.collect.ConfigSelect;
import io.plumbline.live.collect.KmsCollector;
import io.plumbline.live.collect.S3Collector;
import io.plumbline.model.Certainty;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * {@code --use-config}: S3 bucket and KMS key settings from AWS Config advanced queries. moto serves the recorder calls
 * (DescribeConfigurationRecorders/Status) but not SelectResourceConfig over HTTP, so {@link ConfigStub} answers that
 * one operation behind a loopback proxy with HAND-WRITTEN configuration items ({@link SeedConfig}) describing the
 * buckets and keys the test seeded into moto; every other call reaches moto.
 */
@ExtendWith(MotoServer.class)
class ConfigAcceleratorTest {

    static final String REGION = MotoServer.REGION;
    static final String ACCOUNT = SeedData.ACCOUNT;
    static final String SELECT = ConfigSelect.SELECT_RESOURCE_CONFIG;

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    /** One account × region task of the given collectors, counting calls. */
    record Run(Model model, CallStats stats, CollectContext ctx) {
        long calls(String servicePrefix) {
            return stats.byOperation().entrySet().stream()
                    .filter(e -> e.getKey().toLowerCase().startsWith(servicePrefix.toLowerCase() + ":"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long calls(String servicePrefix, String operation) {
            return stats.byOperation().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(servicePrefix + ":" + operation))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        List<String> diagnostics() {
            return model.diagnostics().stream().map(Diagnostic::message).toList();
        }
    }

    static Run run(AuditOptions options, Collector... collectors) {
        CallStats stats = new CallStats();
        Clients clients = new Clients(options, options.credentials(), stats);
        CollectContext ctx = new CollectContext(ACCOUNT, REGION);
        for (Collector c : collectors) c.collect(clients, ctx);
        List<io.plumbline.model.Gap> gaps = new ArrayList<>();
        for (var n : ctx.notCollected()) {
            if (n.kind() != null) gaps.add(new io.plumbline.model.Gap(n.account(), n.region(), n.kind(), n.operation(),
                    n.reason()));
        }
        return new Run(new Model(List.copyOf(ctx.resources()), List.of(), List.copyOf(ctx.diagnostics()), gaps), stats,
                ctx);
    }

    static AuditOptions through(DenyingProxy proxy, boolean useConfig) {
        return new AuditOptions(proxy.endpoint(), List.of(REGION), MotoServer.CREDENTIALS, Duration.ofSeconds(30),
                RetryMode.ADAPTIVE_V2).withUseConfig(useConfig);
    }

    /** Every {@code Value} field of a resource (its own and {@link Resource}'s), by name. */
    static Map<String, Value<?>> values(Resource r) {
        Map<String, Value<?>> out = new TreeMap<>();
        for (Class<?> c = r.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() != Value.class || java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
                try {
                    f.setAccessible(true);
                    out.put(f.getName(), (Value<?>) f.get(r));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    static <R extends Resource> R one(Model m, Class<R> type, String address) {
        return m.all(type).stream().filter(x -> x.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + address + " in " + m.all(type)));
    }

    // ------------------------------------------------------------------ seeding

    private static void bucket(S3Client s3, String name, Map<String, String> tags) {
        s3.createBucket(b -> b.bucket(name).createBucketConfiguration(c -> c.locationConstraint(REGION)));
        if (!tags.isEmpty()) {
            s3.putBucketTagging(b -> b.bucket(name).tagging(t -> t.tagSet(tags.entrySet().stream()
                    .map(e -> software.amazon.awssdk.services.s3.model.Tag.builder().key(e.getKey())
                            .value(e.getValue()).build()).toList())));
        }
    }

    /** A fully configured state bucket, a logs bucket and a bare one; their hand-written CIs into {@code stub}. */
    private void seedBuckets(ConfigStub stub, String stateKey) {
        String role = "arn:aws:iam::" + ACCOUNT + ":role/replication";
        try (S3Client s3 = SeedData.s3(moto, REGION)) {
            bucket(s3, "acme-tfstate", Map.of("plumbline:role", "tfstate"));
            s3.putBucketVersioning(b -> b.bucket("acme-tfstate").versioningConfiguration(v -> v.status("Enabled")));
            s3.putBucketEncryption(b -> b.bucket("acme-tfstate").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                    .bucketKeyEnabled(true).applyServerSideEncryptionByDefault(d -> d
                            .sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(stateKey)))));
            s3.putPublicAccessBlock(b -> b.bucket("acme-tfstate").publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)));
            s3.putBucketReplication(b -> b.bucket("acme-tfstate").replicationConfiguration(c -> c.role(role)
                    .rules(r -> r.id("dr").status("Enabled").priority(1).filter(f -> f.prefix(""))
                            .deleteMarkerReplication(d -> d.status("Disabled"))
                            .destination(d -> d.bucket("arn:aws:s3:::acme-tfstate-dr").storageClass("STANDARD_IA")))));
            s3.putBucketLifecycleConfiguration(b -> b.bucket("acme-tfstate").lifecycleConfiguration(c -> c
                    .rules(r -> r.id("archive").status("Enabled").filter(f -> f.prefix("old/"))
                            .transitions(t -> t.days(90).storageClass(TransitionStorageClass.GLACIER))
                            .expiration(e -> e.days(365))
                            .noncurrentVersionExpiration(n -> n.noncurrentDays(30)))));
            bucket(s3, "acme-logs", Map.of("plumbline:role", "logs"));
            s3.putBucketAcl(b -> b.bucket("acme-logs").acl("log-delivery-write"));
            s3.putBucketLogging(b -> b.bucket("acme-tfstate").bucketLoggingStatus(l -> l.loggingEnabled(e -> e
                    .targetBucket("acme-logs").targetPrefix("logs/"))));
            s3.putBucketPolicy(b -> b.bucket("acme-tfstate").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                    + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":"
                    + "\"arn:aws:s3:::acme-tfstate/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":"
                    + "\"false\"}}}]}"));
            bucket(s3, "bare", Map.of());
        }
        stub.add(SeedConfig.s3Item(REGION, new Bucket("acme-tfstate", Map.of("plumbline:role", "tfstate"), "Enabled",
                null, "aws:kms", stateKey, true, true, "GLACIER", 365, 30, role, "acme-logs")));
        stub.add(SeedConfig.s3Item(REGION, new Bucket("acme-logs", Map.of("plumbline:role", "logs"), "Off", null,
                null, null, false, false, null, null, null, null, null)));
        stub.add(SeedConfig.s3Item(REGION, Bucket.bare("bare")));
    }

    /** A rotating and a non-rotating symmetric key, and an asymmetric signing key; their CIs into {@code stub}. */
    private List<String> seedKeys(ConfigStub stub) {
        String rotating = SeedData.key(moto, "state", true);
        String still = SeedData.key(moto, "plain", false);
        String signing;
        try (KmsClient kms = SeedData.kms(moto)) {
            signing = kms.createKey(b -> b.keySpec("RSA_2048").keyUsage("SIGN_VERIFY").multiRegion(false))
                    .keyMetadata().arn();
        }
        String[] id = {rotating.substring(rotating.indexOf('/') + 1), still.substring(still.indexOf('/') + 1),
            signing.substring(signing.indexOf('/') + 1)};
        stub.add(SeedConfig.kmsItem(REGION, new Key(id[0], rotating, "CUSTOMER", "Enabled", true, "ENCRYPT_DECRYPT",
                "SYMMETRIC_DEFAULT", "AWS_KMS", true, Map.of("team", "data"))));
        stub.add(SeedConfig.kmsItem(REGION, new Key(id[1], still, "CUSTOMER", "Enabled", true, "ENCRYPT_DECRYPT",
                "SYMMETRIC_DEFAULT", "AWS_KMS", false, Map.of("team", "data"))));
        stub.add(SeedConfig.kmsItem(REGION, new Key(id[2], signing, "CUSTOMER", "Enabled", true, "SIGN_VERIFY",
                "RSA_2048", "AWS_KMS", null, Map.of())));
        return List.of(rotating, still, signing);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void configGivesTheSameValuesAsTheDirectCallsFieldByField() throws Exception {
        SeedConfig.recorder(moto, true, List.of());
        ConfigStub stub = new ConfigStub();
        List<String> keys = seedKeys(stub);
        seedBuckets(stub, keys.get(0));
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
            Run direct = run(through(proxy, false), new KmsCollector(), new S3Collector());
            assertEquals(0, stub.calls(), "without --use-config Config is never asked");
            Run config = run(through(proxy, true), new KmsCollector(), new S3Collector());
            assertTrue(direct.diagnostics().isEmpty(), () -> "" + direct.diagnostics());
            assertTrue(config.diagnostics().isEmpty(), () -> "" + config.diagnostics());
            assertTrue(config.model().gaps().isEmpty(), () -> "" + config.model().gaps());
            assertEquals(2, stub.calls(), "one query per type: " + stub.expressions());
            assertTrue(stub.expressions().contains("SELECT " + String.join(", ", ConfigItems.S3_PROPERTIES)
                    + " WHERE resourceType = 'AWS::S3::Bucket' AND awsRegion = '" + REGION + "'"), () ->
                    "" + stub.expressions());

            // Buckets: every value equal in value and certainty; only the bucket policy differs (Config's queries
            // do not return it: UNKNOWN, never "no policy").
            for (String name : List.of("acme-tfstate", "acme-logs", "bare")) {
                String arn = "arn:aws:s3:::" + name;
                Map<String, Value<?>> d = values(one(direct.model(), S3Bucket.class, arn));
                Map<String, Value<?>> c = values(one(config.model(), S3Bucket.class, arn));
                for (String field : d.keySet()) {
                    if (field.equals("policy")) continue;
                    assertEquals(d.get(field), c.get(field), name + "." + field);
                    assertEquals(d.get(field).certainty(), c.get(field).certainty(), name + "." + field);
                }
                Value<?> policy = c.get("policy");
                assertEquals(Certainty.UNKNOWN, policy.certainty());
                assertEquals(ConfigItems.NO_BUCKET_POLICY, policy.note());
                assertEquals(SELECT, c.get("versioning").provenance().operation(), name);
                assertEquals(arn, c.get("versioning").provenance().arn());
                assertEquals(SELECT, c.get("sseAlgorithm").provenance().operation(), name);
                assertEquals(S3Collector.GET_BUCKET_VERSIONING, d.get("versioning").provenance().operation());
            }
            S3Bucket state = one(config.model(), S3Bucket.class, "arn:aws:s3:::acme-tfstate");
            assertEquals("Enabled", state.versioning.get());
            assertEquals("aws:kms", state.sseAlgorithm.get());
            assertEquals(true, state.blockPublicAcls.get());
            assertEquals(365, state.lifecycleRules.get().get(0).expirationDays().get());
            // replication rules are not queryable (only the role is): read directly, for this bucket only
            assertEquals(1, state.replicationRules.get().size());
            assertEquals(S3Collector.GET_REPLICATION_CONFIGURATION,
                    state.replicationRules.provenance().operation());
            assertEquals(1, config.calls("s3", "GetBucketReplication"));
            S3Bucket bare = one(config.model(), S3Bucket.class, "arn:aws:s3:::bare");
            assertEquals("Disabled", bare.versioning.get(), "Config's \"Off\" is the sources' Disabled");
            assertEquals(Certainty.DEFAULTED, bare.sseAlgorithm.certainty());
            assertEquals(List.of(), bare.replicationRules.get());
            assertEquals(SELECT, bare.replicationRules.provenance().operation());

            // Keys: equal except the policy, the multi-Region flag and a rotating key's period (not in Config).
            for (String arn : keys) {
                Map<String, Value<?>> d = values(one(direct.model(), KmsKey.class, arn));
                Map<String, Value<?>> c = values(one(config.model(), KmsKey.class, arn));
                for (String field : d.keySet()) {
                    if (Set.of("policy", "multiRegion").contains(field)) continue;
                    if (field.equals("rotationPeriodDays") && Boolean.TRUE.equals(c.get("rotationEnabled").get())) {
                        // AWS reports a rotating key's period (moto 5.2.5 reports none); Config records neither
                        assertEquals(ConfigItems.NO_ROTATION_PERIOD, c.get(field).note());
                        continue;
                    }
                    assertEquals(d.get(field), c.get(field), arn + " " + field);
                    assertEquals(d.get(field).certainty(), c.get(field).certainty(), arn + " " + field);
                }
                assertEquals(Certainty.UNKNOWN, c.get("multiRegion").certainty());
                assertEquals(SELECT, c.get("keyState").provenance().operation());
            }
            KmsKey rotating = one(config.model(), KmsKey.class, keys.get(0));
            assertEquals(true, rotating.rotationEnabled.get());
            assertEquals(ConfigItems.NO_KEY_POLICY, rotating.policy.note());
            assertEquals(Certainty.DEFAULTED, one(config.model(), KmsKey.class, keys.get(2)).rotationEnabled
                    .certainty(), "an RSA key cannot rotate: the same default as the direct path");
            assertEquals(0, config.calls("kms", "DescribeKey") + config.calls("kms", "GetKeyRotationStatus")
                    + config.calls("kms", "GetKeyPolicy") + config.calls("kms", "ListResourceTags"));

            // The same verdicts: ENC-011 on keys, BAK-005 on buckets.
            for (String rule : List.of("BAK-005", "ENC-011")) {
                Map<String, Status> a = verdicts(direct.model(), rule);
                Map<String, Status> b = verdicts(config.model(), rule);
                assertEquals(a, b, rule);
            }
        }
    }

    private static Map<String, Status> verdicts(Model m, String rule) {
        Map<String, Status> out = new LinkedHashMap<>();
        for (Finding f : SeedData.evaluate(m, rule)) out.put(f.resource(), f.status());
        return out;
    }

    @Test
    void withConfigTheCallsGrowWithPagesNotWithBuckets() throws Exception {
        SeedConfig.recorder(moto, true, List.of());
        Map<Integer, Run> runs = new LinkedHashMap<>();
        Map<Integer, Integer> pages = new LinkedHashMap<>();
        for (int n : List.of(5, 50)) {
            moto.reset();
            SeedConfig.recorder(moto, true, List.of());
            ConfigStub stub = new ConfigStub();
            try (S3Client s3 = SeedData.s3(moto, REGION)) {
                for (int i = 0; i < n; i++) {
                    String name = "bulk-" + i;
                    bucket(s3, name, Map.of());
                    stub.add(SeedConfig.s3Item(REGION, Bucket.bare(name)));
                }
            }
            try (KmsClient kms = SeedData.kms(moto)) {
                for (int i = 0; i < n; i++) {
                    var meta = kms.createKey(b -> b.keyUsage("ENCRYPT_DECRYPT").multiRegion(false)).keyMetadata();
                    stub.add(SeedConfig.kmsItem(REGION, new Key(meta.keyId(), meta.arn(), "CUSTOMER", "Enabled", true,
                            "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", "AWS_KMS", false, Map.of())));
                }
            }
            try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
                Run config = run(through(proxy, true), new KmsCollector(), new S3Collector());
                if (n == 5) {
                    // direct: one Get per setting and bucket (+ GetBucketLocation), four calls per key
                    Run direct = run(through(proxy, false), new KmsCollector(), new S3Collector());
                    assertTrue(direct.calls("s3") >= 9L * n, () -> "" + direct.stats().byOperation());
                    assertTrue(direct.calls("kms") >= 4L * n, () -> "" + direct.stats().byOperation());
                    System.out.printf("direct calls, %d buckets and %d keys: %s%n", n, n, direct.stats().byOperation());
                }
                assertEquals(n, config.model().all(S3Bucket.class).size());
                assertEquals(n, config.model().all(KmsKey.class).size());
                assertTrue(config.diagnostics().isEmpty(), () -> "" + config.diagnostics());
                runs.put(n, config);
                pages.put(n, stub.calls());
                System.out.printf("--use-config calls, %d buckets and %d keys: %s%n", n, n,
                        config.stats().byOperation());
            }
        }
        Run few = runs.get(5);
        Run many = runs.get(50);
        assertEquals(few.calls("s3"), many.calls("s3"), "S3 calls do not grow with buckets: "
                + few.stats().byOperation() + " vs " + many.stats().byOperation());
        assertEquals(few.calls("kms"), many.calls("kms"), "KMS calls do not grow with keys");
        assertEquals(1, many.calls("s3"), "ListBuckets only");
        assertEquals(2, many.calls("kms"), "ListKeys and ListAliases only");
        // 2 recorder calls per type, then the query pages: 1 page per type for 5 items, 3 (of at most 20) for 50
        assertEquals(4, few.calls("config") - pages.get(5));
        assertEquals(4, many.calls("config") - pages.get(50));
        assertEquals(2, pages.get(5));
        assertEquals(6, pages.get(50));
    }

    @Test
    void aRecorderThatIsNotRecordingMeansTheDirectCallsWithANote() throws Exception {
        SeedConfig.recorder(moto, false, List.of());
        ConfigStub stub = new ConfigStub();
        seedBuckets(stub, SeedData.key(moto, "state", true));
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
            Run r = run(through(proxy, true), new S3Collector());
            assertEquals(0, stub.calls(), "never queried when the recorder is off");
            S3Bucket b = one(r.model(), S3Bucket.class, "arn:aws:s3:::acme-tfstate");
            assertEquals(S3Collector.GET_BUCKET_VERSIONING, b.versioning.provenance().operation());
            assertTrue(b.policy.isPresent(), "read directly");
            assertTrue(r.model().gaps().isEmpty());
            assertTrue(r.model().diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.INFO
                    && d.message().contains("is not recording") && d.message().contains("read directly")),
                    () -> "" + r.diagnostics());
        }
    }

    @Test
    void noRecorderAtAllMeansTheDirectCalls() throws Exception {
        ConfigStub stub = new ConfigStub();
        seedBuckets(stub, SeedData.key(moto, "state", true));
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
            Run r = run(through(proxy, true), new S3Collector(), new KmsCollector());
            assertEquals(0, stub.calls());
            assertEquals(S3Collector.GET_BUCKET_VERSIONING, one(r.model(), S3Bucket.class, "arn:aws:s3:::bare")
                    .versioning.provenance().operation());
            assertEquals(2, r.diagnostics().stream().filter(m -> m.contains("no configuration recorder")).count(),
                    () -> "" + r.diagnostics());
        }
    }

    @Test
    void aRecorderThatDoesNotRecordS3MeansDirectCallsForS3Only() throws Exception {
        SeedConfig.recorder(moto, true, List.of("AWS::KMS::Key"));
        ConfigStub stub = new ConfigStub();
        List<String> keys = seedKeys(stub);
        seedBuckets(stub, keys.get(0));
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
            Run r = run(through(proxy, true), new KmsCollector(), new S3Collector());
            assertEquals(1, stub.calls(), "only the KMS query: " + stub.expressions());
            assertTrue(stub.expressions().get(0).contains("'AWS::KMS::Key'"));
            assertEquals(S3Collector.GET_BUCKET_VERSIONING, one(r.model(), S3Bucket.class,
                    "arn:aws:s3:::acme-tfstate").versioning.provenance().operation());
            assertEquals(SELECT, one(r.model(), KmsKey.class, keys.get(0)).keyState.provenance().operation());
            assertTrue(r.diagnostics().stream().anyMatch(m -> m.contains("does not record AWS::S3::Bucket")),
                    () -> "" + r.diagnostics());
        }
    }

    @Test
    void aDeniedQueryMeansTheDirectCallsWithAWarningNeverAGap() throws Exception {
        SeedConfig.recorder(moto, true, List.of());
        ConfigStub stub = new ConfigStub().deny();
        List<String> keys = seedKeys(stub);
        seedBuckets(stub, keys.get(0));
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
            Run direct = run(through(proxy, false), new KmsCollector(), new S3Collector());
            Run r = run(through(proxy, true), new KmsCollector(), new S3Collector());
            assertTrue(stub.calls() >= 2);
            assertTrue(r.model().gaps().isEmpty(), () -> "" + r.model().gaps());
            assertTrue(r.ctx().notCollected().isEmpty(), () -> "" + r.ctx().notCollected());
            List<Diagnostic> warnings = r.model().diagnostics().stream()
                    .filter(d -> d.level() == Diagnostic.Level.WARNING).toList();
            assertEquals(2, warnings.size(), () -> "" + warnings);
            assertTrue(warnings.get(0).message().contains("AccessDeniedException"), warnings.get(0).message());
            assertEquals(SELECT, warnings.get(0).location().operation());
            // the model is the direct one, value for value
            for (S3Bucket b : direct.model().all(S3Bucket.class)) {
                assertEquals(values(b), values(one(r.model(), S3Bucket.class, b.address())), b.address());
            }
            for (KmsKey k : direct.model().all(KmsKey.class)) {
                assertEquals(values(k), values(one(r.model(), KmsKey.class, k.address())), k.address());
            }
        }
    }

    @Test
    void aMalformedItemIsAWarningAndTheDirectCallsNeverAPass() throws Exception {
        SeedConfig.recorder(moto, true, List.of());
        ConfigStub stub = new ConfigStub();
        seedBuckets(stub, SeedData.key(moto, "state", true));
        stub.addRaw("{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"acme-tfstate\",\"supplementaryConf");
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
            Run r = run(through(proxy, true), new S3Collector());
            assertTrue(r.diagnostics().stream().anyMatch(m -> m.contains("not a usable configuration item")
                    && m.contains("invalid JSON")), () -> "" + r.diagnostics());
            S3Bucket b = one(r.model(), S3Bucket.class, "arn:aws:s3:::acme-tfstate");
            assertEquals(S3Collector.GET_BUCKET_VERSIONING, b.versioning.provenance().operation(), "read directly");
        }
    }

    @Test
    void aValueOfTheWrongTypeIsUnknownNeverOff() throws Exception {
        SeedConfig.recorder(moto, true, List.of());
        ConfigStub stub = new ConfigStub();
        try (S3Client s3 = SeedData.s3(moto, REGION)) {
            bucket(s3, "acme-backups", Map.of("plumbline:role", "backups"));
            s3.putBucketVersioning(b -> b.bucket("acme-backups").versioningConfiguration(v -> v.status("Enabled")));
        }
        // HAND-WRITTEN, deliberately wrong: a versioning status and public-access flags Config never records
        stub.add(SeedConfig.s3Item(REGION, new Bucket("acme-backups", Map.of("plumbline:role", "backups"), "Maybe",
                null, null, null, false, true, null, null, null, null, null))
                .replace("\"blockPublicAcls\":true", "\"blockPublicAcls\":\"sometimes\""));
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
            Run r = run(through(proxy, true), new S3Collector());
            S3Bucket b = one(r.model(), S3Bucket.class, "arn:aws:s3:::acme-backups");
            assertEquals(Certainty.UNKNOWN, b.versioning.certainty());
            assertTrue(b.versioning.note().contains("not a versioning status: Maybe"), b.versioning.note());
            assertEquals(Certainty.UNKNOWN, b.blockPublicAcls.certainty());
            assertTrue(b.blockPublicAcls.note().contains("is not a boolean: sometimes"), b.blockPublicAcls.note());
            assertEquals(true, b.blockPublicPolicy.get());
            Finding f = SeedData.finding(r.model(), "BAK-005", b.address());
            assertEquals(Status.UNKNOWN, f.status(), f.toString());
        }
    }
}
