package io.plumbline.model.security;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A WAFv2 web ACL. */
public final class WafWebAcl extends Resource {
    public Value<String> scope = Value.notInInput();
    public Value<String> defaultAction = Value.notInInput();
    public Value<List<String>> managedRuleGroups = Value.notInInput();
    public Value<Integer> ruleCount = Value.notInInput();
    /**
     * Application load balancers a REGIONAL web ACL is associated with (CloudFront distributions link to their ACL
     * themselves, see {@code CloudFrontDistribution.webAcl}).
     */
    public Value<List<Ref>> associatedLoadBalancers = Value.notInInput();
    /** Where the web ACL's logs go (log group, bucket or Firehose ARNs); an empty list when logging is off. */
    public Value<List<String>> loggingDestinations = Value.notInInput();
    public WafWebAcl(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.WAF_WEB_ACL;
    }
}
