package io.plumbline.source.terraform;

import static io.plumbline.source.terraform.TerraformCorpusFocusTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.Vpc;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: references written with a splat lead to every instance of the resource, like the bare reference; a route
 * added to a VPC's main route table through {@code aws_vpc.X.main_route_table_id} is a route of that table
 * (core/src/test/resources/terraform/verdicts, written by its generate.py).
 */
class SplatAndMainRouteTableTest {

    static Model plan(String name) {
        String path = "verdicts/" + name;
        return Inputs.load(path, TerraformFixturesTest.bytes(path), SourceOptions.DEFAULT);
    }

    private static List<String> subnets(Model m, String address) {
        DbSubnetGroup g = get(m, address, DbSubnetGroup.class);
        assertTrue(g.subnets.isPresent(), () -> address + ": " + g.subnets.note());
        return g.subnets.get().stream().map(Ref::target).toList();
    }

    @Test
    void everySplatFormLeadsToEveryInstance() {
        Model m = plan("splat-forms.tfplan.json");
        List<String> data = List.of("aws_subnet.data[0]", "aws_subnet.data[1]");
        assertEquals(data, subnets(m, "aws_db_subnet_group.splat"), "aws_subnet.data[*].id");
        assertEquals(data, subnets(m, "aws_db_subnet_group.legacy"), "aws_subnet.data.*.id");
        assertEquals(List.of("aws_subnet.data[0]", "aws_subnet.data[1]", "aws_subnet.extra"),
                subnets(m, "aws_db_subnet_group.concat"), "concat(aws_subnet.data[*].id, aws_subnet.extra[*].id)");
        List<String> app = List.of("module.net.aws_subnet.app[0]", "module.net.aws_subnet.app[1]");
        assertEquals(app, subnets(m, "aws_db_subnet_group.through_module"), "module.net.aws_subnet.app[*].id");
        assertEquals(app, subnets(m, "module.net.aws_db_subnet_group.inner"), "aws_subnet.app[*].id in the module");
    }

    @Test
    void aRouteToTheVpcsMainRouteTableIsARouteOfItsMainTable() {
        Model m = plan("main-route-splat.tfplan.json");
        Vpc vpc = get(m, "aws_vpc.main", Vpc.class);
        List<RouteTable> mains = m.all(RouteTable.class).stream().filter(t -> t.main.is(true)).toList();
        assertEquals(1, mains.size(), "one main table: " + mains);
        RouteTable main = mains.get(0);
        assertEquals("aws_vpc.main.main_route_table_id", main.address());
        assertEquals(vpc, m.resolve(main, main.vpc.get(), Vpc.class).orElseThrow());
        assertEquals(1, main.routes.size());
        Route r = main.routes.get(0);
        assertEquals("0.0.0.0/0", r.destinationCidr().get());
        assertEquals(Route.RouteTarget.INTERNET_GATEWAY, r.targetType());
        assertEquals(List.of("aws_route.internet"), main.folded());
        assertTrue(m.diagnostics().stream().noneMatch(d -> d.message().contains("aws_route.internet")),
                () -> "folded without a warning: " + m.diagnostics());
    }

    @Test
    void anAdoptedDefaultRouteTableTakesTheRoutesWrittenToTheVpcsMainTable() {
        Model m = plan("default-route-table.tfplan.json");
        List<RouteTable> tables = m.all(RouteTable.class);
        assertEquals(List.of("aws_default_route_table.main"), tables.stream().map(Resource::address).toList(),
                "no second main table is made");
        RouteTable t = tables.get(0);
        assertTrue(t.main.is(true));
        assertEquals("aws_vpc.main", t.vpc.get().target(), "its VPC, from default_route_table_id's reference");
        assertEquals(1, t.routes.size());
        assertEquals(Route.RouteTarget.INTERNET_GATEWAY, t.routes.get(0).targetType());
    }

    @Test
    void noMainTableIsMadeWhenNothingNamesIt() {
        Model m = plan("splat-forms.tfplan.json");
        assertEquals(List.of(), m.all(RouteTable.class), "a VPC alone keeps its implicit main table");
    }
}
