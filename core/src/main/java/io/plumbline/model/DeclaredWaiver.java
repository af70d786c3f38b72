package io.plumbline.model;

import java.time.LocalDate;

/**
 * A waiver written into the input beside the resource it concerns (a CloudFormation resource's
 * {@code Metadata: plumbline: waivers}): the rule it waives on this resource, why (required), the last day it applies
 * (null: until the template changes), and where it is written.
 */
public record DeclaredWaiver(String rule, String resource, String reason, LocalDate expires, Provenance location) {
}
