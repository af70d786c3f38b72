package io.plumbline.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for {@code config:SelectResourceConfig}, which moto does not serve over HTTP (its SelectResourceConfig
 * never runs the query; it only returns results queued by Python code in moto's own process). Plugged into
 * {@link DenyingProxy#answering}: requests with {@code X-Amz-Target: StarlingDoveService.SelectResourceConfig} (the
 * JSON 1.1 protocol of AWS Config) are answered here, everything else — the recorder calls included — goes to moto.
 *
 * <p>The configuration items it holds are HAND-WRITTEN by the tests from the AWS documentation (CI envelope of the
 * Config developer guide and API reference; property paths and casing of awslabs/aws-config-resource-schema, files
 * {@code AWS::S3::Bucket.properties.json} and {@code AWS::KMS::Key.properties.json}); they are not recorded AWS output.
 * The stub executes the part of the query language the audit uses, as the developer guide describes it:
 * {@code SELECT p1, p2.q, ... WHERE resourceType = 'T' [AND awsRegion = 'R']} — items of the type (and region), each
 * projected onto the selected dotted paths (through lists element by element) and returned as a JSON document in a
 * string, as AWS returns them. It pages with {@code NextToken}, at most {@link #PAGE} results a page (AWS may return
 * fewer than {@code Limit}), so that paging is exercised.
 */
public final class ConfigStub implements DenyingProxy.Answer {

    public static final String TARGET = "StarlingDoveService.SelectResourceConfig";
    static final int PAGE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUERY = Pattern.compile("(?is)^\\s*SELECT\\s+(.+?)\\s+WHERE\\s+(.+)$");
    private static final Pattern TYPE = Pattern.compile("(?i)resourceType\\s*=\\s*'([^']+)'");
    private static final Pattern REGION = Pattern.compile("(?i)awsRegion\\s*=\\s*'([^']+)'");

    private final List<String> items = new CopyOnWriteArrayList<>();
    private final List<String> raw = new CopyOnWriteArrayList<>();
    private final List<String> expressions = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean denied;

    /** Adds a full configuration item (a JSON object, hand-written from the documented shape). */
    public ConfigStub add(String item) {
        items.add(item);
        return this;
    }

    /** Adds a result string returned verbatim to every query (e.g. a malformed document). */
    public ConfigStub addRaw(String result) {
        raw.add(result);
        return this;
    }

    /** Answer every query with AccessDeniedException, as for a role without config:SelectResourceConfig. */
    public ConfigStub deny() {
        denied = true;
        return this;
    }

    /** SelectResourceConfig requests answered (pages). */
    public int calls() {
        return calls.get();
    }

    public List<String> expressions() {
        return List.copyOf(expressions);
    }

    @Override
    public DenyingProxy.Reply answer(String method, String path, Map<String, List<String>> headers, byte[] body) {
        List<String> target = headers.get("X-amz-target");
        if (target == null || target.isEmpty() || !TARGET.equals(target.get(0))) return null;
        calls.incrementAndGet();
        try {
            if (denied) {
                return error(400, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/auditor is not "
                        + "authorized to perform: config:SelectResourceConfig");
            }
            JsonNode req = JSON.readTree(body);
            String expression = req.path("Expression").asText();
            expressions.add(expression);
            Matcher q = QUERY.matcher(expression);
            Matcher type = TYPE.matcher(expression);
            if (!q.matches() || !type.find()) {
                return error(400, "InvalidExpressionException", "the stub only runs SELECT ... WHERE resourceType = ");
            }
            Matcher region = REGION.matcher(q.group(2));
            String wantRegion = region.find() ? region.group(1) : null;
            List<String> select = new ArrayList<>();
            for (String p : q.group(1).split(",")) select.add(p.trim());
            List<String> results = new ArrayList<>();
            for (String item : items) {
                JsonNode ci = JSON.readTree(item);
                if (!type.group(1).equals(ci.path("resourceType").asText())) continue;
                if (wantRegion != null && !wantRegion.equals(ci.path("awsRegion").asText())) continue;
                results.add(JSON.writeValueAsString(project(ci, select)));
            }
            results.addAll(raw);
            int limit = req.path("Limit").asInt(0);
            int size = Math.min(limit <= 0 ? 100 : limit, PAGE);
            int from = req.hasNonNull("NextToken") ? Integer.parseInt(req.get("NextToken").asText()) : 0;
            int to = Math.min(results.size(), from + size);
            ObjectNode out = JSON.createObjectNode();
            ArrayNode rs = out.putArray("Results");
            results.subList(from, to).forEach(rs::add);
            ArrayNode fields = out.putObject("QueryInfo").putArray("SelectFields");
            select.forEach(s -> fields.addObject().put("Name", s));
            if (to < results.size()) out.put("NextToken", String.valueOf(to));
            return new DenyingProxy.Reply(200, "application/x-amz-json-1.1",
                    JSON.writeValueAsBytes(out));
        } catch (IOException | RuntimeException e) {
            return error(500, "InternalFailure", String.valueOf(e));
        }
    }

    private static DenyingProxy.Reply error(int status, String type, String message) {
        ObjectNode err = JSON.createObjectNode().put("__type", type).put("message", message);
        return new DenyingProxy.Reply(status, "application/x-amz-json-1.1",
                err.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The item reduced to the selected dotted paths (a path through a list applies to each element). */
    static JsonNode project(JsonNode ci, List<String> paths) {
        ObjectNode out = JSON.createObjectNode();
        for (String p : paths) copy(ci, out, p.split("\\."), 0);
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String[] path, int i) {
        JsonNode next = from.get(path[i]);
        if (next == null || next.isNull()) return;
        if (i == path.length - 1) {
            to.set(path[i], next.deepCopy());
            return;
        }
        if (next.isArray()) {
            ArrayNode arr = to.has(path[i]) && to.get(path[i]).isArray() ? (ArrayNode) to.get(path[i])
                    : to.putArray(path[i]);
            for (int k = 0; k < next.size(); k++) {
                while (arr.size() <= k) arr.addObject();
                if (next.get(k).isObject()) copy(next.get(k), (ObjectNode) arr.get(k), path, i + 1);
            }
        } else if (next.isObject()) {
            ObjectNode child = to.has(path[i]) && to.get(path[i]).isObject() ? (ObjectNode) to.get(path[i])
                    : to.putObject(path[i]);
            copy(next, child, path, i + 1);
        }
    }
}
