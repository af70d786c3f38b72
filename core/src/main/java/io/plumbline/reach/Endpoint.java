package io.plumbline.reach;

import io.plumbline.model.Resource;

/**
 * Something that sends or receives traffic: the internet, or a resource that carries network interfaces (load
 * balancer, node group, instance, DB cluster or instance, cache, NAT gateway), placed in a tier.
 *
 * @param id the resource's address, or {@code internet}
 * @param tier the tier name from the profile: {@code internet}, {@code public}, {@code app}, {@code data}, ...
 * @param resource the model resource, null for the internet
 */
public record Endpoint(String id, String tier, Resource resource) {
    public static final String INTERNET = "internet";

    public boolean isInternet() {
        return resource == null;
    }

    @Override
    public String toString() {
        return id + " (" + tier + ")";
    }
}
