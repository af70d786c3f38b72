@replication
Feature: Cross-region replication
  Control intent: the loss of the primary region does not lose the platform's state, logs, backups or credentials:
  they are copied to the secondary region (the reference profile's secondaryRegion), encrypted there under keys that
  live in that region.

  Not covered here yet: that each replication destination lies in the secondary region (REP-001's rule; a template's
  destination often depends on the deployment region) and ECR replication (REP-006).

  @REP-003 @critical
  Scenario: Aurora's data reaches the secondary region through an AWS Backup copy or a global database member
    Given the Aurora cluster resources
    Then rule REP-003 passes

  @REP-001 @high @no-rule-yet @NIST-CP-9 @NIST-CP-6 @SH-S3.7
  Scenario Outline: The <role> bucket replicates its objects (not proven here: the destination's region)
    Given the S3 bucket resources with role "<role>" that are not replicas
    Then the status of their replication rules is "Enabled"

    Examples:
      | role    |
      | tfstate |
      | logs    |
      | backups |

  @REP-002 @high @no-rule-yet
  Scenario Outline: Replication of the <role> bucket encrypts the replicas with a KMS key
    Given the S3 bucket resources with role "<role>" that are not replicas
    Then the replica KMS key of their replication rules is present

    Examples:
      | role    |
      | tfstate |
      | logs    |
      | backups |

  @REP-004 @high @no-rule-yet
  Scenario: The replica buckets live in the secondary region, encrypted with a customer-managed KMS key
    Given the S3 bucket resources that are replicas
    Then their region is the secondary region
    And their versioning is "Enabled"
    And they are encrypted with a customer-managed key

  @REP-005 @medium @no-rule-yet
  Scenario: The database credential secret is replicated to the secondary region
    Given the secret resources
    Then their replica regions include the secondary region
