package io.plumbline.live.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.security.OidcProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads AWS Config configuration items (CIs) as {@code config:SelectResourceConfig} returns them (each result a JSON
 * document in a string) or as BatchGetResourceConfig/GetResourceConfigHistory give them (where {@code configuration}
 * is itself a JSON string and {@code supplementaryConfiguration} values are JSON strings). Meant as an accelerator
 * beside the Describe/List collectors: one query per resource type instead of calls per resource, where Config
 * records the type.
 *
 * <p>Config's casing is inconsistent across types ({@code dbclusterMembers}, {@code dBSubnetGroup}, PascalCase for
 * Cloud Control types): paths are matched without case. A property a query did not select (or Config did not
 * record) is left {@code notInInput}, never taken for "off".
 */
public final class ConfigItems {

    public static final String SELECT_RESOURCE_CONFIG = "config:SelectResourceConfig";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigItems() {
    }

    /** One configuration item: the envelope fields, and the whole document for {@link #path}. */
    public record Item(String accountId, String awsRegion, String resourceType, String resourceId,
                       String resourceName, String arn, Map<String, String> tags, JsonNode document) {

        /** The node at a dotted path ({@code configuration.distributionConfig.webACLId}), keys matched without case. */
        public JsonNode path(String dotted) {
            JsonNode n = document;
            for (String key : dotted.split("\\.")) n = child(n, key);
            return n;
        }

        /** Where a value of this item comes from: its account, region, ARN and the Config operation. */
        public Provenance provenance() {
            return Provenance.live(accountId, awsRegion, arn, SELECT_RESOURCE_CONFIG);
        }
    }

