package io.plumbline.rules.network;

import io.plumbline.model.Kind;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NET-008, a path rule (rule catalog §11, intent rows 9, 11, 12, 15): every ElastiCache replication group (or
 * serverless cache) is reachable only on its port over tcp and only from the app tier, and the app tier does reach it
 * there. One finding per group; the judgement is {@link DataTierAccess}'s, as NET-007's:
 * <ul>
 *   <li>the intent — the engine's port (Redis OSS and Valkey 6379, Memcached 11211; a replication group without an
 *   engine is Redis OSS, the only engines with replication groups being Redis OSS and Valkey) within the profile's
 *   flows {@code app -> data} — is ALLOWED from some app endpoint (else FAIL: the intent is broken);</li>
 *   <li>app endpoints reach it with nothing else;</li>
 *   <li>nothing outside the app tier reaches it: internet, public (ALB), egress (NAT), other data services; a
 *   security-group rule admitting the VPC CIDR lets the public subnets in and fails here.</li>
 * </ul>
 * The model does not carry the group's {@code port} yet, so a group on a non-default port is judged on the default one.
 * cdk-nag AwsSolutions-AEC5 asks for a non-default port, which the reference design does not want: not mapped.
 */
@RuleInfo(
        id = "NET-008",
        title = "Redis is reachable only on tcp/<port> (6379) and only from the app tier",
        severity = Severity.CRITICAL,
        group = "network-paths",
        rationale = "The data tier must have exactly one client; the cache holds sessions and application data.",
        remediation = "Give the replication group its own security group (security_group_ids / SecurityGroupIds; "
                + "absent means the VPC default group) that admits only the node security group on the group's port; "
                + "no CIDR sources such as the VPC CIDR, no ALB or NAT path; keep the data NACL to the app subnets on "
                + "that port; and make sure the app tier's path on that port is open.",
        controls = {"NIST AC-4?", "NIST SC-7?", "CKV CKV_AWS_196"},
        // the reachability engine: the network layers and every kind that can be a path's endpoint
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class RedisOnlyFromAppTier implements Rule {
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put("redis", 6379);
        PORTS.put("valkey", 6379);
        PORTS.put("memcached", 11211);
    }

    @Override
    public void check(RuleContext ctx) {
        DataTierAccess.check(ctx, "Redis", r -> r instanceof CacheReplicationGroup ? r : null, r -> {
            CacheReplicationGroup g = (CacheReplicationGroup) r;
            return g.serverless
                    ? DataTierAccess.port(g, g.port, g.engine, PORTS, null, null)
                    : DataTierAccess.port(g, g.port, g.engine, PORTS, 6379,
                    "a replication group runs Redis OSS or Valkey: default");
        });
    }
}
