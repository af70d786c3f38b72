Feature: A step two definitions match
  Scenario: An ambiguous step fails the scenario
    Given the S3 bucket resources
    Then their versioning is "Enabled"
