package io.plumbline.model.edge;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A CloudFront distribution. */
public final class CloudFrontDistribution extends Resource {
    public Value<Ref> webAcl = Value.notInInput();
    public Value<List<String>> viewerProtocolPolicies = Value.notInInput();
    public Value<String> minimumProtocolVersion = Value.notInInput();
    /** Standard logging's bucket, as CloudFront names it ({@code name.s3.amazonaws.com}) or a bucket of the input; null when off. */
    public Value<Ref> loggingBucket = Value.notInInput();
    public Value<List<String>> originDomains = Value.notInInput();
    public Value<Boolean> enabled = Value.notInInput();
    /** Alternate domain names (CNAMEs) the distribution answers for. */
    public Value<List<String>> aliases = Value.notInInput();
    /** The ACM certificate ARN of the viewer certificate; null with the default *.cloudfront.net certificate. */
    public Value<String> acmCertificateArn = Value.notInInput();
    /** Whether the default *.cloudfront.net certificate is used (then the minimum protocol version is ignored). */
    public Value<Boolean> defaultCertificate = Value.notInInput();
    /** {@code sni-only}, {@code vip} or {@code static-ip}; null with the default certificate. */
    public Value<String> sslSupportMethod = Value.notInInput();
    /** Origin protocol policy of each custom origin ({@code https-only}, {@code match-viewer}, {@code http-only}). */
    public Value<List<String>> originProtocolPolicies = Value.notInInput();
    /** Union of the SSL/TLS protocols CloudFront may use towards custom origins. */
    public Value<List<String>> originSslProtocols = Value.notInInput();
    public CloudFrontDistribution(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.CLOUDFRONT_DISTRIBUTION;
    }
}
