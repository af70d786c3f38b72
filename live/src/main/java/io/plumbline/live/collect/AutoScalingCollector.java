package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;

/** EC2 Auto Scaling groups: placement, sizes, launch template, mixed instances policy (spot share, types). */
public final class AutoScalingCollector implements Collector {

    public static final String DESCRIBE_AUTO_SCALING_GROUPS = "autoscaling:DescribeAutoScalingGroups";

    private AutoScalingClient asg;
    private CollectContext ctx;

    @Override
    public String service() {
        return "autoscaling";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.AUTO_SCALING_GROUP);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (AutoScalingClient client = clients.build(AutoScalingClient.builder(), ctx.region())) {
            this.asg = client;
            ctx.collect(Kind.AUTO_SCALING_GROUP, "Auto Scaling groups", DESCRIBE_AUTO_SCALING_GROUPS, this::groups);
        }
    }

    private static Value<Ref> template(LaunchTemplateSpecification spec, Provenance p) {
        if (spec == null) return v(null, p);
        String id = spec.launchTemplateId() != null ? spec.launchTemplateId() : spec.launchTemplateName();
        return v(id == null ? null : new Ref(id), p);
    }

    public List<AutoScalingGroup> groups() {
        List<AutoScalingGroup> out = new ArrayList<>();
        for (var page : asg.describeAutoScalingGroupsPaginator(b -> { })) {
            for (var x : page.autoScalingGroups()) {
                String arn = x.autoScalingGroupARN() != null ? x.autoScalingGroupARN()
                        : ctx.arn("autoscaling", null, "autoScalingGroup:*:autoScalingGroupName/"
                        + x.autoScalingGroupName());
                Provenance p = ctx.at(arn, DESCRIBE_AUTO_SCALING_GROUPS);
                AutoScalingGroup r = new AutoScalingGroup(arn, "autoscaling:AutoScalingGroup", p);
                Map<String, String> tags = new LinkedHashMap<>();
                for (var t : x.tags()) tags.put(t.key(), t.value());
                r.awsId = v(arn, p);
                r.name = v(x.autoScalingGroupName(), p);
                r.tags = v(tags, p);
                r.region = v(ctx.region(), p);
                r.addAlias(arn);
                r.addAlias(x.autoScalingGroupName());
                String zoneIds = x.vpcZoneIdentifier();
                r.subnets = v(zoneIds == null || zoneIds.isBlank() ? List.of()
                        : Arrays.stream(zoneIds.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(Ref::new).toList(), p);
                r.availabilityZones = v(List.copyOf(x.availabilityZones()), p);
                r.minSize = v(x.minSize(), p);
                r.maxSize = v(x.maxSize(), p);
                r.desiredCapacity = v(x.desiredCapacity(), p);
                var mixed = x.mixedInstancesPolicy();
                if (x.launchTemplate() != null) {
                    r.launchTemplate = template(x.launchTemplate(), p);
                } else if (mixed != null && mixed.launchTemplate() != null) {
                    r.launchTemplate = template(mixed.launchTemplate().launchTemplateSpecification(), p);
                } else {
                    // a launch configuration (or nothing): not a launch template, as the Terraform source says
                    r.launchTemplate = v(null, p);
                }
                var dist = mixed == null ? null : mixed.instancesDistribution();
                // without a policy every instance is on-demand; EC2 Auto Scaling's defaults (100 %, base 0) apply
                // to a policy that leaves them out, and DescribeAutoScalingGroups returns them filled in
                r.onDemandPercentageAboveBase = v(dist == null ? null : dist.onDemandPercentageAboveBaseCapacity(), p);
                r.onDemandBaseCapacity = v(dist == null ? null : dist.onDemandBaseCapacity(), p);
                List<String> types = new ArrayList<>();
                if (mixed != null && mixed.launchTemplate() != null) {
                    for (var o : mixed.launchTemplate().overrides()) if (o.instanceType() != null) types.add(o.instanceType());
                }
                r.instanceTypes = v(List.copyOf(types), p);
                LinkedHashSet<String> zones = new LinkedHashSet<>();
                for (var i : x.instances()) if (i.availabilityZone() != null) zones.add(i.availabilityZone());
                r.instanceAvailabilityZones = v(List.copyOf(zones), p);
                out.add(r);
            }
        }
        return out;
    }
}
