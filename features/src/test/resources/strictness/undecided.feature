Feature: A step that cannot decide
  Scenario: Nothing to check is undecided, not passed
    Given the EBS volume resources
    Then their encrypted flag is true
