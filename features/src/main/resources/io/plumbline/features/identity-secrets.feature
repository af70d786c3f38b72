@identity-secrets
Feature: Identity and secrets
  Control intent: no credential lives in the infrastructure code, the credentials that exist are managed, encrypted
  under the platform's own key and rotated, and workloads cannot steal the nodes' credentials.

  Not covered here yet: IRSA and the IAM roles' trust and permission policies (IAM-001, IAM-002, IAM-003, IAM-009) and
  Redis authentication (IAM-008): the model does not type IAM roles or ElastiCache user groups yet.

  @IAM-004 @high @no-rule-yet @NIST-AC-3 @NIST-AC-6 @SH-EC2.8 @CIS-5.6
  Scenario: The EKS nodes require IMDSv2 (not proven here: the hop limit)
    Given the launch template resources
    Then their metadata HTTP tokens is "required"

  @IAM-005 @critical @no-rule-yet
  Scenario: Aurora's master credentials are managed in Secrets Manager, not written in the code
    Given the Aurora cluster resources
    Then their master password managed flag is true

  @IAM-006 @high @no-rule-yet @NIST-AC-2 @NIST-AC-3 @SH-SecretsManager.1
  Scenario: Secrets rotate automatically at least every 30 days
    Given the secret resources
    Then their rotation enabled flag is true
    And their rotation days is at most 30

  @IAM-007 @medium @no-rule-yet @NIST-SC-28
  Scenario: Secrets are encrypted with a customer-managed KMS key
    Given the secret resources
    Then they are encrypted with a customer-managed key
