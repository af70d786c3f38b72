package io.plumbline.source.terraform;

import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.Vpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main route table of each VPC, as a route table the plan can add routes to. Terraform writes it three ways:
 * {@code route_table_id = aws_vpc.main.main_route_table_id} (or {@code default_route_table_id}) on an
 * {@code aws_route} or an association, a literal {@code rtb-} id equal to the VPC's, or an
 * {@code aws_default_route_table} that adopts it. A route folded into "the VPC" is a route of its main table, which
 * every subnet without an explicit association uses: when no {@code aws_default_route_table} stands for that table,
 * one is made here (main, of that VPC, with the routes the plan adds), so the rules and the reachability engine see it.
 */
final class MainRouteTables {
    private final PlanReader plan;
    /** Literal main/default route table ids of the VPCs → the VPC. */
    private final Map<String, Vpc> byLiteral = new HashMap<>();
    /** aws_default_route_table resources → the VPC address (or literal id) their default_route_table_id names. */
    private final Map<RouteTable, String> adopted = new IdentityHashMap<>();
    private final Map<Vpc, RouteTable> tables = new IdentityHashMap<>();
    private final List<Resource> made = new ArrayList<>();

    MainRouteTables(PlanReader plan) {
        this.plan = plan;
    }

    /** A VPC of the plan: its main route table ids, when known, name it. */
    void vpc(Vpc v, Attrs a) {
        for (String k : new String[] {"main_route_table_id", "default_route_table_id"}) {
            String id = a.publicText(k);
            if (id != null && !id.isEmpty()) byLiteral.putIfAbsent(id, v);
        }
    }

    /**
     * An {@code aws_default_route_table}: it is the main table of the VPC its {@code default_route_table_id} names.
     * Its own {@code vpc_id} is computed, so for a VPC being created the configuration's reference tells the VPC.
     */
    void defaultTable(RouteTable t, Attrs a) {
        String owner = a.configTarget("default_route_table_id");
        String literal = a.publicText("default_route_table_id");
        if (owner != null && isVpcAddress(owner)) {
            adopted.put(t, owner);
            if (!t.vpc.isPresent()) t.vpc = Value.explicit(new Ref(owner), t.location());
        } else if (literal != null && !literal.isEmpty()) {
            adopted.put(t, literal);
        }
    }

    /**
     * What a link meant as a route table stands for: {@code found} itself when it is a route table, the main route
     * table of a VPC the link names (by address or by its main route table id), else {@code found} unchanged.
     */
    Resource standIn(String literal, Resource found) {
        if (found instanceof RouteTable) return found;
        Vpc vpc = found instanceof Vpc v ? v : found == null ? byLiteral.get(literal) : null;
        return vpc == null ? found : of(vpc);
    }

    /** The route tables made here, to add to the model. */
    List<Resource> made() {
        return made;
    }

    private RouteTable of(Vpc v) {
        RouteTable t = tables.get(v);
        if (t != null) return t;
        for (Map.Entry<RouteTable, String> e : adopted.entrySet()) {
            String owner = e.getValue();
            if (owner.equals(v.address()) || byLiteral.get(owner) == v) {
                t = e.getKey();
                break;
            }
        }
        if (t == null) {
            // The table AWS creates with the VPC: main, the local route, and what the plan adds to it.
            t = new RouteTable(v.address() + ".main_route_table_id", v.sourceType(), v.location());
            t.change = v.change;
            t.region = v.region;
            t.vpc = Value.explicit(new Ref(v.address()), v.location());
            t.main = Value.explicit(true, v.location());
            made.add(t);
            plan.register(t);
        }
        tables.put(v, t);
        return t;
    }

    /** {@code aws_vpc.main}, {@code module.net.aws_default_vpc.this[0]}: the resource type is the second-last segment. */
    private static boolean isVpcAddress(String address) {
        List<String> segs = Addresses.split(address);
        if (segs.size() < 2) return false;
        String type = segs.get(segs.size() - 2);
        return "aws_vpc".equals(type) || "aws_default_vpc".equals(type);
    }
}
