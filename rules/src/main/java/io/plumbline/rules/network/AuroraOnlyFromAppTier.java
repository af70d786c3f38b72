package io.plumbline.rules.network;

import io.plumbline.model.Kind;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NET-007, a path rule (rule catalog §11, intent rows 8, 11, 12, 15): every DB cluster (Aurora; its instances' endpoints
 * count as the cluster's) and every standalone DB instance is reachable only on its port over tcp and only from the app
 * tier, and the app tier does reach it there. One finding per cluster (or standalone instance); the judgement is
 * {@link DataTierAccess}'s:
 * <ul>
 *   <li>the intent — the engine's port (PostgreSQL 5432, MySQL/MariaDB and Aurora MySQL 3306, Oracle 1521, SQL Server
 *   1433) within the profile's flows {@code app -> data} — is ALLOWED from some app endpoint (else FAIL: the intent
 *   is broken);</li>
 *   <li>app endpoints reach it with nothing else;</li>
 *   <li>nothing outside the app tier reaches it: internet, public (ALB), egress (NAT), other data services.</li>
 * </ul>
 * The model does not carry the cluster's {@code port} yet, so a cluster on a non-default port is judged on the
 * default one (the rule says which port it used in the evidence). Mappings: Security Hub RDS.23 and cdk-nag
 * AwsSolutions-RDS11 ask for a non-default port, which the reference design does not want, so they are not mapped.
 */
@RuleInfo(
        id = "NET-007",
        title = "Aurora is reachable only on tcp/<cluster port> (5432) and only from the app tier",
        severity = Severity.CRITICAL,
        group = "network-paths",
        rationale = "The data tier must have exactly one client.",
        remediation = "Give the cluster its own security group (vpc_security_group_ids / VpcSecurityGroupIds; absent "
                + "means the VPC default group) that admits only the node security group on the cluster port; no "
                + "CIDR sources (a VPC CIDR lets the public subnets in), no ALB or NAT path; keep the data NACL to the "
                + "app subnets on that port; and make sure the app tier's path on that port is open.",
        controls = {"NIST AC-4?", "NIST SC-7?", "NAG AwsSolutions-RDS8"},
        // the reachability engine: the network layers and every kind that can be a path's endpoint
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class AuroraOnlyFromAppTier implements Rule {
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put("postgres", 5432);
        PORTS.put("mysql", 3306);
        PORTS.put("mariadb", 3306);
        PORTS.put("oracle", 1521);
        PORTS.put("sqlserver", 1433);
        PORTS.put("db2", 50000);
    }

    @Override
    public void check(RuleContext ctx) {
        DataTierAccess.check(ctx, "Aurora", r -> service(ctx, r), r -> port(ctx, r));
    }

    /** The cluster of an instance (when it resolves), the cluster itself, or a standalone instance. */
    private static Resource service(RuleContext ctx, Resource r) {
        if (r instanceof DbCluster) return r;
        if (r instanceof DbInstance i) {
            if (i.cluster.isPresent()) {
                Resource c = ctx.model().resolve(i, i.cluster.get(), DbCluster.class).orElse(null);
                if (c != null) return c;
            }
            return i;
        }
        return null;
    }

    private static DataTierAccess.Port port(RuleContext ctx, Resource service) {
        Value<String> engine = service instanceof DbCluster c ? c.engine : ((DbInstance) service).engine;
        Value<Integer> declared = service instanceof DbCluster c ? c.port : Value.notInInput();
        if (service instanceof DbInstance i && i.cluster.isPresent()) {
            DbCluster c = ctx.model().resolve(i, i.cluster.get(), DbCluster.class).orElse(null);
            if (c != null) {
                declared = c.port;
                if (!engine.isPresent()) engine = c.engine;
            }
        }
        // "aurora" alone is Aurora MySQL 5.6.
        if (engine.isPresent() && engine.get().trim().equalsIgnoreCase("aurora")) {
            engine = engine.map(e -> "aurora-mysql");
        }
        return DataTierAccess.port(service, declared, engine, PORTS, null, null);
    }
}
