package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.security.IamRole;
import io.plumbline.model.security.OidcProvider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM (a global service: once per account, signed for us-east-1): roles with their trust policies, attached managed
 * policies and tags, and the OpenID Connect providers that IAM roles for service accounts (IRSA) federate with.
 */
public final class IamCollector implements Collector {

    /** Roles with their trust policies, attached policies and tags, a page at a time (no call per role). */
    public static final String GET_ACCOUNT_AUTHORIZATION_DETAILS = "iam:GetAccountAuthorizationDetails";
    public static final String LIST_OPEN_ID_CONNECT_PROVIDERS = "iam:ListOpenIDConnectProviders";
    public static final String GET_OPEN_ID_CONNECT_PROVIDER = "iam:GetOpenIDConnectProvider";

    private static final ObjectMapper JSON = new ObjectMapper();

    private IamClient iam;
    private CollectContext ctx;

    @Override
    public String service() {
        return "iam";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.IAM_ROLE, Kind.OIDC_PROVIDER);
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (IamClient client = clients.build(IamClient.builder(), ctx.region())) {
            this.iam = client;
            List<OidcProvider> providers = ctx.collect(Kind.OIDC_PROVIDER, "IAM OpenID Connect providers",
                    LIST_OPEN_ID_CONNECT_PROVIDERS, this::oidcProviders);
            for (OidcProvider o : providers) provider(o);
            ctx.collect(Kind.IAM_ROLE, "IAM roles", GET_ACCOUNT_AUTHORIZATION_DETAILS, this::roles);
        }
    }

    // ------------------------------------------------------------------ OIDC providers

    /** ListOpenIDConnectProviders (one call, not paginated by AWS). */
    public List<OidcProvider> oidcProviders() {
        List<OidcProvider> out = new ArrayList<>();
        for (var e : iam.listOpenIDConnectProviders(b -> { }).openIDConnectProviderList()) {
            String arn = e.arn();
            Provenance p = ctx.at(arn, LIST_OPEN_ID_CONNECT_PROVIDERS);
            OidcProvider o = new OidcProvider(arn, "iam:OpenIDConnectProvider", p);
            o.awsId = v(arn, p);
            o.region = v(ctx.region(), p);
            o.addAlias(arn);
            // arn:aws:iam::ACCOUNT:oidc-provider/oidc.eks.REGION.amazonaws.com/id/XXXX: the part after the type is
            // the issuer without scheme, which is also how IAM stores the URL.
            int slash = arn.indexOf(":oidc-provider/");
            if (slash >= 0) {
                String issuer = arn.substring(slash + ":oidc-provider/".length());
                o.addAlias(issuer);
                o.addAlias("https://" + issuer);
            }
            out.add(o);
        }
        return out;
    }

    private void provider(OidcProvider o) {
        Value<GetOpenIdConnectProviderResponse> got = ctx.read(GET_OPEN_ID_CONNECT_PROVIDER, o.location(),
                () -> iam.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(o.address())));
        Provenance p = got.provenance();
        if (!got.isPresent()) {
            o.url = Value.unknown(got.note(), p);
            o.clientIds = Value.unknown(got.note(), p);
            o.thumbprints = Value.unknown(got.note(), p);
            o.tags = Value.unknown(got.note(), p);
            return;
        }
        GetOpenIdConnectProviderResponse x = got.get();
        String url = stripScheme(x.url());
        o.url = v(url, p);
        o.name = v(url, p);
        o.addAlias(url);
        o.clientIds = v(List.copyOf(x.clientIDList()), p);
        o.thumbprints = v(List.copyOf(x.thumbprintList()), p);
        o.tags = v(tags(x.tags()), p);
    }

    /** IAM stores the issuer without {@code https://}; some emulators and older providers keep it. */
    static String stripScheme(String url) {
        if (url == null) return null;
        return url.startsWith("https://") ? url.substring("https://".length()) : url;
    }

    // ------------------------------------------------------------------ roles

    public List<IamRole> roles() {
        List<IamRole> out = new ArrayList<>();
        for (var page : iam.getAccountAuthorizationDetailsPaginator(b -> b.filter(EntityType.ROLE))) {
            for (RoleDetail x : page.roleDetailList()) out.add(role(x));
        }
        return out;
    }

    private IamRole role(RoleDetail x) {
        String arn = x.arn();
        Provenance p = ctx.at(arn, GET_ACCOUNT_AUTHORIZATION_DETAILS);
        IamRole r = new IamRole(arn, "iam:Role", p);
        r.awsId = v(arn, p);
        r.name = v(x.roleName(), p);
        r.region = v(ctx.region(), p);
        r.addAlias(arn);
        r.addAlias(x.roleName());
        r.addAlias(x.roleId());
        r.path = v(x.path(), p);
        String doc = decode(x.assumeRolePolicyDocument());
        r.trustPolicy = v(doc, p);
        r.federatedPrincipals = federatedPrincipals(doc, p);
        r.tags = v(tags(x.tags()), p);
        List<String> arns = new ArrayList<>();
        for (var a : x.attachedManagedPolicies()) arns.add(a.policyArn());
        arns.sort(null); // the API's order is not defined; reports compare byte for byte
        r.managedPolicies = v(List.copyOf(arns), p);
        return r;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        if (tags != null) for (Tag t : tags) m.put(t.key(), t.value());
        return m;
    }

    /** IAM returns policy documents URL-encoded (RFC 3986); a document that is already JSON is kept as it is. */
    static String decode(String doc) {
        if (doc == null) return null;
        String t = doc.trim();
        if (t.startsWith("{")) return doc;
        return URLDecoder.decode(doc, StandardCharsets.UTF_8);
    }

    /**
     * The {@code Principal.Federated} entries of the trust policy's Allow statements, as references (OIDC provider
     * ARNs resolve to {@link OidcProvider}s). A document that cannot be parsed makes the list unknown.
     */
    static Value<List<Ref>> federatedPrincipals(String doc, Provenance p) {
        if (doc == null) return v(List.of(), p);
        JsonNode root;
        try {
            root = JSON.readTree(doc);
        } catch (Exception e) {
            return Value.unknown("the trust policy is not JSON: " + e.getMessage(), p);
        }
        Set<String> out = new LinkedHashSet<>();
        JsonNode statements = root.path("Statement");
        List<JsonNode> all = new ArrayList<>();
        if (statements.isArray()) statements.forEach(all::add);
        else if (statements.isObject()) all.add(statements);
        for (JsonNode s : all) {
            if (!"Allow".equals(s.path("Effect").asText())) continue;
            JsonNode fed = s.path("Principal").path("Federated");
            if (fed.isTextual()) out.add(fed.asText());
            else if (fed.isArray()) fed.forEach(f -> out.add(f.asText()));
        }
        return v(out.stream().map(Ref::new).toList(), p);
    }
}
