package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;

/**
 * Elastic Load Balancing v2: load balancers with their attributes and listeners. Listeners are not resources of their
 * own in the model: they are nested in {@link LoadBalancer#listeners}, as the Terraform and CloudFormation sources fold
 * {@code aws_lb_listener} / {@code AWS::ElasticLoadBalancingV2::Listener} into their load balancer. A load balancer
 * whose listeners cannot be read is withdrawn: without them it would look like a load balancer that listens on
 * nothing.
 */
public final class Elbv2Collector implements Collector {

    public static final String DESCRIBE_LOAD_BALANCERS = "elasticloadbalancing:DescribeLoadBalancers";
    public static final String DESCRIBE_LOAD_BALANCER_ATTRIBUTES = "elasticloadbalancing:DescribeLoadBalancerAttributes";
    public static final String DESCRIBE_LISTENERS = "elasticloadbalancing:DescribeListeners";
    public static final String DESCRIBE_TAGS = "elasticloadbalancing:DescribeTags";

    private ElasticLoadBalancingV2Client elb;
    private CollectContext ctx;

    @Override
    public String service() {
        return "elasticloadbalancing";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.LOAD_BALANCER);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (ElasticLoadBalancingV2Client client = clients.build(ElasticLoadBalancingV2Client.builder(), ctx.region())) {
            this.elb = client;
            List<LoadBalancer> lbs = ctx.collect(Kind.LOAD_BALANCER, "load balancers", DESCRIBE_LOAD_BALANCERS,
                    this::loadBalancers);
            if (lbs.isEmpty()) return;
            ctx.collect(Kind.LOAD_BALANCER, "load balancer listeners", DESCRIBE_LISTENERS, () -> {
                for (LoadBalancer lb : lbs) listeners(lb);
                return List.<LoadBalancer>of();
            });
            if (ctx.failed(DESCRIBE_LISTENERS)) {
                ctx.withdraw(Kind.LOAD_BALANCER, lbs, "load balancers, because their listeners could not be "
                        + "collected: rules on what they expose cannot decide", DESCRIBE_LISTENERS);
                return;
            }
            tags(lbs);
        }
    }

    public List<LoadBalancer> loadBalancers() {
        List<LoadBalancer> out = new ArrayList<>();
        for (var page : elb.describeLoadBalancersPaginator(b -> { })) {
            for (var x : page.loadBalancers()) {
                String arn = x.loadBalancerArn();
                Provenance p = ctx.at(arn, DESCRIBE_LOAD_BALANCERS);
                LoadBalancer r = new LoadBalancer(arn, "elasticloadbalancing:LoadBalancer", p);
                r.awsId = v(arn, p);
                r.name = v(x.loadBalancerName(), p);
                r.region = v(ctx.region(), p);
                r.addAlias(arn);
                r.addAlias(x.loadBalancerName());
                r.type = v(x.typeAsString(), p);
                String scheme = x.schemeAsString();
                r.internal = "internal".equals(scheme) ? v(true, p) : "internet-facing".equals(scheme) ? v(false, p)
                        : Value.unknown("unexpected Scheme '" + scheme + "'", p);
                r.subnets = v(x.availabilityZones().stream().filter(z -> z.subnetId() != null)
                        .map(z -> new Ref(z.subnetId())).toList(), p);
                r.securityGroups = v(x.securityGroups().stream().map(Ref::new).toList(), p);
                attributes(r, arn, p);
                out.add(r);
            }
        }
        return out;
    }

    /** deletion protection, access logs, header and desync handling, from DescribeLoadBalancerAttributes. */
    private void attributes(LoadBalancer r, String arn, Provenance p) {
        Value<Map<String, String>> attrs = ctx.read(DESCRIBE_LOAD_BALANCER_ATTRIBUTES, p, () -> {
            Map<String, String> m = new HashMap<>();
            for (var a : elb.describeLoadBalancerAttributes(b -> b.loadBalancerArn(arn)).attributes()) {
                m.put(a.key(), a.value());
            }
            return m;
        });
        // a key the load balancer's type does not have (drop_invalid_header_fields on a network load balancer) is null
        Function<String, Value<Boolean>> flag = key -> attrs.map(m -> m.containsKey(key)
                ? Boolean.valueOf("true".equalsIgnoreCase(m.get(key))) : null);
        r.deletionProtection = flag.apply("deletion_protection.enabled");
        r.accessLogsEnabled = flag.apply("access_logs.s3.enabled");
        r.accessLogsBucket = attrs.map(m -> {
            String bucket = m.get("access_logs.s3.bucket");
            return bucket == null || bucket.isBlank() ? null : new io.plumbline.model.Ref(bucket);
        });
        r.dropInvalidHeaderFields = flag.apply("routing.http.drop_invalid_header_fields.enabled");
        r.desyncMitigationMode = attrs.map(m -> m.get("routing.http.desync_mitigation_mode"));
    }

    private void listeners(LoadBalancer lb) {
        for (var page : elb.describeListenersPaginator(b -> b.loadBalancerArn(lb.address()))) {
            for (var l : page.listeners()) {
                Provenance p = ctx.at(l.listenerArn(), DESCRIBE_LISTENERS);
                Action action = l.defaultActions().stream()
                        .min((a, b) -> Integer.compare(a.order() == null ? Integer.MAX_VALUE : a.order(),
                                b.order() == null ? Integer.MAX_VALUE : b.order()))
                        .orElse(null);
                String certificate = l.certificates().stream()
                        .filter(c -> c.isDefault() == null || c.isDefault()).map(Certificate::certificateArn)
                        .findFirst().orElse(null);
                String targetGroup = action == null ? null : action.targetGroupArn();
                if (targetGroup == null && action != null && action.forwardConfig() != null
                        && !action.forwardConfig().targetGroups().isEmpty()) {
                    targetGroup = action.forwardConfig().targetGroups().get(0).targetGroupArn();
                }
                lb.listeners.add(new Listener(l.listenerArn(), v(l.port(), p), v(l.protocolAsString(), p),
                        v(l.sslPolicy(), p), v(certificate, p), v(action == null ? null : action.typeAsString(), p),
                        v(action == null || action.redirectConfig() == null ? null
                                : action.redirectConfig().protocol(), p),
                        v(targetGroup == null ? null : new Ref(targetGroup), p), p));
            }
        }
    }

    /** Tags, 20 load balancers per DescribeTags call; a failure leaves the tags UNKNOWN. */
    private void tags(List<LoadBalancer> lbs) {
        for (int i = 0; i < lbs.size(); i += 20) {
            List<LoadBalancer> batch = lbs.subList(i, Math.min(lbs.size(), i + 20));
            Provenance p = ctx.at(null, DESCRIBE_TAGS);
            Value<Map<String, Map<String, String>>> got = ctx.read(DESCRIBE_TAGS, p, () -> {
                Map<String, Map<String, String>> all = new HashMap<>();
                var resp = elb.describeTags(b -> b.resourceArns(batch.stream().map(LoadBalancer::address).toList()));
                for (var d : resp.tagDescriptions()) {
                    Map<String, String> m = new LinkedHashMap<>();
                    for (var t : d.tags()) m.put(t.key(), t.value());
                    all.put(d.resourceArn(), m);
                }
                return all;
            });
            for (LoadBalancer lb : batch) {
                Provenance at = ctx.at(lb.address(), DESCRIBE_TAGS);
                lb.tags = got.isPresent() ? v(got.get().getOrDefault(lb.address(), Map.of()), at)
                        : Value.unknown(got.note(), at);
            }
        }
    }
}
