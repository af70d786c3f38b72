package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Defaults;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.Unk;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.List;
import java.util.Set;

/** Load balancers, their attributes and their listeners. */
final class LoadBalancerMapper extends FamilyMapper {

    LoadBalancerMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return r.type().equals("AWS::ElasticLoadBalancingV2::LoadBalancer") ? loadBalancer(r) : null;
    }

    @Override
    Set<String> foldingTypes() {
        return Set.of("AWS::ElasticLoadBalancingV2::Listener");
    }

    @Override
    Resource fold(Res r) {
        return foldListener(r);
    }

    private LoadBalancer loadBalancer(Res r) {
        LoadBalancer lb = new LoadBalancer(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(lb, r, "Name", false);
        lb.type = c.str(get(p, "Type"), Defaults.ELB_TYPE, r.loc());
        Ev scheme = get(p, "Scheme");
        if (scheme == null) {
            lb.internal = Value.defaulted(Defaults.ELB_INTERNAL, r.loc());
        } else {
            Value<String> s = c.str(scheme);
            lb.internal = !s.isPresent() ? s.map(x -> (Boolean) null)
                    : "internal".equalsIgnoreCase(s.get()) ? Value.explicit(true, c.at(scheme))
                    : "internet-facing".equalsIgnoreCase(s.get()) ? Value.explicit(false, c.at(scheme))
                    : Value.unknown("unexpected Scheme '" + s.get() + "'", c.at(scheme));
        }
        Ev subnets = get(p, "Subnets");
        Ev mappings = get(p, "SubnetMappings");
        lb.subnets = subnets != null || mappings == null ? c.refs(subnets)
                : c.list(mappings, m -> c.ref(get(m, "SubnetId")));
        lb.securityGroups = c.refs(get(p, "SecurityGroups"));
        Ev attributes = get(p, "LoadBalancerAttributes");
        lb.deletionProtection = c.bool(attribute(attributes, "deletion_protection.enabled"),
                Defaults.CFN_ELB_DELETION_PROTECTION, r.loc());
        lb.accessLogsEnabled = c.bool(attribute(attributes, "access_logs.s3.enabled"), Defaults.CFN_ELB_ACCESS_LOGS,
                r.loc());
        Ev logsBucket = attribute(attributes, "access_logs.s3.bucket");
        lb.accessLogsBucket = logsBucket == null ? Value.explicit(null, r.loc()) : c.ref(logsBucket);
        lb.dropInvalidHeaderFields = c.bool(attribute(attributes, "routing.http.drop_invalid_header_fields.enabled"),
                Defaults.CFN_ELB_DROP_INVALID_HEADERS, r.loc());
        return lb;
    }

    /**
     * The Value of a {@code {Key, Value}} item of an attribute list: null when no item has that key, an unknown when
     * the list or an item that may carry the key is not known.
     */
    private static Ev attribute(Ev list, String key) {
        if (list == null) return null;
        List<Ev> all = items(list);
        if (all == null) return list;
        Ev uncertain = null;
        for (Ev item : all) {
            if (item instanceof Obj) {
                Ev k = get(item, "Key");
                if (k instanceof Lit l && key.equals(l.text())) return get(item, "Value");
                if (!(k instanceof Lit) && uncertain == null) uncertain = item;
            } else if (item instanceof Unk u) {
                boolean mayHaveKey = u.alternatives() == null;
                if (!mayHaveKey) {
                    for (Ev alt : u.alternatives()) {
                        Ev k = get(alt, "Key");
                        if (!(alt instanceof Ev.NoValue) && !(k instanceof Lit l && !key.equals(l.text()))) mayHaveKey = true;
                    }
                }
                if (mayHaveKey && uncertain == null) uncertain = item;
            }
        }
        if (uncertain == null) return null;
        return Unk.of("whether " + key + " is set is not known: " + Evaluator.reasonOf(uncertain), uncertain.loc());
    }

    private Resource foldListener(Res r) {
        Ev p = r.props();
        LoadBalancer lb = target(r, get(p, "LoadBalancerArn"), LoadBalancer.class, "LoadBalancerArn", "a load balancer");
        if (lb == null) return null;
        if (r.uncertain() != null) {
            diagnostics.add(Diagnostic.info("listener " + existence(r) + "; it is listed on " + lb.address()
                    + " as if it existed", r.loc()));
        }
        Ev actions = get(p, "DefaultActions");
        List<Ev> all = items(actions);
        Ev terminal = null;
        if (all != null) {
            int best = Integer.MIN_VALUE;
            for (Ev a : all) {
                Integer order = Evaluator.asInt(get(a, "Order") instanceof Lit l ? l.value() : null);
                int o = order == null ? Integer.MIN_VALUE + 1 : order;
                if (terminal == null || o >= best) {
                    terminal = a;
                    best = o;
                }
            }
        } else {
            terminal = actions;
        }
        Value<String> type = c.str(get(terminal, "Type"));
        Value<String> redirect = type.isPresent() && type.get().equalsIgnoreCase("redirect")
                ? c.str(get(terminal, "RedirectConfig", "Protocol")) : Value.notInInput();
        Ev tg = get(terminal, "TargetGroupArn");
        if (tg == null) {
            Ev groups = get(terminal, "ForwardConfig", "TargetGroups");
            List<Ev> g = items(groups);
            tg = g == null ? groups : g.isEmpty() ? null : get(g.get(0), "TargetGroupArn");
        }
        Ev certs = get(p, "Certificates");
        List<Ev> certList = items(certs);
        Ev cert = certList == null ? certs : certList.isEmpty() ? null : get(certList.get(0), "CertificateArn");
        lb.listeners.add(new Listener(r.id(), c.integer(get(p, "Port")), c.str(get(p, "Protocol")),
                c.str(get(p, "SslPolicy")), c.str(cert), type, redirect, c.ref(tg), r.loc()));
        return lb;
    }
}
