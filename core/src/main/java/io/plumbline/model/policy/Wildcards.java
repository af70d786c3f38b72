package io.plumbline.model.policy;

/** AWS's policy wildcards: {@code *} any run of characters (none included), {@code ?} exactly one character. */
public final class Wildcards {
    private Wildcards() {
    }

    /**
     * Iterative glob matching: linear in practice, never exponential (patterns come from hostile input). A {@code *} of
     * the pattern is always a wildcard, also where the text holds a {@code *} (an action named {@code s3:*}).
     */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*'
                    && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
