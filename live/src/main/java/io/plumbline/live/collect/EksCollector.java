package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.ref;
import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Defaults;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.NodeGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * EKS clusters (endpoint access, subnets, security groups, secrets encryption, logging, OIDC issuer) and their managed
 * node groups (subnets, scaling, capacity type, labels, taints, remote access, launch template). Names come from the
 * List calls, details from the Describe calls; a failed List or Describe leaves its kind out, and node groups cannot be
 * listed without their clusters.
 */
public final class EksCollector implements Collector {

    public static final String LIST_CLUSTERS = "eks:ListClusters";
    public static final String DESCRIBE_CLUSTER = "eks:DescribeCluster";
    public static final String LIST_NODEGROUPS = "eks:ListNodegroups";
    public static final String DESCRIBE_NODEGROUP = "eks:DescribeNodegroup";

    private EksClient eks;
    private CollectContext ctx;

    @Override
    public String service() {
        return "eks";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.EKS_CLUSTER, Kind.NODE_GROUP);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (EksClient client = clients.build(EksClient.builder(), ctx.region())) {
            this.eks = client;
            collectAll();
        }
    }

    private void collectAll() {
        List<String> names = new ArrayList<>();
        ctx.collect(Kind.EKS_CLUSTER, "EKS clusters", LIST_CLUSTERS, () -> {
            for (var page : eks.listClustersPaginator(b -> { })) names.addAll(page.clusters());
            return List.<EksCluster>of();
        });
        if (ctx.failed(LIST_CLUSTERS)) {
            ctx.withdraw(Kind.NODE_GROUP, List.of(), "EKS node groups, because the clusters could not be listed",
                    LIST_CLUSTERS);
            return;
        }
        ctx.collect(Kind.EKS_CLUSTER, "EKS clusters", DESCRIBE_CLUSTER, () -> clusters(names));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        ctx.collect(Kind.NODE_GROUP, "EKS node groups", LIST_NODEGROUPS, () -> {
            for (String c : names) {
                List<String> ng = new ArrayList<>();
                for (var page : eks.listNodegroupsPaginator(b -> b.clusterName(c))) ng.addAll(page.nodegroups());
                groups.put(c, ng);
            }
            return List.<NodeGroup>of();
        });
        if (ctx.failed(LIST_NODEGROUPS)) return;
        ctx.collect(Kind.NODE_GROUP, "EKS node groups", DESCRIBE_NODEGROUP, () -> nodeGroups(groups));
    }

    private static Value<List<Ref>> refs(List<String> ids, Provenance p) {
        return v(ids.stream().map(Ref::new).toList(), p);
    }

    public List<EksCluster> clusters(List<String> names) {
        List<EksCluster> out = new ArrayList<>();
        for (String name : names) {
            Cluster x = eks.describeCluster(b -> b.name(name)).cluster();
            String arn = x.arn();
            Provenance p = ctx.at(arn, DESCRIBE_CLUSTER);
            EksCluster r = new EksCluster(arn, "eks:Cluster", p);
            r.awsId = v(arn, p);
            r.name = v(x.name(), p);
            r.tags = v(Map.copyOf(x.tags()), p);
            r.region = v(ctx.region(), p);
            r.addAlias(arn);
            r.addAlias(x.name());
            var vpc = x.resourcesVpcConfig();
            if (vpc != null) {
                r.subnets = refs(vpc.subnetIds(), p);
                r.securityGroups = refs(vpc.securityGroupIds(), p);
                r.clusterSecurityGroup = ref(vpc.clusterSecurityGroupId(), p);
                r.endpointPublicAccess = v(vpc.endpointPublicAccess(), p);
                r.endpointPrivateAccess = v(vpc.endpointPrivateAccess(), p);
                r.publicAccessCidrs = v(List.copyOf(vpc.publicAccessCidrs()), p);
            } else {
                Value<List<Ref>> none = Value.unknown("DescribeCluster returned no resourcesVpcConfig", p);
                r.subnets = none;
                r.securityGroups = none;
            }
            // as the Terraform source: no encryption config = no resources, no key
            LinkedHashSet<String> resources = new LinkedHashSet<>();
            String key = null;
            for (var e : x.encryptionConfig()) {
                resources.addAll(e.resources());
                if (key == null && e.provider() != null && e.resources().contains("secrets")) key = e.provider().keyArn();
            }
            r.encryptedResources = v(List.copyOf(resources), p);
            r.secretsEncryptionKey = ref(key, p);
            r.version = v(x.version(), p);
            List<String> logTypes = new ArrayList<>();
            if (x.logging() != null) {
                for (var setup : x.logging().clusterLogging()) {
                    if (Boolean.TRUE.equals(setup.enabled())) {
                        for (var t : setup.typesAsStrings()) if (!logTypes.contains(t)) logTypes.add(t);
                    }
                }
            }
            r.enabledLogTypes = v(List.copyOf(logTypes), p);
            r.oidcIssuer = v(x.identity() == null || x.identity().oidc() == null ? null
                    : x.identity().oidc().issuer(), p);
            out.add(r);
        }
        return out;
    }

    public List<NodeGroup> nodeGroups(Map<String, List<String>> byCluster) {
        List<NodeGroup> out = new ArrayList<>();
        for (var e : byCluster.entrySet()) {
            for (String name : e.getValue()) {
                Nodegroup x = eks.describeNodegroup(b -> b.clusterName(e.getKey()).nodegroupName(name)).nodegroup();
                String arn = x.nodegroupArn();
                Provenance p = ctx.at(arn, DESCRIBE_NODEGROUP);
                NodeGroup r = new NodeGroup(arn, "eks:Nodegroup", p);
                r.awsId = v(arn, p);
                r.name = v(x.nodegroupName(), p);
                r.tags = v(Map.copyOf(x.tags()), p);
                r.region = v(ctx.region(), p);
                r.addAlias(arn);
                r.addAlias(x.nodegroupName());
                r.cluster = ref(x.clusterName() != null ? x.clusterName() : e.getKey(), p);
                r.subnets = refs(x.subnets(), p);
                var sc = x.scalingConfig();
                r.minSize = v(sc == null ? null : sc.minSize(), p);
                r.desiredSize = v(sc == null ? null : sc.desiredSize(), p);
                r.maxSize = v(sc == null ? null : sc.maxSize(), p);
                // EKS always reports it; an answer without one is the API default
                r.capacityType = x.capacityTypeAsString() != null ? v(x.capacityTypeAsString(), p)
                        : Value.defaulted(Defaults.EKS_CAPACITY_TYPE, p);
                r.labels = v(Map.copyOf(x.labels()), p);
                if (x.remoteAccess() == null) {
                    r.sshKey = v(null, p);
                    r.sshSourceSecurityGroups = v(List.of(), p);
                } else {
                    r.sshKey = v(x.remoteAccess().ec2SshKey(), p);
                    r.sshSourceSecurityGroups = refs(x.remoteAccess().sourceSecurityGroups(), p);
                }
                var lt = x.launchTemplate();
                r.launchTemplate = ref(lt == null ? null : lt.id() != null ? lt.id() : lt.name(), p);
                r.instanceTypes = v(List.copyOf(x.instanceTypes()), p);
                r.taints = v(x.taints().stream().map(t -> t.key() + "=" + (t.value() == null ? "" : t.value()) + ":"
                        + t.effectAsString()).toList(), p);
                r.autoScalingGroups = x.resources() == null ? v(List.of(), p)
                        : v(x.resources().autoScalingGroups().stream().map(g -> new Ref(g.name())).toList(), p);
                out.add(r);
            }
        }
        return out;
    }
}
