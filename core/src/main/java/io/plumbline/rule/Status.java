package io.plumbline.rule;

/** The verdict of a rule on one resource. UNKNOWN and NOT_APPLICABLE always carry their reason. */
public enum Status {
    PASS, FAIL, UNKNOWN, NOT_APPLICABLE, WAIVED
}