    /** Parses one result string; an invalid document is an {@link IllegalArgumentException} naming the problem. */
    public static Item parse(String result) {
        JsonNode root;
        try {
            root = JSON.readTree(result);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a configuration item (invalid JSON): " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a configuration item: a JSON object was expected");
        }
        // BatchGetResourceConfig style: configuration is a JSON string, supplementaryConfiguration values too.
        var obj = (com.fasterxml.jackson.databind.node.ObjectNode) root;
        JsonNode conf = child(root, "configuration");
        if (conf.isTextual()) obj.set(fieldName(root, "configuration"), readOrText(conf.asText()));
        JsonNode supp = child(root, "supplementaryConfiguration");
        if (supp.isObject()) {
            var s = (com.fasterxml.jackson.databind.node.ObjectNode) supp;
            List<String> names = new ArrayList<>();
            s.fieldNames().forEachRemaining(names::add);
            for (String name : names) if (s.get(name).isTextual()) s.set(name, readOrText(s.get(name).asText()));
        }
        return new Item(text(root, "accountId"), text(root, "awsRegion"), text(root, "resourceType"),
                text(root, "resourceId"), text(root, "resourceName"), text(root, "arn"), tags(child(root, "tags")),
                root);
    }

    /** Every result string of one SelectResourceConfig page. */
    public static List<Item> parseAll(List<String> results) {
        List<Item> out = new ArrayList<>(results.size());
        for (String r : results) out.add(parse(r));
        return out;
    }

    private static JsonNode readOrText(String s) {
        String t = s.trim();
        if (!(t.startsWith("{") || t.startsWith("["))) return JSON.getNodeFactory().textNode(s);
        try {
            return JSON.readTree(t);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(s);
        }
    }

    /** Select results give tags as [{key, value}]; configuration items as {key: value}. */
    private static Map<String, String> tags(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isArray()) {
            for (JsonNode t : n) out.put(child(t, "key").asText(), child(t, "value").asText());
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    static JsonNode child(JsonNode n, String key) {
        if (n == null || !n.isObject()) return MissingNode.getInstance();
        JsonNode exact = n.get(key);
        if (exact != null) return exact;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return MissingNode.getInstance();
    }

    private static String fieldName(JsonNode n, String key) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equalsIgnoreCase(key)) return name;
        }
        return key;
    }

    private static String text(JsonNode n, String key) {
        JsonNode c = child(n, key);
        return c.isMissingNode() || c.isNull() ? null : c.asText();
    }

    // ------------------------------------------------------------------ values

    private static Value<String> str(Item item, String path) {
        JsonNode n = item.path(path);
        if (n.isMissingNode()) return Value.notInInput();
        return Value.explicit(n.isNull() ? null : n.asText(), item.provenance());
    }

    private static Value<Boolean> bool(Item item, String path) {
        JsonNode n = item.path(path);
        if (n.isMissingNode()) return Value.notInInput();
        if (n.isNull()) return Value.explicit(null, item.provenance());
        if (n.isBoolean()) return Value.explicit(n.asBoolean(), item.provenance());
        String t = n.asText();
        if ("true".equalsIgnoreCase(t) || "false".equalsIgnoreCase(t)) {
            return Value.explicit(Boolean.parseBoolean(t), item.provenance());
        }
        return Value.unknown(path + " is not a boolean: " + t, item.provenance());
    }

    /** CloudFront-style lists are {@code {quantity, items: [...]}}; plain arrays are accepted too. */
    private static List<JsonNode> items(JsonNode n) {
        JsonNode arr = n.isArray() ? n : child(n, "items");
        List<JsonNode> out = new ArrayList<>();
        if (arr.isArray()) arr.forEach(out::add);
        return out;
    }

    private static Value<List<String>> strings(Item item, String path, Function<JsonNode, JsonNode> each) {
        JsonNode n = item.path(path);
        if (n.isMissingNode()) return Value.notInInput();
        List<String> out = new ArrayList<>();
        for (JsonNode x : items(n)) {
            JsonNode v = each.apply(x);
            if (!v.isMissingNode() && !v.isNull()) out.add(v.asText());
        }
        return Value.explicit(List.copyOf(out), item.provenance());
    }

    // ------------------------------------------------------------------ AWS::CloudFront::Distribution

    /**
     * A distribution from its CI ({@code configuration.distributionConfig.*}, Config casing), the same shape as
     * {@link CloudFrontCollector} gives.
     */
    public static CloudFrontDistribution cloudFront(Item item) {
        if (!"AWS::CloudFront::Distribution".equals(item.resourceType())) {
            throw new IllegalArgumentException("not a CloudFront distribution: " + item.resourceType());
        }
        Provenance p = item.provenance();
        String arn = item.arn() != null ? item.arn()
                : "arn:aws:cloudfront::" + item.accountId() + ":distribution/" + item.resourceId();
        CloudFrontDistribution d = new CloudFrontDistribution(arn, "config:AWS::CloudFront::Distribution", p);
        d.awsId = Value.explicit(item.resourceId(), p);
        d.region = Value.explicit(item.awsRegion(), p);
        d.addAlias(arn);
        d.addAlias(item.resourceId());
        if (item.tags() != null) d.tags = Value.explicit(item.tags(), p);
        String dc = "configuration.distributionConfig.";
        Value<String> acl = str(item, dc + "webACLId");
        d.webAcl = acl.map(s -> s.isEmpty() ? null : new Ref(s));
        JsonNode def = item.path(dc + "defaultCacheBehavior");
        JsonNode ordered = item.path(dc + "cacheBehaviors");
        // Both are needed to know every behavior's policy (a full CI has cacheBehaviors {quantity: 0} when none).
        if (!def.isMissingNode() && !ordered.isMissingNode()) {
            List<String> policies = new ArrayList<>();
            policies.add(child(def, "viewerProtocolPolicy").asText());
            for (JsonNode b : items(ordered)) policies.add(child(b, "viewerProtocolPolicy").asText());
            d.viewerProtocolPolicies = Value.explicit(List.copyOf(policies), p);
        }
        d.minimumProtocolVersion = str(item, dc + "viewerCertificate.minimumProtocolVersion");
        d.acmCertificateArn = str(item, dc + "viewerCertificate.acmCertificateArn");
        d.sslSupportMethod = str(item, dc + "viewerCertificate.sslSupportMethod");
        d.defaultCertificate = bool(item, dc + "viewerCertificate.cloudFrontDefaultCertificate");
        Value<Boolean> logging = bool(item, dc + "logging.enabled");
        Value<String> bucket = str(item, dc + "logging.bucket");
        if (logging.isPresent() && !logging.get()) d.loggingBucket = Value.explicit(null, p);
        else if (logging.isPresent()) d.loggingBucket = bucket.map(s -> s.isEmpty() ? null : s);
        d.originDomains = strings(item, dc + "origins", o -> child(o, "domainName"));
        JsonNode origins = item.path(dc + "origins");
        if (!origins.isMissingNode()) {
            List<String> policies = new ArrayList<>();
            Set<String> ssl = new LinkedHashSet<>();
            for (JsonNode o : items(origins)) {
                JsonNode custom = child(o, "customOriginConfig");
                if (custom.isMissingNode() || custom.isNull()) continue;
                policies.add(child(custom, "originProtocolPolicy").asText());
                for (JsonNode s : items(child(custom, "originSslProtocols"))) ssl.add(s.asText());
            }
            d.originProtocolPolicies = Value.explicit(List.copyOf(policies), p);
            d.originSslProtocols = Value.explicit(List.copyOf(ssl), p);
        }
        d.aliases = strings(item, dc + "aliases", x -> x);
        d.enabled = bool(item, dc + "enabled");
        return d;
    }

    // ------------------------------------------------------------------ AWS::IAM::OIDCProvider

    /** An OIDC provider from its CI (a Cloud Control type: PascalCase {@code Url}, {@code ClientIdList}...). */
    public static OidcProvider oidcProvider(Item item) {
        if (!"AWS::IAM::OIDCProvider".equals(item.resourceType())) {
            throw new IllegalArgumentException("not an IAM OIDC provider: " + item.resourceType());
        }
        Provenance p = item.provenance();
        String arn = item.arn() != null ? item.arn() : str(item, "configuration.Arn").orElse(item.resourceId());
        OidcProvider o = new OidcProvider(arn, "config:AWS::IAM::OIDCProvider", p);
        o.awsId = Value.explicit(arn, p);
        o.region = Value.explicit(item.awsRegion(), p);
        o.addAlias(arn);
        if (item.tags() != null) o.tags = Value.explicit(item.tags(), p);
        o.url = str(item, "configuration.Url").map(IamCollector::stripScheme);
        if (o.url.isPresent()) {
            o.name = o.url;
            o.addAlias(o.url.get());
        }
        o.clientIds = strings(item, "configuration.ClientIdList", x -> x);
        o.thumbprints = strings(item, "configuration.ThumbprintList", x -> x);
        return o;
    }
}
