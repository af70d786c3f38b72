package io.plumbline.model.compute;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EKS cluster. */
public final class EksCluster extends Resource {
    public Value<List<Ref>> subnets = Value.notInInput();
    public Value<List<Ref>> securityGroups = Value.notInInput();
    public Value<Boolean> endpointPublicAccess = Value.notInInput();
    public Value<Boolean> endpointPrivateAccess = Value.notInInput();
    public Value<List<String>> publicAccessCidrs = Value.notInInput();
    public Value<List<String>> encryptedResources = Value.notInInput();
    public Value<Ref> secretsEncryptionKey = Value.notInInput();
    public Value<String> version = Value.notInInput();
    public Value<List<String>> enabledLogTypes = Value.notInInput();
    /** The security group EKS created for the cluster (attached to managed nodes without launch-template groups). */
    public Value<Ref> clusterSecurityGroup = Value.notInInput();
    /** The cluster's OIDC issuer URL ({@code https://oidc.eks.REGION.amazonaws.com/id/...}), for IRSA. */
    public Value<String> oidcIssuer = Value.notInInput();
    public EksCluster(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.EKS_CLUSTER;
    }
}
