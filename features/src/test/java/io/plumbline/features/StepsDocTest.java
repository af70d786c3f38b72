package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.features.check.AttributePath;
import io.plumbline.features.check.Kinds;
import io.plumbline.model.Kind;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EbsVolume;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.edge.Route53HealthCheck;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.EcrRepository;
import io.plumbline.model.ops.LogGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.Secret;
import io.plumbline.model.security.WafWebAcl;
import io.plumbline.model.storage.S3Bucket;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** STEPS.md lists, for every resource kind, the attributes a feature can name: it must match the model. */
class StepsDocTest {
    static final Map<Kind, Class<?>> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put(Kind.VPC, Vpc.class);
        CLASSES.put(Kind.SUBNET, Subnet.class);
        CLASSES.put(Kind.ROUTE_TABLE, RouteTable.class);
        CLASSES.put(Kind.INTERNET_GATEWAY, InternetGateway.class);
        CLASSES.put(Kind.NAT_GATEWAY, NatGateway.class);
        CLASSES.put(Kind.NETWORK_ACL, NetworkAcl.class);
        CLASSES.put(Kind.SECURITY_GROUP, SecurityGroup.class);
        CLASSES.put(Kind.INSTANCE, Instance.class);
        CLASSES.put(Kind.LOAD_BALANCER, LoadBalancer.class);
        CLASSES.put(Kind.EKS_CLUSTER, EksCluster.class);
        CLASSES.put(Kind.NODE_GROUP, NodeGroup.class);
        CLASSES.put(Kind.AUTO_SCALING_GROUP, AutoScalingGroup.class);
        CLASSES.put(Kind.LAUNCH_TEMPLATE, LaunchTemplate.class);
        CLASSES.put(Kind.EBS_VOLUME, EbsVolume.class);
        CLASSES.put(Kind.DB_CLUSTER, DbCluster.class);
        CLASSES.put(Kind.DB_INSTANCE, DbInstance.class);
        CLASSES.put(Kind.DB_SUBNET_GROUP, DbSubnetGroup.class);
        CLASSES.put(Kind.CACHE_REPLICATION_GROUP, CacheReplicationGroup.class);
        CLASSES.put(Kind.CACHE_SUBNET_GROUP, CacheSubnetGroup.class);
        CLASSES.put(Kind.KMS_KEY, KmsKey.class);
        CLASSES.put(Kind.S3_BUCKET, S3Bucket.class);
        CLASSES.put(Kind.SECRET, Secret.class);
        CLASSES.put(Kind.ECR_REPOSITORY, EcrRepository.class);
        CLASSES.put(Kind.CLOUDFRONT_DISTRIBUTION, CloudFrontDistribution.class);
        CLASSES.put(Kind.WAF_WEB_ACL, WafWebAcl.class);
        CLASSES.put(Kind.ROUTE53_HEALTH_CHECK, Route53HealthCheck.class);
        CLASSES.put(Kind.LOG_GROUP, LogGroup.class);
        CLASSES.put(Kind.BACKUP_VAULT, io.plumbline.model.ops.BackupVault.class);
        CLASSES.put(Kind.GLOBAL_CLUSTER, io.plumbline.model.data.GlobalCluster.class);
        CLASSES.put(Kind.BACKUP_PLAN, BackupPlan.class);
        CLASSES.put(Kind.DB_CLUSTER_SNAPSHOT, io.plumbline.model.data.DbClusterSnapshot.class);
        CLASSES.put(Kind.DB_CLUSTER_PARAMETER_GROUP, io.plumbline.model.data.DbClusterParameterGroup.class);
        CLASSES.put(Kind.EBS_ENCRYPTION_DEFAULT, io.plumbline.model.compute.EbsEncryptionDefault.class);
        CLASSES.put(Kind.IAM_ROLE, io.plumbline.model.security.IamRole.class);
        CLASSES.put(Kind.OIDC_PROVIDER, io.plumbline.model.security.OidcProvider.class);
        CLASSES.put(Kind.CONFIG_RECORDER, io.plumbline.model.ops.ConfigRecorder.class);
        CLASSES.put(Kind.ACCOUNT_PUBLIC_ACCESS_BLOCK, io.plumbline.model.storage.AccountPublicAccessBlock.class);
        CLASSES.put(Kind.BUCKET_WRITER, io.plumbline.model.storage.BucketWriter.class);
        CLASSES.put(Kind.ECR_REPLICATION_CONFIGURATION, io.plumbline.model.ops.EcrReplicationConfiguration.class);
    }

    static String table() {
        StringBuilder sb = new StringBuilder("| kind (and its other names) | attributes | nested records (`X of their Y`) |\n");
        sb.append("|---|---|---|\n");
        Set<String> common = new TreeSet<>(List.of("name", "awsId", "tags", "region", "change"));
        for (Map.Entry<Kind, Class<?>> e : CLASSES.entrySet()) {
            List<String> attrs = new ArrayList<>();
            List<String> nested = new ArrayList<>();
            for (String n : AttributePath.names(e.getValue())) {
                if (common.contains(n)) continue;
                attrs.add("`" + n + "`");
                Class<?> record = recordOf(e.getValue(), n);
                if (record != null) {
                    nested.add("`" + n + "`: " + String.join(", ", AttributePath.names(record).stream()
                            .map(x -> "`" + x + "`").toList()));
                }
            }
            sb.append("| ").append(Kinds.label(e.getKey())).append(" | ").append(String.join(", ", attrs)).append(" | ")
                    .append(nested.isEmpty() ? "" : String.join("; ", nested)).append(" |\n");
        }
        return sb.toString();
    }

    private static Class<?> recordOf(Class<?> type, String field) {
        try {
            Field f = type.getField(field);
            Type t = f.getGenericType();
            while (t instanceof ParameterizedType p) {
                Type arg = p.getActualTypeArguments()[0];
                if (arg instanceof Class<?> c) return c.isRecord() && c != io.plumbline.model.Ref.class ? c : null;
                t = arg;
            }
            return null;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    @Test
    void everyKindIsDocumented() {
        for (Kind k : Kind.values()) assertTrue(k == Kind.GENERIC || CLASSES.containsKey(k), k::name);
    }

    @Test
    void theAttributeTableMatchesTheModel() throws IOException {
        Path doc = Path.of(System.getProperty("plumbline.root", "."), "features", "STEPS.md");
        if (!Files.exists(doc)) doc = Path.of("STEPS.md");
        String text = Files.readString(doc);
        String begin = "<!-- attributes:begin -->\n";
        String end = "<!-- attributes:end -->";
        int i = text.indexOf(begin);
        int j = text.indexOf(end);
        assertTrue(i >= 0 && j > i, "STEPS.md has the attributes markers");
        if (Boolean.getBoolean("plumbline.golden.refresh")) {
            Files.writeString(doc, text.substring(0, i + begin.length()) + table() + text.substring(j));
            return;
        }
        assertEquals(table(), text.substring(i + begin.length(), j),
                "STEPS.md's attribute table is out of date: replace it with the expected text (or run this test with "
                        + "-Dplumbline.golden.refresh=true)");
    }
}
