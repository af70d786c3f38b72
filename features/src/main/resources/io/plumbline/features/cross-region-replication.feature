@replication
Feature: Cross-region replication
  Control intent: the loss of the primary region does not lose the platform's state, logs, backups or credentials:
  they are copied to the secondary region (the reference profile's secondaryRegion), encrypted there under keys that
  live in that region.

  Not covered here yet: that each replication destination lies in the secondary region as a step of its own (REP-001's
  rule judges it; a template's destination often depends on the deployment region).

  @REP-003 @critical
  Scenario: Aurora's data reaches the secondary region through an AWS Backup copy or a global database member
    Given the Aurora cluster resources
    Then rule REP-003 passes

  @REP-001 @high @NIST-CP-9 @NIST-CP-6 @SH-S3.7
  Scenario Outline: The <role> bucket replicates every object to a versioned bucket in the secondary region
    Given the S3 bucket resources with role "<role>" that are not replicas
    Then rule REP-001 passes for them
    And the status of their replication rules is "Enabled"

    Examples:
      | role    |
      | tfstate |
      | logs    |
      | backups |

  @REP-002 @high
  Scenario Outline: Replication of the SSE-KMS <role> bucket copies KMS-encrypted objects under a destination-region key
    Given the S3 bucket resources with role "<role>" that are not replicas
    Then rule REP-002 passes for them
    And the replica KMS key of their replication rules is present

    Examples:
      | role    |
      | tfstate |
      | backups |

  @REP-004 @high @no-rule-yet
  Scenario: The replica buckets live in the secondary region, encrypted with a customer-managed KMS key
    Given the S3 bucket resources that are replicas
    Then their region is the secondary region
    And their versioning is "Enabled"
    And they are encrypted with a customer-managed key

  @REP-005 @medium
  Scenario: The database credential secret is replicated to the secondary region
    Given the secret resources
    Then rule REP-005 passes for them
    And their replica regions include the secondary region

  @REP-006 @medium
  Scenario: The ECR images are replicated to the secondary region
    Given the ECR repository resources
    Then rule REP-006 passes for them
