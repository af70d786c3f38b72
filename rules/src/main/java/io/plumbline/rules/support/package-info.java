/**
 * Helpers the rules share: which key is customer-managed ({@link io.plumbline.rules.support.Keys}), which role a
 * bucket plays ({@link io.plumbline.rules.support.BucketRoles}), how many distinct AZs a set of subnets spans
 * ({@link io.plumbline.rules.support.Zones}), whether a security-group rule opens a port to the internet
 * ({@link io.plumbline.rules.support.SgRules}), whether an attribute exists at all in this kind of input
 * ({@link io.plumbline.rules.support.Fields}), and who references a resource
 * ({@link io.plumbline.rules.support.References}); {@link io.plumbline.rules.support.Checks} orders a rule's checks so a
 * finding points at the value that decided it. Like the rules, they read only the model.
 */
package io.plumbline.rules.support;
