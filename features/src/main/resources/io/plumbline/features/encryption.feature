@encryption
Feature: Encryption at rest and in transit
  Control intent: every store of platform data — the Aurora database, the Redis cache, the node volumes, the
  Kubernetes secrets, the buckets that hold state and backups — is encrypted at rest under a key the platform owner
  controls and audits (a customer-managed KMS key: not an AWS-managed key, not a service default), those keys are
  enabled and rotate, and data travelling between the application and Redis is always encrypted.

  A key counts as customer-managed when the attribute points at a KMS key declared in the input whose manager is not
  AWS — the same test the rules make. A key named only by an ARN outside the input cannot be proven customer-managed:
  the scenario is undecided. Not covered here yet: snapshot encryption and sharing (ENC-002); TLS at the edge is in the
  edge feature. Bucket and key policies (ENC-010, ENC-012) are judged by their rules: the steps have no words for
  policy statements. The account's EBS default encryption (ENC-003) is a setting no CloudFormation resource type holds:
  on a template its scenario is undecided.

  @ENC-001 @high @NIST-SC-28 @SH-RDS.27 @CIS-2.3.1
  Scenario: Aurora storage is encrypted with a customer-managed KMS key
    Given the Aurora cluster resources
    Then rule ENC-001 passes
    And their storage encrypted flag is true
    And they are encrypted with a customer-managed key

  @ENC-003 @high @NIST-SC-28 @SH-EC2.7 @CIS-2.2.1
  Scenario: EBS encrypts every new volume by default with a customer-managed key, in the primary and the secondary region
    Given the EBS encryption by default resources
    Then rule ENC-003 passes

  @ENC-004 @high @NIST-SC-28 @SH-EC2.3
  Scenario: The EKS node launch templates encrypt every volume with a customer-managed KMS key
    Given the launch template resources
    Then rule ENC-004 passes
    And the encrypted flag of their block devices is true
    And they are encrypted with a customer-managed key

  @ENC-005 @high @NIST-SC-28 @SH-ElastiCache.4
  Scenario: Redis is encrypted at rest with a customer-managed KMS key
    Given the Redis replication group resources
    Then rule ENC-005 passes
    And their at-rest encryption is true
    And they are encrypted with a customer-managed key

  @ENC-006 @high @NIST-SC-8 @SH-ElastiCache.5
  Scenario: Redis accepts encrypted connections only (transit encryption in required mode)
    Given the Redis replication group resources
    Then rule ENC-006 passes
    And their transit encryption is true
    And their transit encryption mode is "required"

  @ENC-007 @medium
  Scenario: Aurora PostgreSQL refuses clients that do not use TLS (rds.force_ssl = 1)
    Given the Aurora cluster resources
    Then rule ENC-007 passes

  @ENC-008 @high @SH-EKS.3
  Scenario: EKS envelope-encrypts Kubernetes secrets with a customer-managed KMS key
    Given the EKS cluster resources
    Then rule ENC-008 passes
    And their encrypted resources include "secrets"
    And their secrets encryption key is a customer-managed key

  @ENC-009 @high @NIST-SC-28 @SH-S3.17
  Scenario Outline: The <role> bucket encrypts by default with SSE-KMS and a customer-managed key
    Given the S3 bucket resources with role "<role>"
    Then rule ENC-009 passes for them
    And their SSE algorithm is one of "aws:kms", "aws:kms:dsse"
    And they are encrypted with a customer-managed key

    Examples:
      | role    |
      | tfstate |
      | backups |

  @ENC-009 @high
  Scenario: The log bucket that receives the ALB's access logs keeps SSE-S3, the only encryption ELB log delivery supports
    Given the S3 bucket resources with role "logs"
    Then rule ENC-009 passes for them

  @ENC-010 @medium @SH-S3.5 @CIS-2.1.1 @NIST-SC-8
  Scenario Outline: The <role> bucket's policy denies every request without TLS
    Given the S3 bucket resources with role "<role>"
    Then rule ENC-010 passes for them

    Examples:
      | role    |
      | tfstate |
      | logs    |
      | backups |

  @ENC-012 @high @SH-KMS.5
  Scenario: No KMS key policy grants anything to a wildcard principal without a condition on the caller
    Given the KMS key resources
    Then rule ENC-012 passes

  @ENC-011 @high @NIST-SC-12 @SH-KMS.4 @CIS-3.6
  Scenario: The platform's KMS keys are enabled and rotate automatically
    Given the KMS key resources
    Then rule ENC-011 passes
    And their enabled flag is true
    And their rotation enabled flag is true
