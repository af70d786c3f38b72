package io.plumbline.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.engine.Result;
import io.plumbline.model.Model;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.rules.Fixtures;
import io.plumbline.rules.backups.ProtectedBucketsVersioned;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every Terraform plan and CloudFormation template of the shared corpus (real files of other projects, none with
 * a {@code plumbline:role} tag) and checks, against counts taken independently from the raw file: BAK-005 judges
 * every bucket (the baseline covers every role), none is NOT_APPLICABLE; and, for plans, the number of buckets
 * inferred {@code logs} and {@code backups} is the number of distinct buckets the raw plan names as a log target
 * (S3 access logging, CloudTrail, load balancer access logs, CloudFront logs, S3 flow logs) or a replication
 * destination, by literal name or by the configuration's reference.
 */
class BucketRolesCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CFN_BUCKET = Pattern.compile(
            "(?m)(?:^\\s*Type:\\s*['\"]?AWS::S3::Bucket['\"]?\\s*$|\"Type\"\\s*:\\s*\"AWS::S3::Bucket\")");

    private static Path corpus(String kind) {
        return Fixtures.corpus(kind);
    }

    private static List<String> manifest(String kind) throws Exception {
        List<String> files = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpus(kind).resolve("MANIFEST.tsv"));
        for (String l : lines.subList(1, lines.size())) if (!l.isBlank()) files.add(l.split("\t")[0]);
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusBucketIsJudgedAndItsRoleInferred() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String f : manifest("terraform")) {
            tests.add(DynamicTest.dynamicTest("terraform/" + f, () -> checkPlan(corpus("terraform").resolve(f))));
        }
        for (String f : manifest("cloudformation")) {
            tests.add(DynamicTest.dynamicTest("cloudformation/" + f,
                    () -> checkTemplate(corpus("cloudformation").resolve(f))));
        }
        return tests.stream();
    }

    private static Map<String, Integer> judge(Model m, int expectedBuckets, String file) {
        Profile p = Fixtures.profile();
        Result r = io.plumbline.engine.Engine.evaluate(m, p, List.of(new ProtectedBucketsVersioned()));
        int judged = 0;
        for (Finding f : r.findings()) {
            assertTrue(f.status() != Status.NOT_APPLICABLE, () -> file + ": " + f.resource() + " " + f.message());
            judged++;
        }
        if (expectedBuckets >= 0) assertEquals(expectedBuckets, judged, file + ": BAK-005 judges every bucket");
        Map<String, Integer> roles = new HashMap<>();
        BucketRoles inferred = BucketRoles.in(m, p.roles());
        for (S3Bucket b : m.all(S3Bucket.class)) {
            if (Fields.deleted(b)) continue;
            BucketRoles.Role role = inferred.of(b);
            roles.merge(role.known() ? role.role() : "unknown", 1, Integer::sum);
            assertTrue(!role.how().isBlank(), file + ": every role says how it was decided");
        }
        return roles;
    }

    private static void checkTemplate(Path file) throws Exception {
        String text = Files.readString(file);
        Matcher m = CFN_BUCKET.matcher(text);
        int buckets = 0;
        while (m.find()) buckets++;
        Model model = Inputs.load(file, SourceOptions.DEFAULT);
        // Fn::ForEach makes as many buckets as its collection has items: the text does not count them.
        judge(model, text.contains("Fn::ForEach") ? -1 : buckets, file.getFileName().toString());
    }

    private static void checkPlan(Path file) throws Exception {
        JsonNode plan = JSON.readTree(file.toFile());
        Map<String, String> buckets = new LinkedHashMap<>(); // address -> name (null when unknown)
        for (JsonNode rc : plan.path("resource_changes")) {
            if (!"aws_s3_bucket".equals(rc.path("type").asText()) || !"managed".equals(rc.path("mode").asText("managed"))
                    || deleteOnly(rc)) continue;
            JsonNode name = rc.path("change").path("after").path("bucket");
            buckets.put(rc.path("address").asText(), name.isTextual() ? name.asText() : null);
        }
        Set<String> logs = new LinkedHashSet<>();
        Set<String> backups = new LinkedHashSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            if (deleteOnly(rc) || !"managed".equals(rc.path("mode").asText("managed"))) continue;
            String type = rc.path("type").asText();
            JsonNode after = rc.path("change").path("after");
            String address = rc.path("address").asText();
            switch (type) {
                case "aws_s3_bucket_logging" -> target(plan, address, after, "target_bucket", buckets, logs);
                case "aws_cloudtrail" -> target(plan, address, after, "s3_bucket_name", buckets, logs);
                case "aws_s3_bucket" -> {
                    JsonNode logging = after.path("logging");
                    if (logging.isArray() && logging.size() > 0) {
                        literal(logging.get(0).path("target_bucket"), buckets, logs);
                    }
                }
                case "aws_lb", "aws_alb" -> {
                    JsonNode al = after.path("access_logs");
                    if (al.isArray() && al.size() > 0 && al.get(0).path("enabled").asBoolean(false)) {
                        literal(al.get(0).path("bucket"), buckets, logs);
                    }
                }
                case "aws_flow_log" -> {
                    if ("s3".equals(after.path("log_destination_type").asText())) {
                        target(plan, address, after, "log_destination", buckets, logs);
                    }
                }
                case "aws_s3_bucket_replication_configuration" -> {
                    for (JsonNode rule : after.path("rule")) {
                        if ("Disabled".equals(rule.path("status").asText())) continue;
                        literal(rule.path("destination").path(0).path("bucket"), buckets, backups);
                    }
                    if (!after.path("rule").isArray() || after.path("rule").size() == 0) continue;
                    for (String ref : references(plan, address, "rule")) resolve(ref, address, buckets, backups);
                }
                default -> {
                }
            }
        }
        logs.removeAll(backups); // a bucket that is both: backups win (BucketRoles' precedence)
        Model model = Inputs.load(file, SourceOptions.DEFAULT);
        Map<String, Integer> roles = judge(model, buckets.size(), file.getFileName().toString());
        assertEquals(logs.size(), roles.getOrDefault("logs", 0), file.getFileName() + ": logs buckets " + logs
                + ", inferred " + roles);
        assertEquals(backups.size(), roles.getOrDefault("backups", 0), file.getFileName() + ": backups buckets "
                + backups + ", inferred " + roles);
        assertEquals(buckets.size() - logs.size() - backups.size(),
                roles.getOrDefault("general", 0) + roles.getOrDefault("unknown", 0),
                file.getFileName() + ": the other buckets are general, or unknown when a link cannot be followed");
    }

    private static boolean deleteOnly(JsonNode rc) {
        JsonNode actions = rc.path("change").path("actions");
        return actions.size() == 1 && "delete".equals(actions.get(0).asText());
    }

    /** A literal bucket reference (name, ARN, name/prefix, s3:// URL, CloudFront domain) naming a bucket of the plan. */
    private static boolean literal(JsonNode v, Map<String, String> buckets, Set<String> into) {
        if (!v.isTextual() || v.asText().isEmpty()) return false;
        String name = v.asText().replaceFirst("^arn:aws[a-z-]*:s3:::", "").replaceFirst("^s3://", "")
                .replaceFirst("/.*$", "").replaceFirst("\\.s3\\.amazonaws\\.com$", "");
        for (Map.Entry<String, String> b : buckets.entrySet()) {
            if (name.equals(b.getValue())) {
                into.add(b.getKey());
                return true;
            }
        }
        return true;
    }

    /** The attribute's literal when the plan knows it, else the buckets the configuration's expression references. */
    private static void target(JsonNode plan, String address, JsonNode after, String attr, Map<String, String> buckets,
                               Set<String> into) {
        if (after.path(attr).isTextual()) {
            literal(after.path(attr), buckets, into);
            return;
        }
        for (String ref : references(plan, address, attr)) resolve(ref, address, buckets, into);
    }

    private static void resolve(String ref, String user, Map<String, String> buckets, Set<String> into) {
        Matcher m = Pattern.compile("(aws_s3_bucket\\.[A-Za-z0-9_-]+)").matcher(ref);
        if (!m.find()) return;
        String module = modulePrefix(user);
        for (String b : buckets.keySet()) {
            String bare = b.replaceFirst("\\[[^\\]]*]$", "");
            if (bare.equals(module + m.group(1))) into.add(b);
        }
    }

    private static String modulePrefix(String address) {
        int i = address.lastIndexOf("aws_");
        return i < 0 ? "" : address.substring(0, i);
    }

    /** Every "references" entry under {@code attr} of the configuration resource for {@code address}. */
    private static List<String> references(JsonNode plan, String address, String attr) {
        String bare = address.replaceAll("\\[[^\\]]*]", "");
        List<String> out = new ArrayList<>();
        JsonNode module = plan.path("configuration").path("root_module");
        String rest = bare;
        while (rest.startsWith("module.")) {
            String call = rest.substring("module.".length(), rest.indexOf('.', "module.".length()));
            module = module.path("module_calls").path(call).path("module");
            rest = rest.substring(rest.indexOf('.', "module.".length()) + 1);
        }
        for (JsonNode r : module.path("resources")) {
            if (rest.equals(r.path("address").asText())) collect(r.path("expressions").path(attr), out);
        }
        return out;
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("references") && e.getValue().isArray()) {
                    for (JsonNode r : e.getValue()) out.add(r.asText());
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            for (JsonNode x : n) collect(x, out);
        }
    }
}
