package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.edge.CloudFrontDistribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.LoggingConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;

/**
 * CloudFront distributions (a global service: collected once per account, signed for us-east-1). The distribution
 * list carries every setting but logging, which comes from GetDistributionConfig; tags from ListTagsForResource.
 */
public final class CloudFrontCollector implements Collector {

    public static final String LIST_DISTRIBUTIONS = "cloudfront:ListDistributions";
    public static final String GET_DISTRIBUTION_CONFIG = "cloudfront:GetDistributionConfig";
    public static final String LIST_TAGS_FOR_RESOURCE = "cloudfront:ListTagsForResource";

    private CloudFrontClient cloudFront;
    private CollectContext ctx;

    @Override
    public String service() {
        return "cloudfront";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.CLOUDFRONT_DISTRIBUTION);
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (CloudFrontClient client = clients.build(CloudFrontClient.builder(), ctx.region())) {
            this.cloudFront = client;
            List<CloudFrontDistribution> all = ctx.collect(Kind.CLOUDFRONT_DISTRIBUTION, "CloudFront distributions",
                    LIST_DISTRIBUTIONS, this::distributions);
            for (CloudFrontDistribution d : all) details(d);
        }
    }

    /** Every page of ListDistributions (the SDK has no paginator for it: Marker / NextMarker by hand). */
    public List<CloudFrontDistribution> distributions() {
        List<CloudFrontDistribution> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            var list = cloudFront.listDistributions(b -> b.marker(m)).distributionList();
            if (list == null) break;
            for (DistributionSummary x : list.items()) out.add(distribution(x));
            marker = Boolean.TRUE.equals(list.isTruncated()) ? list.nextMarker() : null;
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    private CloudFrontDistribution distribution(DistributionSummary x) {
        String arn = x.arn() != null ? x.arn()
                : "arn:" + ctx.partition() + ":cloudfront::" + ctx.account() + ":distribution/" + x.id();
        Provenance p = ctx.at(arn, LIST_DISTRIBUTIONS);
        CloudFrontDistribution d = new CloudFrontDistribution(arn, "cloudfront:Distribution", p);
        d.awsId = v(x.id(), p);
        d.name = v(x.domainName(), p);
        d.region = v(ctx.region(), p);
        d.addAlias(arn);
        d.addAlias(x.id());
        d.addAlias(x.domainName());
        List<String> aliases = x.aliases() == null ? List.of() : List.copyOf(x.aliases().items());
        d.aliases = v(aliases, p);
        // WebACLId is "" when no web ACL is attached: no web ACL, explicitly.
        String acl = x.webACLId();
        d.webAcl = v(acl == null || acl.isEmpty() ? null : new Ref(acl), p);
        List<String> policies = new ArrayList<>();
        if (x.defaultCacheBehavior() != null) policies.add(x.defaultCacheBehavior().viewerProtocolPolicyAsString());
        if (x.cacheBehaviors() != null) {
            for (CacheBehavior b : x.cacheBehaviors().items()) policies.add(b.viewerProtocolPolicyAsString());
        }
        d.viewerProtocolPolicies = v(List.copyOf(policies), p);
        ViewerCertificate cert = x.viewerCertificate();
        if (cert != null) {
            d.minimumProtocolVersion = v(cert.minimumProtocolVersionAsString(), p);
            boolean byDefault = Boolean.TRUE.equals(cert.cloudFrontDefaultCertificate());
            d.defaultCertificate = v(byDefault, p);
            d.acmCertificateArn = v(blankToNull(cert.acmCertificateArn()), p);
            d.sslSupportMethod = v(byDefault ? null : blankToNull(cert.sslSupportMethodAsString()), p);
        }
        List<String> domains = new ArrayList<>();
        List<String> originPolicies = new ArrayList<>();
        Set<String> sslProtocols = new LinkedHashSet<>();
        if (x.origins() != null) {
            for (Origin o : x.origins().items()) {
                domains.add(o.domainName());
                var custom = o.customOriginConfig();
                if (custom == null) continue;
                originPolicies.add(custom.originProtocolPolicyAsString());
                if (custom.originSslProtocols() != null) sslProtocols.addAll(custom.originSslProtocols().itemsAsStrings());
            }
        }
        d.originDomains = v(List.copyOf(domains), p);
        d.originProtocolPolicies = v(List.copyOf(originPolicies), p);
        d.originSslProtocols = v(List.copyOf(sslProtocols), p);
        d.enabled = v(x.enabled(), p);
        return d;
    }

    /** Logging (GetDistributionConfig) and tags: attribute calls, unknown on their own failure. */
    private void details(CloudFrontDistribution d) {
        Provenance p = d.location();
        String id = d.awsId.get();
        d.loggingBucket = ctx.read(GET_DISTRIBUTION_CONFIG, p, () -> {
            LoggingConfig logging = cloudFront.getDistributionConfig(b -> b.id(id)).distributionConfig().logging();
            // Standard logging off (Enabled=false, Bucket ""): no logging bucket, like an absent logging_config.
            if (logging == null || !Boolean.TRUE.equals(logging.enabled())) return null;
            String bucket = logging.bucket();
            return bucket == null || bucket.isEmpty() ? null : new io.plumbline.model.Ref(bucket);
        });
        d.tags = ctx.read(LIST_TAGS_FOR_RESOURCE, p, () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            var got = cloudFront.listTagsForResource(b -> b.resource(d.address())).tags();
            if (got != null) for (var t : got.items()) tags.put(t.key(), t.value());
            return tags;
        });
        String name = d.tags.isPresent() ? d.tags.get().get("Name") : null;
        if (name != null) {
            d.name = v(name, d.tags.provenance());
            d.addAlias(name);
        }
    }


    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
