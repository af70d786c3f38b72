@edge
Feature: The edge
  Control intent: the platform's front door filters and encrypts. CloudFront serves viewers over HTTPS only with a
  modern TLS version, behind a web application firewall that blocks with AWS's managed rule groups; the load balancer
  drops malformed headers and cannot be deleted by accident; Route 53 checks the front door's health over HTTPS.

  Not covered here yet: the origin protocol between CloudFront and the load balancer (EDG-004), origin cloaking
  (EDG-005), the listeners' certificates and TLS policies (EDG-006, EDG-007), the regional web ACL's association
  (EDG-009), Shield Advanced (EDG-010), the failover records (EDG-011) and certificates (EDG-012).

  @EDG-001 @high @no-rule-yet @NIST-AC-4 @SH-CloudFront.6
  Scenario: CloudFront has a web application firewall attached
    Given the CloudFront distribution resources
    Then their web ACL is present

  @EDG-002 @high @no-rule-yet @NIST-CM-2 @SH-WAF.10
  Scenario: The web ACLs use AWS's Common and Known Bad Inputs managed rule groups (not proven here: that no group is overridden to count)
    Given the WAF web ACL resources
    Then their managed rule groups include "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"

  @EDG-003 @high @no-rule-yet @NIST-SC-8 @SH-CloudFront.3
  Scenario: CloudFront serves viewers over HTTPS only, with TLS 1.2 or newer
    Given the CloudFront distribution resources
    Then their viewer protocol policies is one of "redirect-to-https", "https-only"
    And their minimum protocol version is one of "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"

  @EDG-008 @medium @no-rule-yet @NIST-SC-7 @NIST-CM-3 @SH-ELB.4 @SH-ELB.6
  Scenario: The load balancer drops invalid header fields and is protected against deletion
    Given the load balancer resources
    Then their drop invalid header fields flag is true
    And their deletion protection flag is true

  @EDG-011 @high @no-rule-yet
  Scenario: Route 53 checks the health of the front door over HTTPS (not proven here: the failover records)
    Given the Route 53 health check resources
    Then their type is one of "HTTPS", "HTTPS_STR_MATCH"
    And their port is 443
    And their resource path is present
