package io.plumbline.reach;

/** Whether something matches: certainly, certainly not, or it depends on a value the input does not give. */
enum Match {
    YES, NO, MAYBE;

    Match and(Match o) {
        if (this == NO || o == NO) return NO;
        return this == YES && o == YES ? YES : MAYBE;
    }

    Match or(Match o) {
        if (this == YES || o == YES) return YES;
        return this == NO && o == NO ? NO : MAYBE;
    }

    static Match of(boolean b) {
        return b ? YES : NO;
    }
}
