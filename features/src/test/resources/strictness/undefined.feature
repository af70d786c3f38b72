Feature: A step the library does not define
  Scenario: An undefined step fails the scenario
    Given the S3 bucket resources
    Then their buckets are made of gold
