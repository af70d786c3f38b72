package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.*;
import static io.plumbline.rules.multiaz.Placed.subnet;
import static io.plumbline.rules.multiaz.Placed.vpc;

import io.plumbline.model.Defaults;
import io.plumbline.model.Resource;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.Value;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.RouteTable;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbSubnetGroupDataTierAcrossAzsTest {
    private final DbSubnetGroupDataTierAcrossAzs rule = new DbSubnetGroupDataTierAcrossAzs();

    private static DbSubnetGroup group(String name, String... subnets) {
        DbSubnetGroup g = new DbSubnetGroup("aws_db_subnet_group." + name, "aws_db_subnet_group", at());
        g.subnets = refs(subnets);
        g.addAlias(name);
        return g;
    }

    private static DbCluster cluster(String name, String group) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.engine = explicit("aurora-postgresql");
        c.subnetGroup = group == null ? defaulted(Defaults.RDS_DEFAULT_SUBNET_GROUP) : ref(group);
        return c;
    }

    private io.plumbline.engine.Result runWith(Resource... more) {
        List<Resource> all = new ArrayList<>(List.of(vpc("main"),
                subnet("data_a", "main", "data", "eu-west-1a"), subnet("data_b", "main", "data", "eu-west-1b"),
                subnet("data_c", "main", "data", "eu-west-1c"), subnet("pub_c", "main", "public", "eu-west-1c"),
                group("good", "aws_subnet.data_a", "aws_subnet.data_b", "aws_subnet.data_c"),
                group("two", "aws_subnet.data_a", "aws_subnet.data_b"),
                group("exposed", "aws_subnet.data_a", "aws_subnet.data_b", "aws_subnet.pub_c")));
        all.addAll(List.of(more));
        return run(rule, all.toArray(Resource[]::new));
    }

    @Test
    void privateDataSubnetsInThreeAzsPass() {
        expect(runWith(cluster("ok", "aws_db_subnet_group.good")), "aws_rds_cluster.ok", Status.PASS);
    }

    @Test
    void twoAzsOrAPublicSubnetFail() {
        expect(runWith(cluster("two", "two")), "aws_rds_cluster.two", Status.FAIL, "spans only 2 AZs");
        expect(runWith(cluster("exposed", "aws_db_subnet_group.exposed")), "aws_rds_cluster.exposed", Status.FAIL,
                "aws_subnet.pub_c is not a private data subnet");
    }

    @Test
    void aDataTagDoesNotMakeASubnetRoutedToTheInternetPrivate() {
        InternetGateway igw = new InternetGateway("aws_internet_gateway.main", "aws_internet_gateway", at());
        igw.vpc = ref("aws_vpc.main");
        RouteTable rt = new RouteTable("aws_route_table.open", "aws_route_table", at());
        rt.vpc = ref("aws_vpc.main");
        rt.routes.add(new Route(explicit("0.0.0.0/0"), Value.notInInput(), Value.notInInput(),
                Route.RouteTarget.INTERNET_GATEWAY, ref("aws_internet_gateway.main"), Value.notInInput(), at()));
        rt.subnets.add(ref("aws_subnet.data_c"));
        expect(runWith(igw, rt, cluster("ok", "aws_db_subnet_group.good")), "aws_rds_cluster.ok", Status.FAIL,
                "aws_subnet.data_c is public", "sends 0.0.0.0/0 to");
    }

    @Test
    void theDefaultGroupFailsAndAGroupElsewhereIsUnknown() {
        expect(runWith(cluster("dflt", null)), "aws_rds_cluster.dflt", Status.FAIL, "default");
        expect(runWith(cluster("shared", "shared-db-subnets")), "aws_rds_cluster.shared", Status.UNKNOWN,
                "not in the input");
        DbCluster later = cluster("later", "x");
        later.subnetGroup = unknown("known only after apply");
        expect(runWith(later), "aws_rds_cluster.later", Status.UNKNOWN, "known only after apply");
    }
}
