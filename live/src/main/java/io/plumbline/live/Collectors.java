package io.plumbline.live;

import io.plumbline.live.collect.AutoScalingCollector;
import io.plumbline.live.collect.BackupCollector;
import io.plumbline.live.collect.CloudFrontCollector;
import io.plumbline.live.collect.CloudTrailCollector;
import io.plumbline.live.collect.CodeBuildCollector;
import io.plumbline.live.collect.CodePipelineCollector;
import io.plumbline.live.collect.Collector;
import io.plumbline.live.collect.ConfigCollector;
import io.plumbline.live.collect.Ec2Collector;
import io.plumbline.live.collect.Ec2ComputeCollector;
import io.plumbline.live.collect.EcrCollector;
import io.plumbline.live.collect.ElastiCacheCollector;
import io.plumbline.live.collect.FlowLogCollector;
import io.plumbline.live.collect.EksCollector;
import io.plumbline.live.collect.Elbv2Collector;
import io.plumbline.live.collect.IamCollector;
import io.plumbline.live.collect.KmsCollector;
import io.plumbline.live.collect.LogsCollector;
import io.plumbline.live.collect.RdsCollector;
import io.plumbline.live.collect.Route53Collector;
import io.plumbline.live.collect.S3Collector;
import io.plumbline.live.collect.SecretsManagerCollector;
import io.plumbline.live.collect.WafV2Collector;
import java.util.List;
import java.util.function.Supplier;

/** Every collector of the live source, one fresh instance per account × region task. */
public final class Collectors {

    private Collectors() {
    }

    public static List<Supplier<Collector>> all() {
        return List.of(Ec2Collector::new, Ec2ComputeCollector::new, Elbv2Collector::new, AutoScalingCollector::new,
                EksCollector::new, RdsCollector::new, ElastiCacheCollector::new, KmsCollector::new, S3Collector::new,
                SecretsManagerCollector::new, EcrCollector::new,
                CloudFrontCollector::new, WafV2Collector::regional, WafV2Collector::cloudFront, Route53Collector::new,
                BackupCollector::new, LogsCollector::new, IamCollector::new, ConfigCollector::new, FlowLogCollector::new,
                CloudTrailCollector::new, CodePipelineCollector::new, CodeBuildCollector::new);
    }
}
