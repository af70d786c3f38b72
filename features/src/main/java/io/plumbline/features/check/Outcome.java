package io.plumbline.features.check;

/** What a step found for one resource (or one path, one finding): passed, failed, or could not decide. */
public enum Outcome {
    PASS, FAIL, UNDECIDED;

    /** FAIL over UNDECIDED over PASS: any failure fails, else any open question leaves it undecided. */
    public Outcome and(Outcome other) {
        if (this == FAIL || other == FAIL) return FAIL;
        if (this == UNDECIDED || other == UNDECIDED) return UNDECIDED;
        return PASS;
    }
}
