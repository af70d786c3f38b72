package io.plumbline.rule;

import io.plumbline.model.Certainty;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;

/**
 * What a verdict rests on: the attribute, the value found (as a report may show it, never a secret), the value
 * expected, how certain the found value is, and where it stands.
 */
public record Evidence(String attribute, String actual, String expected, Certainty certainty, Provenance location) {

    public static Evidence of(String attribute, Value<?> value, String expected) {
        return new Evidence(attribute, value.display(), expected, value.certainty(), value.provenance());
    }

    public static Evidence of(String attribute, String actual, String expected, Provenance location) {
        return new Evidence(attribute, actual, expected, Certainty.EXPLICIT, location);
    }
}
