package io.plumbline.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sensitive strings of a model, and the one place that takes them out of any text a user may see (finding
 * messages, UNKNOWN reasons, evidence, diagnostics, input errors, inventories).
 *
 * <p>Sources register every string that is sensitive while they build the model: the values marked sensitive in the
 * input (Terraform {@code after_sensitive}, sensitive variables and outputs; CloudFormation {@code NoEcho} parameters)
 * and every string derived from them ({@code !Sub}, {@code !Join}, a tag, a name). A secret is either <em>held</em> by
 * a resource (its address is the scope) or global (a root secret such as a parameter value).
 *
 * <p>Why two lengths: a long secret is distinctive, so it is replaced wherever it appears, even inside a longer word
 * (a derived {@code rdp-<secret>-sg}). A secret of a few characters (a sensitive port {@code 22}, a retention
 * {@code 1}) would garble unrelated text if replaced everywhere, so it is replaced only as a whole token (not inside
 * {@code 220} or {@code 10.22.0.0}... but as {@code 22} between separators), and only in what is said about the
 * resources that hold it — except in an input error, where the input is refused anyway and every secret is taken out.
 */
public final class Secrets {

    /** Shorter secrets are redacted only as whole tokens and only within the findings of the resources holding them. */
    public static final int SHORT = 6;
    /** What stands in for a secret. */
    public static final String MASK = "(sensitive)";

    public static final Secrets NONE = new Secrets(Map.of());
    private static final String GLOBAL = "\0global";

    /** secret text → scopes holding it (a null scope: global). */
    private final Map<String, Set<String>> scopes;
    /** Long secrets, longest first (so that a derived string is replaced whole before the secret inside it). */
    private final List<String> global;

    private Secrets(Map<String, Set<String>> scopes) {
        this.scopes = scopes;
        List<String> g = new ArrayList<>();
        for (String s : scopes.keySet()) if (s.length() >= SHORT) g.add(s);
        g.sort(LONGEST_FIRST);
        this.global = List.copyOf(g);
    }

    private static final Comparator<String> LONGEST_FIRST =
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /** Every registered secret (for tests and for merging). */
    public Set<String> texts() {
        return scopes.keySet();
    }

    /** Text safe to show anywhere: long secrets taken out. */
    public String redact(String text) {
        if (text == null || global.isEmpty()) return text;
        return replace(text, global);
    }

    /**
     * Text said about the resources {@code scopes} (a resource's address and what was folded into it): long secrets
     * and the short secrets those resources hold taken out.
     */
    public String redact(String text, Collection<String> scopesOfSubject) {
        if (text == null || scopes.isEmpty()) return text;
        List<String> which = new ArrayList<>(global);
        for (Map.Entry<String, Set<String>> e : scopes.entrySet()) {
            if (e.getKey().length() >= SHORT) continue;
            for (String s : e.getValue()) {
                if (!GLOBAL.equals(s) && scopesOfSubject.contains(s)) {
                    which.add(e.getKey());
                    break;
                }
            }
        }
        if (which.isEmpty()) return text;
        which.sort(LONGEST_FIRST);
        return replace(text, which);
    }

    /** Text of an input error: every secret taken out (short ones as whole tokens). */
    public String redactAll(String text) {
        if (text == null || scopes.isEmpty()) return text;
        List<String> all = new ArrayList<>(scopes.keySet());
        all.sort(LONGEST_FIRST);
        return replace(text, all);
    }

    /** Both registries. */
    public Secrets plus(Secrets other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        Builder b = new Builder();
        b.addAll(this);
        b.addAll(other);
        return b.build();
    }

    /**
     * Replaces every occurrence of the secrets (longest first, never overlapping) by {@link #MASK}. Long secrets match
     * anywhere; short ones only as a whole token, i.e. not next to a letter or digit on a side where the secret itself
     * starts or ends with one.
     */
    static String replace(String text, List<String> secrets) {
        boolean[] covered = null;
        for (String s : secrets) {
            boolean whole = s.length() < SHORT;
            int from = 0;
            while (true) {
                int i = text.indexOf(s, from);
                if (i < 0) break;
                int end = i + s.length();
                if ((!whole || atTokenBoundary(text, s, i, end)) && free(covered, i, end)) {
                    if (covered == null) covered = new boolean[text.length()];
                    for (int k = i; k < end; k++) covered[k] = true;
                }
                from = i + 1;
            }
        }
        if (covered == null) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            if (!covered[k]) {
                out.append(text.charAt(k));
            } else if (k == 0 || !covered[k - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    private static boolean free(boolean[] covered, int from, int to) {
        if (covered == null) return true;
        for (int k = from; k < to; k++) if (covered[k]) return false;
        return true;
    }

    private static boolean atTokenBoundary(String text, String s, int start, int end) {
        if (start > 0 && Character.isLetterOrDigit(s.charAt(0)) && Character.isLetterOrDigit(text.charAt(start - 1))) {
            return false;
        }
        return end >= text.length() || !Character.isLetterOrDigit(s.charAt(s.length() - 1))
                || !Character.isLetterOrDigit(text.charAt(end));
    }

    /** Collects secrets while a source reads its input. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Set<String>> scopes = new LinkedHashMap<>();

        /** A secret held by the resource {@code scope} (its address), or global when {@code scope} is null. */
        public Builder add(String secret, String scope) {
            if (secret == null || secret.isBlank()) return this;
            scopes.computeIfAbsent(secret, k -> new LinkedHashSet<>()).add(scope);
            String trimmed = secret.strip();
            if (!trimmed.equals(secret)) add(trimmed, scope);
            return this;
        }

        /** The text of a value's content: strings, numbers, references, and the items of lists and maps. */
        public Builder addContent(Object content, String scope) {
            if (content == null) return this;
            if (content instanceof Ref r) {
                add(r.target(), scope);
            } else if (content instanceof Collection<?> c) {
                for (Object o : c) addContent(o, scope);
            } else if (content instanceof Map<?, ?> m) {
                for (Object o : m.values()) addContent(o, scope);
            } else if (content instanceof CharSequence || content instanceof Number) {
                add(content.toString(), scope);
            }
            return this;
        }

        public Builder addAll(Secrets other) {
            for (Map.Entry<String, Set<String>> e : other.scopes.entrySet()) {
                for (String s : e.getValue()) add(e.getKey(), GLOBAL.equals(s) ? null : s);
            }
            return this;
        }

        /** What has been collected so far (an input error thrown midway is redacted with it). */
        public Secrets build() {
            if (scopes.isEmpty()) return NONE;
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Set<String>> e : scopes.entrySet()) {
                // Set.copyOf refuses null: the global scope is kept as a marker that no address equals.
                copy.put(e.getKey(), Set.copyOf(e.getValue().stream().map(s -> s == null ? GLOBAL : s).toList()));
            }
            return new Secrets(copy);
        }
    }
}
