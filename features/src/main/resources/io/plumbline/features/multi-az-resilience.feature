@multi-az
Feature: Multi-AZ resilience
  Control intent: the loss of one Availability Zone must not take down any tier of the platform. Every tier has
  subnets in three zones; the load balancer, the EKS control plane and the critical node groups are spread over
  them; Aurora keeps a reader in another zone to fail over to; Redis keeps a replica in another zone and fails over
  automatically.

  How to read it: each scenario is one requirement of the reference architecture. Its first tag is the rule of the
  Plumbline rule catalog it belongs to, then its severity, then the framework controls the catalog maps it to
  (confirmed mappings only). Where the rule itself is implemented, the scenario runs it ("rule MAZ-006 passes"), with
  the very engine of "plumbline check". Scenarios tagged @no-rule-yet check the attributes named in their steps only,
  and say in their title what they do not prove. A value that cannot be known from the input never passes: the
  scenario is reported undecided (pending), with the reason.

  @MAZ-001 @high
  Scenario: In every VPC, each tier (public, app, data) has subnets in at least three Availability Zones
    Given the VPC resources
    Then rule MAZ-001 passes

  @MAZ-002 @high
  Scenario: Each private subnet egresses through the NAT gateway of its own Availability Zone
    Given the NAT gateway resources
    Then rule MAZ-002 passes
    And they span at least 3 availability zones
    And their subnet is in the public tier

  @MAZ-003 @high
  Scenario: The EKS control plane is placed in private subnets in three Availability Zones
    Given the EKS cluster resources
    Then rule MAZ-003 passes
    And their subnets are all in the app tier

  @MAZ-004 @critical @NIST-CP-10 @NIST-SC-36 @SH-AutoScaling.2
  Scenario: The critical node groups cover three Availability Zones and keep a node in each
    Given the EKS cluster resources
    Then rule MAZ-004 passes

  @MAZ-005 @high @NIST-CP-10 @NIST-SC-36 @SH-ELB.13
  Scenario: The load balancer is enabled in three Availability Zones, in public subnets only
    Given the load balancer resources
    Then rule MAZ-005 passes

  @MAZ-006 @critical @NIST-CP-10 @NIST-SC-36 @SH-RDS.15
  Scenario: Aurora has a writer and at least one reader, in distinct Availability Zones
    Given the Aurora cluster resources
    Then rule MAZ-006 passes

  @MAZ-007 @high
  Scenario: Aurora's subnet group holds only private data subnets, in three Availability Zones
    Given the Aurora cluster resources
    Then rule MAZ-007 passes

  @MAZ-008 @critical @NIST-CP-10 @NIST-SC-36 @SH-ElastiCache.3
  Scenario: Redis runs Multi-AZ with automatic failover and at least one replica
    Given the Redis replication group resources
    Then rule MAZ-008 passes
    And their multi AZ is true
    And their automatic failover is true
    And their num cache clusters is at least 2
    And each of them spans at least 3 availability zones
