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
    public Value<String> loggingBucket = Value.notInInput();
    public Value<List<String>> originDomains = Value.notInInput();
    public Value<Boolean> enabled = Value.notInInput();
    public CloudFrontDistribution(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.CLOUDFRONT_DISTRIBUTION;
    }
}
