@network-paths
Feature: Network paths between tiers
  Control intent: traffic follows the reference chain internet -> load balancer (public tier) -> EKS (app tier) ->
  Aurora and Redis (data tier), and nothing else. From the internet only the load balancer's HTTPS and HTTP ports
  are reachable; only the load balancer reaches the application; only the application reaches the databases, and
  only on their ports; no administrative port is open to the internet; the data tier has no route out.

  Path steps are answered by Plumbline's reachability engine (security groups, network ACLs and routes, hop by hop,
  with a witness), the one the path rules NET-004, NET-006, NET-007 and NET-008 use. Tiers are the values of the
  profile's tier tag (plumbline:tier) where it is set, else what the network says (public: a default route to an
  internet gateway; data: in a DB or cache subnet group; app: where the workloads run), plus "internet". Traffic whose fate depends on a value unknown in the input is
  undecided, never passed; while the engine is not available in a build, every path step is undecided with that
  reason. Not covered here yet: network ACL contents (NET-010) and the VPC default security group (NET-011).

  @NET-001 @critical @no-rule-yet @NIST-AC-4
  Scenario Outline: The <what> sits only in the <tier> tier
    Given the <what> resources
    Then their <placement> are all in the <tier> tier

    Examples:
      | what              | placement | tier   |
      | load balancer     | subnets   | public |
      | NAT gateway       | subnet    | public |
      | EKS node group    | subnets   | app    |
      | DB subnet group   | subnets   | data   |
      | cache subnet group| subnets   | data   |

  @NET-002 @high @no-rule-yet @NIST-SC-7 @SH-EC2.15
  Scenario Outline: Subnets of the <tier> tier give no public IPv4 address to what is launched in them
    Given the subnet resources in the <tier> tier
    Then their map public IP on launch is false

    Examples:
      | tier |
      | app  |
      | data |

  @NET-003 @critical @NIST-AC-4 @NIST-SC-7 @SH-RDS.2 @CIS-2.3.3
  Scenario: No Aurora instance is publicly accessible
    Given the Aurora instance resources
    Then rule NET-003 passes
    And their publicly accessible is false

  @NET-004 @critical @NIST-AC-4 @NIST-SC-7 @SH-EC2.18
  Scenario: From the internet only the load balancer's HTTPS and HTTP ports are reachable
    Then rule NET-004 passes
    And the internet reaches the public tier only on tcp 80, 443
    And there is no path from the internet to the app tier
    And there is no path from the internet to the data tier

  @NET-006 @high
  Scenario: The application accepts traffic from the load balancer on its target port
    Then rule NET-006 passes
    And the public tier reaches the app tier on tcp 8443

  @NET-007 @critical @NAG-AwsSolutions-RDS8
  Scenario: Aurora is reachable only from the application, only on tcp 5432
    Given the Aurora cluster resources
    Then rule NET-007 passes
    And only the app tier reaches them, and only on tcp 5432

  @NET-008 @critical
  Scenario: Redis is reachable only from the application, only on tcp 6379
    Given the Redis replication group resources
    Then rule NET-008 passes
    And only the app tier reaches them, and only on tcp 6379

  @NET-009 @critical @NIST-AC-4 @NIST-SC-7 @NIST-CM-7 @SH-EC2.13 @CIS-5.2
  Scenario: No administrative port is open to the internet
    Then rule NET-009 passes
    And there is no path from the internet to the app tier on tcp 22, 3389
    And there is no path from the internet to the data tier on tcp 22, 3389

  @NET-012 @high @no-rule-yet @NIST-AC-4 @NIST-SC-7 @SH-EKS.1
  Scenario: The EKS API endpoint is private
    Given the EKS cluster resources
    Then their endpoint public access is false
    And their endpoint private access is true

  @NET-013 @medium @NIST-AC-4
  Scenario: The data tier has no route to the internet
    Then rule NET-013 passes
    And there is no path from the data tier to the internet
