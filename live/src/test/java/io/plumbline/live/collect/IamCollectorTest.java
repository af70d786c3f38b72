package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.Clients;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedEdge;
import io.plumbline.model.Certainty;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.security.IamRole;
import io.plumbline.model.security.OidcProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class IamCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static IamRole role(Model m, String name) {
        return m.all(IamRole.class).stream().filter(r -> r.name.is(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no role " + name));
    }

    @Test
    void oidcProviderAndIrsaTrustPoliciesAreRead() {
        assertTrue(new IamCollector().global());
        String providerArn = SeedEdge.irsa(moto);
        CollectContext ctx = new CollectContext(SeedEdge.ACCOUNT, Clients.GLOBAL_REGION);
        new IamCollector().collect(new Clients(moto.options()), ctx);
        assertTrue(ctx.notCollected().isEmpty(), () -> "not collected: " + ctx.notCollected());
        Model m = new Model(ctx.resources(), List.of(), ctx.diagnostics());

        OidcProvider p = m.all(OidcProvider.class).get(0);
        assertEquals(Kind.OIDC_PROVIDER, p.kind());
        assertEquals(providerArn, p.address());
        assertEquals("arn:aws:iam::123456789012:oidc-provider/" + SeedEdge.ISSUER, providerArn);
        // IAM keeps the issuer without https:// (EKS reports it with): the form IRSA condition keys use.
        assertEquals(SeedEdge.ISSUER, p.url.get());
        assertEquals(List.of("sts.amazonaws.com"), p.clientIds.get());
        assertEquals(List.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"), p.thumbprints.get());
        assertEquals(IamCollector.GET_OPEN_ID_CONNECT_PROVIDER, p.clientIds.provenance().operation());
        assertEquals(providerArn, p.clientIds.provenance().arn());
        assertEquals(Map.of("cluster", "platform"), p.tags.get());
        assertTrue(p.aliases().contains("https://" + SeedEdge.ISSUER), "an EKS issuer URL resolves to the provider");

        IamRole pinned = role(m, "orders-irsa");
        assertEquals(Kind.IAM_ROLE, pinned.kind());
        assertEquals("arn:aws:iam::123456789012:role/irsa/orders-irsa", pinned.address());
        assertEquals("/irsa/", pinned.path.get());
        assertEquals(List.of(new Ref(providerArn)), pinned.federatedPrincipals.get());
        assertSame(p, m.resolve(pinned, pinned.federatedPrincipals.get().get(0), OidcProvider.class).orElseThrow());
        assertTrue(pinned.trustPolicy.get().contains(SeedEdge.ISSUER + ":sub"), pinned.trustPolicy.get());
        assertTrue(pinned.trustPolicy.get().contains("system:serviceaccount:orders:api"));
        assertTrue(pinned.trustPolicy.get().trim().startsWith("{"), "URL-decoded JSON");
        assertEquals(IamCollector.GET_ACCOUNT_AUTHORIZATION_DETAILS, pinned.trustPolicy.provenance().operation());
        assertEquals(Map.of("team", "orders"), pinned.tags.get());
        assertEquals(List.of(), pinned.managedPolicies.get());

        IamRole wide = role(m, "wide-irsa");
        assertEquals(List.of(new Ref(providerArn)), wide.federatedPrincipals.get());
        assertTrue(wide.trustPolicy.get().contains("StringLike"));

        IamRole node = role(m, "eks-node");
        assertEquals(List.of(), node.federatedPrincipals.get());
        assertEquals(List.of("arn:aws:iam::123456789012:policy/ecr-read-only",
                "arn:aws:iam::123456789012:policy/eks-worker-node"), node.managedPolicies.get());
        assertEquals(IamCollector.GET_ACCOUNT_AUTHORIZATION_DETAILS, node.managedPolicies.provenance().operation());
    }

    @Test
    void trustPoliciesAreUrlDecodedAndParsed() {
        String encoded = "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Federated"
                + "%22%3A%5B%22arn%3Aaws%3Aiam%3A%3A1%3Aoidc-provider%2Fa%22%2C%22arn%3Aaws%3Aiam%3A%3A1%3Asaml-provider"
                + "%2Fb%22%5D%7D%7D%2C%7B%22Effect%22%3A%22Deny%22%2C%22Principal%22%3A%7B%22Federated%22%3A%22x%22%7D%7D"
                + "%5D%7D";
        String doc = IamCollector.decode(encoded);
        assertTrue(doc.startsWith("{\"Statement\""), doc);
        var refs = IamCollector.federatedPrincipals(doc, Provenance.NONE);
        assertEquals(List.of(new Ref("arn:aws:iam::1:oidc-provider/a"), new Ref("arn:aws:iam::1:saml-provider/b")),
                refs.get(), "Allow statements only, arrays of principals");
        // A literal '+' in an already-decoded document is kept.
        assertEquals("{\"a\":\"x+y\"}", IamCollector.decode("{\"a\":\"x+y\"}"));
        assertEquals(Certainty.UNKNOWN, IamCollector.federatedPrincipals("{not json", Provenance.NONE).certainty());
    }
}
