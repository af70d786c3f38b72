package io.plumbline.rule;

import io.plumbline.model.Provenance;
import java.util.List;

/**
 * One verdict of one rule on one resource. {@code location} is where a reader should look: the deciding value's own
 * place when there is one, else the resource's declaration.
 */
public record Finding(String ruleId, Severity severity, Status status, String resource, String resourceType,
                      String message, List<Evidence> evidence, Provenance location) {
}
