package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.edge.Route53HealthCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Route 53 health checks (a global service: once per account, signed for us-east-1). Failover record sets
 * (ListHostedZones + ListResourceRecordSets) are not collected: the model has no kind for DNS records yet.
 */
public final class Route53Collector implements Collector {

    public static final String LIST_HEALTH_CHECKS = "route53:ListHealthChecks";
    public static final String LIST_TAGS_FOR_RESOURCE = "route53:ListTagsForResource";

    private Route53Client route53;
    private CollectContext ctx;

    @Override
    public String service() {
        return "route53";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.ROUTE53_HEALTH_CHECK);
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (Route53Client client = clients.build(Route53Client.builder(), ctx.region())) {
            this.route53 = client;
            List<Route53HealthCheck> checks = ctx.collect(Kind.ROUTE53_HEALTH_CHECK, "Route 53 health checks",
                    LIST_HEALTH_CHECKS, this::healthChecks);
            for (Route53HealthCheck h : checks) tags(h);
        }
    }

    public List<Route53HealthCheck> healthChecks() {
        List<Route53HealthCheck> out = new ArrayList<>();
        for (var page : route53.listHealthChecksPaginator(b -> { })) {
            for (HealthCheck x : page.healthChecks()) out.add(healthCheck(x));
        }
        return out;
    }

    private Route53HealthCheck healthCheck(HealthCheck x) {
        // Route 53 ARNs have neither region nor account.
        String arn = "arn:" + ctx.partition() + ":route53:::healthcheck/" + x.id();
        Provenance p = ctx.at(arn, LIST_HEALTH_CHECKS);
        Route53HealthCheck h = new Route53HealthCheck(arn, "route53:HealthCheck", p);
        h.awsId = v(x.id(), p);
        h.region = v(ctx.region(), p);
        h.addAlias(arn);
        h.addAlias(x.id());
        HealthCheckConfig c = x.healthCheckConfig();
        h.type = v(c.typeAsString(), p);
        h.fqdn = v(c.fullyQualifiedDomainName(), p);
        h.ipAddress = v(c.ipAddress(), p);
        h.port = v(c.port(), p);
        h.resourcePath = v(c.resourcePath(), p);
        h.failureThreshold = v(c.failureThreshold(), p);
        h.requestInterval = v(c.requestInterval(), p);
        h.enableSni = v(c.enableSNI(), p);
        h.inverted = v(c.inverted(), p);
        h.disabled = v(c.disabled(), p);
        return h;
    }

    private void tags(Route53HealthCheck h) {
        String id = h.awsId.get();
        h.tags = ctx.read(LIST_TAGS_FOR_RESOURCE, h.location(), () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            var set = route53.listTagsForResource(b -> b.resourceType(TagResourceType.HEALTHCHECK).resourceId(id))
                    .resourceTagSet();
            if (set != null) for (var t : set.tags()) tags.put(t.key(), t.value());
            return tags;
        });
        h.name = h.tags.map(t -> t.get("Name"));
        if (h.name.isPresent()) h.addAlias(h.name.get());
    }
}
