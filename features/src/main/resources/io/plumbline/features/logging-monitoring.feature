@logging-monitoring
Feature: Logging and monitoring
  Control intent: what happens on the platform leaves a record an investigator can rely on: the Kubernetes control
  plane, the load balancer and the database write their logs, and the log groups keep them for a year under the
  platform's own key.

  Not covered here yet: alarms (LOG-005), metrics and tracing (LOG-006, LOG-007), VPC flow logs (LOG-008), edge
  logging (LOG-009) and CloudTrail (LOG-010): the model does not type those resources yet.

  @LOG-001 @high @no-rule-yet @SH-EKS.8
  Scenario: EKS writes all five control-plane log types
    Given the EKS cluster resources
    Then their enabled log types include "api", "audit", "authenticator", "controllerManager", "scheduler"

  @LOG-002 @medium @no-rule-yet @NIST-AU-12 @NIST-AU-2 @SH-ELB.5
  Scenario: The load balancer writes access logs
    Given the load balancer resources
    Then their access logs enabled flag is true

  @LOG-003 @medium @no-rule-yet @NIST-AU-12 @SH-RDS.37
  Scenario: Aurora exports its PostgreSQL log to CloudWatch Logs
    Given the Aurora cluster resources
    Then their enabled log exports include "postgresql"

  @LOG-004 @medium @no-rule-yet @NIST-AU-11 @NIST-SC-28 @SH-CloudWatch.16
  Scenario: Log groups keep their logs for at least a year, encrypted with a customer-managed KMS key
    Given the log group resources
    Then their retention days is at least 365
    And they are encrypted with a customer-managed key
