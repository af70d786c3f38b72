/**
 * The network reachability engine (rule catalog §11): who can reach what, across security groups, network ACLs and
 * routes, with a witness for every verdict. {@link io.plumbline.reach.Reachability} is the entry point.
 *
 * <p>Classes, by what they hold: {@code IpRange} (CIDR arithmetic), {@code AddressAtoms} (the internet's addresses
 * and the address classes the rules tell apart), {@code Topology} (the indexed network: {@code VpcInfo},
 * {@code SubnetInfo}, {@code SecurityGroupInfo}, {@code NetworkAclInfo}, {@code RouteTableInfo}), {@code Placement}
 * (endpoints, tiers and their abstract interfaces, {@code Interface}, {@code GroupSet}), the layers
 * ({@code SecurityGroupLayer}, {@code NetworkAclLayer}, {@code RouteLookup}), {@code PathEvaluator} (one flow, hop by
 * hop) and {@code TierMatrixBuilder}; for large plans, {@code RouteBarrier} and {@code ForeignRoutes} (routing proofs
 * shared by the copies of a stack) and {@code SourceIndex} (the sources that may reach a destination, so that rules
 * judging every source pay for the candidates only: {@code Reachability.mayReach}).
 *
 * <p>Decisions where the catalog is silent:
 * <ul>
 *   <li>The internet is every public address: IPv4 without RFC 1918, RFC 6598 (100.64/10) and special-use blocks
 *   (0/8, 127/8, 169.254/16, 224/3), IPv6 2000::/3, both less the VPCs' known blocks. As a source or a destination,
 *   traffic is allowed when some internet address gets through (an SG rule from 203.0.113.0/24 makes the instance
 *   reachable from the internet). {@code Reachability.internet(cidr)} restricts it to one block.</li>
 *   <li>An interface's own address is unknown before apply: traffic is allowed when it passes for every address of the
 *   subnet, undecided when for some. Across the interfaces of an endpoint pair, and across IP families, the union.</li>
 *   <li>The reply goes to one ephemeral port (1024–65535) chosen by the client and must pass every NACL on the way back
 *   on that port (the NAT subnet's too): allowed when every port passes, undecided when some do, denied when none.</li>
 *   <li>IPv6: an interface has IPv6 addresses for sure only in an IPv6-only subnet; in a dual-stack subnet it may (the
 *   model does not say whether a resource asks for them), so what passes only over IPv6 is undecided.</li>
 *   <li>Public IPv4: internet-facing load balancers; instances by {@code associatePublicIp}, else the subnet's
 *   {@code mapPublicIpOnLaunch}; node groups and Auto Scaling groups by the subnet; DB clusters when an instance is
 *   publicly accessible; caches, EKS control planes never.</li>
 *   <li>Route state absent from the input: active, unless the target is deleted by the plan (then a blackhole). A NAT
 *   gateway's subnet must route to an internet gateway (another NAT gateway: denied); peering, transit gateway, VPN,
 *   endpoints and appliances leave the modelled network: undecided.</li>
 *   <li>Prefix lists have no entries in the model: a rule or route naming one may match (undecided), except that the
 *   internet, standing for many addresses, always has addresses outside any prefix list.</li>
 *   <li>Security groups: an absent or empty list means the VPC's default group for instances, DB clusters, caches and
 *   application load balancers (AWS's default rules unless the input declares the group); a managed node group
 *   without launch-template groups carries the EKS cluster security group, whose rules are unknown; SSH remote access
 *   adds EKS's remote-access group (tcp 22). ICMP rules for one type count as allowing ICMP.</li>
 *   <li>A NAT gateway opens no connection and accepts none from the internet.</li>
 * </ul>
 */
package io.plumbline.reach;
