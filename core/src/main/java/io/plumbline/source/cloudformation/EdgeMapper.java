package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Defaults;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.edge.Route53HealthCheck;
import io.plumbline.model.security.WafWebAcl;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.ArrayList;
import java.util.List;

/** CloudFront distributions, WAFv2 web ACLs and Route 53 health checks. */
final class EdgeMapper extends FamilyMapper {

    EdgeMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return switch (r.type()) {
            case "AWS::CloudFront::Distribution" -> distribution(r);
            case "AWS::WAFv2::WebACL" -> webAcl(r);
            case "AWS::Route53::HealthCheck" -> healthCheck(r);
            default -> null;
        };
    }

    private CloudFrontDistribution distribution(Res r) {
        CloudFrontDistribution d = new CloudFrontDistribution(r.id(), r.type(), r.loc());
        Ev dc = get(r.props(), "DistributionConfig");
        d.webAcl = c.ref(get(dc, "WebACLId"), Defaults.CFN_CLOUDFRONT_NO_WEB_ACL, r.loc());
        Ev behaviors = get(dc, "CacheBehaviors");
        List<Ev> all = items(behaviors);
        List<Ev> policies = new ArrayList<>();
        Ev defaultBehavior = get(dc, "DefaultCacheBehavior");
        if (defaultBehavior != null) policies.add(get(defaultBehavior, "ViewerProtocolPolicy"));
        if (all == null) {
            d.viewerProtocolPolicies = c.unknown(behaviors);
        } else {
            for (Ev b : all) policies.add(get(b, "ViewerProtocolPolicy"));
            d.viewerProtocolPolicies = dc == null ? Value.notInInput()
                    : c.strings(new Ev.Arr(nonNull(policies), dc.loc()));
        }
        Ev cert = get(dc, "ViewerCertificate");
        Ev defaultCert = get(cert, "CloudFrontDefaultCertificate");
        if (cert == null || defaultCert instanceof Lit l && "true".equalsIgnoreCase(l.text())) {
            d.minimumProtocolVersion = Value.defaulted(Defaults.CFN_CLOUDFRONT_MIN_TLS,
                    cert == null ? r.loc() : c.at(cert));
        } else {
            d.minimumProtocolVersion = c.str(get(cert, "MinimumProtocolVersion"), Defaults.CFN_CLOUDFRONT_MIN_TLS,
                    c.at(cert));
        }
        Ev logging = get(dc, "Logging");
        d.loggingBucket = logging == null ? Value.defaulted(Defaults.CFN_CLOUDFRONT_NO_LOGGING, r.loc())
                : c.ref(get(logging, "Bucket"));
        d.originDomains = c.list(get(dc, "Origins"), o -> c.str(get(o, "DomainName")));
        d.enabled = c.bool(get(dc, "Enabled"));
        return d;
    }

    private static List<Ev> nonNull(List<Ev> in) {
        List<Ev> out = new ArrayList<>();
        for (Ev e : in) if (e != null) out.add(e);
        return out;
    }

    /**
     * Managed rule groups of a web ACL: names of {@code ManagedRuleGroupStatement}s whose rule is not in count mode
     * ({@code OverrideAction: {Count: {}}} only monitors).
     */
    private WafWebAcl webAcl(Res r) {
        WafWebAcl w = new WafWebAcl(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(w, r, "Name", false);
        w.scope = c.str(get(p, "Scope"));
        Ev action = get(p, "DefaultAction");
        if (action instanceof Obj o) {
            w.defaultAction = o.entries().containsKey("Block") ? Value.explicit("BLOCK", c.at(action))
                    : o.entries().containsKey("Allow") ? Value.explicit("ALLOW", c.at(action))
                    : Value.unknown("DefaultAction is neither Allow nor Block", c.at(action));
        } else {
            w.defaultAction = action == null ? Value.notInInput() : c.unknown(action);
        }
        Ev rules = get(p, "Rules");
        List<Ev> all = items(rules);
        if (all == null) {
            w.managedRuleGroups = c.unknown(rules);
            w.ruleCount = c.unknown(rules);
        } else {
            List<String> groups = new ArrayList<>();
            Value<List<String>> value = null;
            for (Ev rule : all) {
                if (!(rule instanceof Obj)) {
                    value = Value.unknown("a rule is not known: " + Evaluator.reasonOf(rule), c.at(rule));
                    break;
                }
                Ev managed = get(rule, "Statement", "ManagedRuleGroupStatement");
                if (managed == null) continue;
                Ev override = get(rule, "OverrideAction");
                if (override instanceof Obj o && o.entries().containsKey("Count")) continue;
                Value<String> name = c.str(get(managed, "Name"));
                if (!name.isPresent()) {
                    value = Value.unknown("a managed rule group name is not known: " + name.note(), name.provenance());
                    break;
                }
                groups.add(name.get());
            }
            w.managedRuleGroups = value != null ? value
                    : Value.explicit(List.copyOf(groups), rules == null ? r.loc() : c.at(rules));
            w.ruleCount = Value.explicit(all.size(), rules == null ? r.loc() : c.at(rules));
        }
        return w;
    }

    private Route53HealthCheck healthCheck(Res r) {
        Route53HealthCheck h = new Route53HealthCheck(r.id(), r.type(), r.loc());
        Ev cfg = get(r.props(), "HealthCheckConfig");
        h.type = c.str(get(cfg, "Type"));
        h.fqdn = c.str(get(cfg, "FullyQualifiedDomainName"));
        h.port = c.integer(get(cfg, "Port"));
        h.resourcePath = c.str(get(cfg, "ResourcePath"));
        h.failureThreshold = c.integer(get(cfg, "FailureThreshold"), Defaults.CFN_ROUTE53_FAILURE_THRESHOLD, r.loc());
        return h;
    }
}
