package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A route table with its routes (inline or standalone) and the subnets associated with it. */
public final class RouteTable extends Resource {
    public Value<Ref> vpc = Value.notInInput();
    public Value<Boolean> main = Value.notInInput();
    /** Routes from every source that declares them (inline blocks and standalone route resources). */
    public final List<Route> routes = new ArrayList<>();
    /** Explicit subnet associations. */
    public final List<Value<Ref>> subnets = new ArrayList<>();
    /** Set when the route set itself could not be read (e.g. an unknown inline route list). */
    public Value<Boolean> routesComplete = Value.explicit(true, Provenance.NONE);
    public RouteTable(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.ROUTE_TABLE;
    }
}
