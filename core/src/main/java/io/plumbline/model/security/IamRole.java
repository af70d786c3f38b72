package io.plumbline.model.security;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An IAM role: its trust policy (who may assume it) and the managed policies attached to it. */
public final class IamRole extends Resource {
    public Value<String> path = Value.notInInput();
    /** The assume-role (trust) policy document as JSON text, URL-decoded. */
    public Value<String> trustPolicy = Value.notInInput();
    /**
     * The federated principals the trust policy allows to assume the role (OIDC provider ARNs for IRSA, SAML
     * providers...), in document order: references that resolve to {@link OidcProvider}s.
     */
    public Value<List<Ref>> federatedPrincipals = Value.notInInput();
    /** ARNs of the managed policies attached to the role. */
    public Value<List<String>> managedPolicies = Value.notInInput();
    public IamRole(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.IAM_ROLE;
    }
}
