package io.plumbline.model.security;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An IAM OpenID Connect identity provider (for EKS: IAM roles for service accounts). */
public final class OidcProvider extends Resource {
    /** The issuer URL as IAM stores it: without {@code https://} (EKS reports the issuer with it). */
    public Value<String> url = Value.notInInput();
    /** Audiences (client ids); IRSA needs {@code sts.amazonaws.com}. */
    public Value<List<String>> clientIds = Value.notInInput();
    public Value<List<String>> thumbprints = Value.notInInput();
    public OidcProvider(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.OIDC_PROVIDER;
    }
}
