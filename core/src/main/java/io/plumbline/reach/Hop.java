package io.plumbline.reach;

import io.plumbline.model.Provenance;

/**
 * One step of a witness path, modelled on Reachability Analyzer's path components: which layer, which element of it
 * (the exact SG rule, NACL entry number, route), what it decided, where it is declared, and an explanation code
 * ({@code ENI_SG_RULES_MISMATCH}, {@code SUBNET_ACL_RESTRICTION}, {@code NO_ROUTE_TO_DESTINATION}, ...) when it blocks
 * or cannot decide.
 */
public record Hop(Layer layer, String component, String element, Decision decision, Provenance location, String code) {

    public enum Layer {
        SOURCE_SECURITY_GROUP_EGRESS, SOURCE_SUBNET_ACL_OUTBOUND, ROUTE, INTERNET_GATEWAY, LOAD_BALANCER_LISTENER,
        DESTINATION_SUBNET_ACL_INBOUND, DESTINATION_SECURITY_GROUP_INGRESS, RETURN_SUBNET_ACL, PLACEMENT
    }

    public enum Decision { ALLOW, DENY, UNKNOWN }

    @Override
    public String toString() {
        return layer + " " + component + ": " + element + " -> " + decision + (code == null ? "" : " (" + code + ")")
                + (location == null || location == Provenance.NONE ? "" : " @ " + location.display());
    }
}
