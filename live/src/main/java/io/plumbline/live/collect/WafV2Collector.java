package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.security.WafWebAcl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.LoggingConfiguration;
import software.amazon.awssdk.services.wafv2.model.ResourceType;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

/**
 * WAFv2 web ACLs of one scope. {@link #regional()} collects scope REGIONAL in every audited region;
 * {@link #cloudFront()} collects scope CLOUDFRONT, which AWS keeps in us-east-1 only: it is a global collector (once
 * per account, signed for us-east-1 whatever regions are audited), so CloudFront ACLs are neither collected once per
 * region nor missed when us-east-1 is not among the audited regions. Register both.
 */
public final class WafV2Collector implements Collector {

    public static final String LIST_WEB_ACLS = "wafv2:ListWebACLs";
    public static final String GET_WEB_ACL = "wafv2:GetWebACL";
    public static final String LIST_TAGS_FOR_RESOURCE = "wafv2:ListTagsForResource";
    public static final String LIST_LOGGING_CONFIGURATIONS = "wafv2:ListLoggingConfigurations";
    public static final String LIST_RESOURCES_FOR_WEB_ACL = "wafv2:ListResourcesForWebACL";

    private final Scope scope;
    private Wafv2Client waf;
    private CollectContext ctx;

    private WafV2Collector(Scope scope) {
        this.scope = scope;
    }

    /** Scope REGIONAL (load balancers, API gateways...), in each audited region. */
    public static WafV2Collector regional() {
        return new WafV2Collector(Scope.REGIONAL);
    }

    /** Scope CLOUDFRONT, once per account in us-east-1. */
    public static WafV2Collector cloudFront() {
        return new WafV2Collector(Scope.CLOUDFRONT);
    }

    public Scope scope() {
        return scope;
    }

    @Override
    public String service() {
        return "wafv2";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.WAF_WEB_ACL);
    }

    @Override
    public boolean global() {
        return scope == Scope.CLOUDFRONT;
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (Wafv2Client client = clients.build(Wafv2Client.builder(), ctx.region())) {
            this.waf = client;
            List<WafWebAcl> acls = ctx.collect(Kind.WAF_WEB_ACL, "WAF web ACLs (" + scope + ")", LIST_WEB_ACLS,
                    this::webAcls);
            if (acls.isEmpty()) return;
            Provenance where = ctx.at(null, LIST_LOGGING_CONFIGURATIONS);
            Value<Map<String, List<String>>> logging = ctx.read(LIST_LOGGING_CONFIGURATIONS, where, this::logging);
            for (WafWebAcl acl : acls) details(acl, logging);
        }
    }

    /** ListWebACLs (NextMarker by hand: the SDK has no paginator) and GetWebACL for each. */
    public List<WafWebAcl> webAcls() {
        List<WafWebAcl> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            var page = waf.listWebACLs(b -> b.scope(scope).nextMarker(m));
            for (WebACLSummary s : page.webACLs()) {
                WebACL acl;
                try {
                    acl = waf.getWebACL(b -> b.scope(scope).id(s.id()).name(s.name())).webACL();
                } catch (WafNonexistentItemException gone) {
                    continue; // deleted between the list and the get
                }
                if (acl != null) out.add(webAcl(acl));
            }
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    private WafWebAcl webAcl(WebACL x) {
        String arn = x.arn();
        Provenance p = ctx.at(arn, GET_WEB_ACL);
        WafWebAcl w = new WafWebAcl(arn, "wafv2:WebACL", p);
        w.awsId = v(x.id(), p);
        w.name = v(x.name(), p);
        w.region = v(ctx.region(), p);
        w.addAlias(arn);
        w.addAlias(x.id());
        w.scope = v(scope.toString(), p);
        // Same words as the Terraform source: "allow" / "block".
        var d = x.defaultAction();
        w.defaultAction = d == null ? Value.unknown("GetWebACL returned no default action", p)
                : d.block() != null ? v("block", p)
                : d.allow() != null ? v("allow", p)
                : Value.unknown("the default action is neither allow nor block", p);
        w.ruleCount = v(x.rules().size(), p);
        w.managedRuleGroups = v(managedRuleGroups(x.rules()), p);
        return w;
    }

    /**
     * Managed rule groups that protect: a group whose override action is Count only monitors and is left out. AWS
     * groups by name, other vendors' as {@code vendor:name} (as the Terraform source does).
     */
    static List<String> managedRuleGroups(List<Rule> rules) {
        List<String> groups = new ArrayList<>();
        for (Rule r : rules) {
            var stmt = r.statement() == null ? null : r.statement().managedRuleGroupStatement();
            if (stmt == null) continue;
            if (r.overrideAction() != null && r.overrideAction().count() != null) continue;
            String vendor = stmt.vendorName();
            groups.add(vendor == null || "AWS".equals(vendor) ? stmt.name() : vendor + ":" + stmt.name());
        }
        return List.copyOf(groups);
    }

    /** Web ACL ARN → log destinations, for every ACL of the scope that has a logging configuration. */
    private Map<String, List<String>> logging() {
        Map<String, List<String>> out = new HashMap<>();
        String marker = null;
        do {
            String m = marker;
            var page = waf.listLoggingConfigurations(b -> b.scope(scope).nextMarker(m));
            for (LoggingConfiguration c : page.loggingConfigurations()) {
                out.computeIfAbsent(c.resourceArn(), k -> new ArrayList<>()).addAll(c.logDestinationConfigs());
            }
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    private void details(WafWebAcl w, Value<Map<String, List<String>>> logging) {
        Provenance p = w.location();
        if (logging.isPresent()) {
            w.loggingDestinations = v(List.copyOf(logging.get().getOrDefault(w.address(), List.of())),
                    ctx.at(w.address(), LIST_LOGGING_CONFIGURATIONS));
        } else {
            w.loggingDestinations = Value.unknown(logging.note(), ctx.at(w.address(), LIST_LOGGING_CONFIGURATIONS));
        }
        w.tags = ctx.read(LIST_TAGS_FOR_RESOURCE, p, () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            var info = waf.listTagsForResource(b -> b.resourceARN(w.address())).tagInfoForResource();
            if (info != null) for (var t : info.tagList()) tags.put(t.key(), t.value());
            return tags;
        });
        if (scope == Scope.REGIONAL) {
            // Only load balancers: what the reference architecture associates (EDG-009). API gateways, AppSync,
            // Cognito... associations are not listed.
            w.associatedLoadBalancers = ctx.read(LIST_RESOURCES_FOR_WEB_ACL, p, () ->
                    waf.listResourcesForWebACL(b -> b.webACLArn(w.address())
                                    .resourceType(ResourceType.APPLICATION_LOAD_BALANCER))
                            .resourceArns().stream().map(Ref::new).toList());
        }
    }
}
