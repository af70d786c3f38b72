package io.plumbline.source.terraform;

import io.plumbline.model.ChangeAction;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.util.ArrayList;
import java.util.List;

/** Which model kind each Terraform type becomes, and small helpers shared by the mappings. */
final class Mappings {
    private Mappings() {
    }

    /** Maps one managed resource; returns null when it is to be folded into another one. */
    static Resource map(PlanReader p, PlanReader.Res x) {
        return switch (x.type) {
            case "aws_vpc", "aws_default_vpc" -> NetworkMapping.vpc(p, x);
            case "aws_subnet", "aws_default_subnet" -> NetworkMapping.subnet(p, x);
            case "aws_route_table", "aws_default_route_table" -> NetworkMapping.routeTable(p, x);
            case "aws_route" -> NetworkMapping.route(p, x);
            case "aws_route_table_association" -> NetworkMapping.routeTableAssociation(p, x);
            case "aws_main_route_table_association" -> NetworkMapping.mainRouteTableAssociation(p, x);
            case "aws_internet_gateway" -> NetworkMapping.internetGateway(p, x);
            case "aws_internet_gateway_attachment" -> NetworkMapping.internetGatewayAttachment(p, x);
            case "aws_nat_gateway" -> NetworkMapping.natGateway(p, x);
            case "aws_network_acl", "aws_default_network_acl" -> NetworkMapping.networkAcl(p, x);
            case "aws_network_acl_rule" -> NetworkMapping.networkAclRule(p, x);
            case "aws_network_acl_association" -> NetworkMapping.networkAclAssociation(p, x);
            case "aws_security_group", "aws_default_security_group" -> NetworkMapping.securityGroup(p, x);
            case "aws_security_group_rule" -> NetworkMapping.securityGroupRule(p, x);
            case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule" ->
                    NetworkMapping.vpcSecurityGroupRule(p, x);
            case "aws_instance" -> NetworkMapping.instance(p, x);
            case "aws_lb", "aws_alb" -> NetworkMapping.loadBalancer(p, x);
            case "aws_lb_listener", "aws_alb_listener" -> NetworkMapping.listener(p, x);
            case "aws_eks_cluster" -> ComputeMapping.eksCluster(p, x);
            case "aws_eks_node_group" -> ComputeMapping.nodeGroup(p, x);
            case "aws_autoscaling_group" -> ComputeMapping.autoScalingGroup(p, x);
            case "aws_launch_template" -> ComputeMapping.launchTemplate(p, x);
            case "aws_ebs_encryption_by_default" -> ComputeMapping.ebsEncryptionByDefault(p, x);
            case "aws_ebs_default_kms_key" -> ComputeMapping.ebsDefaultKmsKey(p, x);
            case "aws_ebs_volume" -> ComputeMapping.ebsVolume(p, x);
            case "aws_rds_cluster" -> DataMapping.dbCluster(p, x);
            case "aws_rds_cluster_parameter_group" -> DataMapping.clusterParameterGroup(p, x);
            case "aws_rds_cluster_instance" -> DataMapping.clusterInstance(p, x);
            case "aws_rds_global_cluster" -> DataMapping.globalCluster(p, x);
            case "aws_db_instance" -> DataMapping.dbInstance(p, x);
            case "aws_db_subnet_group" -> DataMapping.dbSubnetGroup(p, x);
            case "aws_elasticache_replication_group" -> DataMapping.replicationGroup(p, x);
            case "aws_elasticache_serverless_cache" -> DataMapping.serverlessCache(p, x);
            case "aws_elasticache_subnet_group" -> DataMapping.cacheSubnetGroup(p, x);
            case "aws_kms_key" -> ServiceMapping.kmsKey(p, x);
            case "aws_kms_alias" -> ServiceMapping.kmsAlias(p, x);
            case "aws_kms_key_policy" -> ServiceMapping.kmsKeyPolicy(p, x);
            case "aws_s3_bucket" -> S3Mapping.bucket(p, x);
            case "aws_s3_bucket_versioning", "aws_s3_bucket_server_side_encryption_configuration",
                 "aws_s3_bucket_public_access_block", "aws_s3_bucket_lifecycle_configuration",
                 "aws_s3_bucket_replication_configuration", "aws_s3_bucket_logging", "aws_s3_bucket_policy" ->
                    S3Mapping.split(p, x);
            case "aws_s3_account_public_access_block" -> S3Mapping.accountBlock(p, x);
            case "aws_secretsmanager_secret" -> ServiceMapping.secret(p, x);
            case "aws_secretsmanager_secret_rotation" -> ServiceMapping.secretRotation(p, x);
            case "aws_ecr_repository" -> ServiceMapping.ecrRepository(p, x);
            case "aws_ecr_replication_configuration" -> ReplicationMapping.ecrReplication(p, x);
            case "aws_cloudfront_distribution" -> ServiceMapping.cloudFront(p, x);
            case "aws_wafv2_web_acl" -> ServiceMapping.webAcl(p, x);
            case "aws_route53_health_check" -> ServiceMapping.healthCheck(p, x);
            case "aws_cloudwatch_log_group" -> ServiceMapping.logGroup(p, x);
            case "aws_backup_plan" -> ServiceMapping.backupPlan(p, x);
            case "aws_backup_selection" -> ServiceMapping.backupSelection(p, x);
            case "aws_backup_vault" -> ServiceMapping.backupVault(p, x);
            case "aws_backup_vault_lock_configuration" -> ServiceMapping.backupVaultLock(p, x);
            case "aws_cloudtrail" -> DeliveryMapping.trail(p, x);
            case "aws_flow_log" -> DeliveryMapping.flowLog(p, x);
            case "aws_wafv2_web_acl_logging_configuration" -> DeliveryMapping.wafLogging(p, x);
            case "aws_codepipeline" -> DeliveryMapping.pipeline(p, x);
            case "aws_codebuild_project" -> DeliveryMapping.buildProject(p, x);
            case "aws_rds_export_task" -> DeliveryMapping.rdsExport(p, x);
            default -> p.generic(x);
        };
    }

    /** Whether the plan creates the object now (so computed, unset settings take the service's creation defaults). */
    static boolean creating(PlanReader.Res x) {
        return x.action == ChangeAction.CREATE || x.action == ChangeAction.REPLACE;
    }

    /** A single string as a one-element list; null (not set) as an empty list. */
    static Value<List<String>> listOf(Value<String> v) {
        if (v.isKnown() && v.get() == null) return Value.explicit(List.of(), v.provenance());
        return v.map(List::of);
    }

    /** The first unknown of several links, or null when all are known. */
    static Value<List<Ref>> collect(List<Value<Ref>> links, Provenance place) {
        List<Ref> out = new ArrayList<>(links.size());
        for (Value<Ref> l : links) {
            if (l.isUnknown()) return Value.unknown(l.note(), l.provenance());
            if (l.isPresent()) out.add(l.get());
        }
        return Value.explicit(List.copyOf(out), place);
    }

    /** The resource type named in an address ({@code module.x.aws_subnet.a[0]} → {@code aws_subnet}), or null. */
    static String typeOf(String address) {
        List<String> segs = Addresses.split(address);
        int n = segs.size();
        if (n < 2) return null;
        String type = segs.get(n - 2);
        return type.startsWith("aws_") ? type : null;
    }
}
