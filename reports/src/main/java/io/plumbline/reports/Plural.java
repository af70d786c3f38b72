package io.plumbline.reports;

/** A count with its noun in the right number: "1 finding", "2 findings", "0 findings". */
public final class Plural {
    private Plural() {
    }

    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
