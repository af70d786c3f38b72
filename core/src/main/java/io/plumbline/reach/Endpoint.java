package io.plumbline.reach;

import io.plumbline.model.Resource;

/**
 * Something that sends or receives traffic: the internet, or a resource that carries network interfaces (load
 * balancer, node group, instance, DB cluster or instance, cache, NAT gateway), placed in a tier.
 *
 * @param id the resource's address, or {@code internet}
 * @param tier the tier name from the profile: {@code internet}, {@code public}, {@code app}, {@code data}, ...
 * @param resource the model resource, null for the internet
 * @param how how the tier was decided, e.g. {@code data: tag plumbline:tier = data on aws_rds_cluster.main} or
 *            {@code app: the tier of an EKS node group (no tier tag ...)}, with any conflicting evidence ({@link Tiers})
 */
public record Endpoint(String id, String tier, Resource resource, String how) {
    public static final String INTERNET = "internet";

    public Endpoint(String id, String tier, Resource resource) {
        this(id, tier, resource, null);
    }

    public boolean isInternet() {
        return resource == null;
    }

    @Override
    public String toString() {
        return id + " (" + tier + ")";
    }
}
