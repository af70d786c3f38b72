@backups
Feature: Backups and point-in-time recovery
  Control intent: the platform's data can be restored after a mistake, an attack or the loss of a region. Aurora
  keeps automated backups long enough to restore to any point of the last week, cannot be deleted by accident and
  leaves a final snapshot when it is deleted or replaced; it is also protected by an AWS Backup plan. Redis keeps
  daily snapshots. The buckets that hold Terraform state, logs and backups keep every version of every object and are
  never public.

  The retention periods are the reference profile's (aurora.backupRetentionDays and cache.snapshotRetentionDays:
  seven days). Not covered here yet: Terraform state locking (BAK-007). BAK-006 also counts an account-level public
  access block where the input has one; the attribute steps below read the bucket's own settings, which the reference
  architecture sets.

  @BAK-001 @high @NIST-CP-9 @NIST-CP-10 @SH-RDS.11
  Scenario: Aurora keeps automated backups for at least seven days (the point-in-time recovery window)
    Given the Aurora cluster resources
    Then rule BAK-001 passes
    And their backup retention period is at least 7

  @BAK-002 @high @NIST-CM-3 @SH-RDS.7
  Scenario: Aurora cannot be deleted by accident and leaves a final snapshot when it is deleted or replaced
    Given the Aurora cluster resources
    Then rule BAK-002 passes
    And their deletion protection flag is true

  @BAK-003 @high @NIST-CP-9 @NIST-CP-6 @SH-RDS.26
  Scenario: Aurora is in an AWS Backup plan whose vault uses a customer-managed key and a compliance-mode Vault Lock
    Given the Aurora cluster resources
    Then rule BAK-003 passes

  @BAK-004 @medium @NIST-CP-9 @SH-ElastiCache.1
  Scenario: Redis keeps automatic snapshots for at least seven days
    Given the Redis replication group resources
    Then rule BAK-004 passes
    And their snapshot retention limit is at least 7

  @BAK-005 @high @NIST-CP-9 @NIST-AU-9 @SH-S3.14
  Scenario Outline: The <role> bucket keeps every version of every object
    Given the S3 bucket resources with role "<role>"
    Then rule BAK-005 passes for them
    And their versioning is "Enabled"

    Examples:
      | role    |
      | tfstate |
      | logs    |
      | backups |

  @BAK-006 @critical @NIST-AC-3 @NIST-SC-7 @SH-S3.8 @CIS-2.1.4
  Scenario Outline: The <role> bucket blocks every kind of public access
    Given the S3 bucket resources with role "<role>"
    Then rule BAK-006 passes for them
    And their block public ACLs flag is true
    And their block public policy flag is true
    And their ignore public ACLs flag is true
    And their restrict public buckets flag is true

    Examples:
      | role    |
      | tfstate |
      | logs    |
      | backups |

  @BAK-007 @high @no-rule-yet
  Scenario: The Terraform state bucket is versioned, encrypted with a customer-managed key and private (not proven here: state locking)
    Given the S3 bucket resources with role "tfstate"
    Then their versioning is "Enabled"
    And they are encrypted with a customer-managed key
    And their block public policy flag is true
    And their restrict public buckets flag is true
