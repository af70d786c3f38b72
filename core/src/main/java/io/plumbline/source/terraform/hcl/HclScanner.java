package io.plumbline.source.terraform.hcl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the blocks and attributes of an HCL native-syntax file ({@code .tf}) and where each is written, without
 * evaluating anything: block headers ({@code resource "aws_s3_bucket" "logs" {}), nested and one-line blocks,
 * attributes, and expressions skipped whole — brackets, quoted templates with escapes and {@code ${}}/{@code %{}}
 * interpolations, heredocs ({@code <<EOF}, {@code <<-EOF}), comments ({@code #}, {@code //}, {@code /* *}{@code /}).
 *
 * <p>Written here rather than taken from hcl4j 0.9.4: hcl4j's public parser returns evaluated maps without lines
 * (only its package-private lexer keeps them), and it evaluates {@code data "http"} blocks by making the HTTP request
 * while parsing, which a gate reading a pull request's files must never do.
 *
 * <p>Input is hostile: blocks and template interpolations nest at most {@link #MAX_DEPTH} deep and a file holds at
 * most {@link #MAX_BLOCKS} blocks; past either, or on text that is not HCL, the scan stops or skips the line and says
 * so in {@link HclFile#incomplete()}. It never throws on any text.
 */
public final class HclScanner {
    public static final int MAX_DEPTH = 64;
    public static final int MAX_BLOCKS = 200_000;

    private final String s;
    private final int n;
    private final int[] lineStarts;
    private int i;
    private int blockCount;
    private String problem;

    private HclScanner(String text) {
        s = text;
        n = text.length();
        int lines = 1;
        for (int k = 0; k < n; k++) if (text.charAt(k) == '\n') lines++;
        lineStarts = new int[lines];
        for (int k = 0, l = 1; k < n; k++) if (text.charAt(k) == '\n') lineStarts[l++] = k + 1;
        if (n > 0 && text.charAt(0) == '\uFEFF') i = 1;
    }

    public static HclFile scan(String text) {
        HclScanner sc = new HclScanner(text == null ? "" : text);
        List<HclBlock> top = new ArrayList<>();
        try {
            sc.body(top, null, null, 0, null);
        } catch (Stop e) {
            sc.note(e.getMessage());
        }
        return new HclFile(List.copyOf(top), sc.problem);
    }

    /** Why a scan ends early; carries no stack trace (it is an answer, not a bug). */
    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private void note(String what) {
        if (problem == null) problem = what;
    }

    private HclBlock.Place place(int at) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= at) lo = mid;
            else hi = mid - 1;
        }
        return new HclBlock.Place(lo + 1, at - lineStarts[lo] + 1);
    }

    /** A body: attributes and blocks until the closing brace of its block (consumed) or the end of the file. */
    private void body(List<HclBlock> out, Map<String, HclBlock.Place> attributes, Map<String, Object> literals,
                      int depth, HclBlock.Place opened) {
        while (true) {
            skipBlank(true);
            if (i >= n) {
                if (depth > 0) note("the block at line " + opened.line() + " is not closed");
                return;
            }
            char c = s.charAt(i);
            if (c == '}') {
                i++;
                if (depth > 0) return;
                continue;
            }
            if (!identStart(c)) {
                skipLine();
                continue;
            }
            int start = i;
            String name = ident();
            skipBlank(false);
            if (i < n && s.charAt(i) == '=' && !(i + 1 < n && s.charAt(i + 1) == '=')) {
                i++;
                int expression = i;
                skipExpression();
                if (attributes != null && attributes.putIfAbsent(name, place(start)) == null) {
                    Object literal = HclLiteral.parse(s, expression, i);
                    if (literal != null) literals.put(name, literal);
                }
                continue;
            }
            List<String> labels = header();
            if (labels == null) continue;
            if (depth + 1 > MAX_DEPTH) throw new Stop("blocks nest deeper than " + MAX_DEPTH + " at line " + place(start).line());
            if (++blockCount > MAX_BLOCKS) throw new Stop("more than " + MAX_BLOCKS + " blocks");
            Map<String, HclBlock.Place> attrs = new LinkedHashMap<>();
            Map<String, Object> values = new LinkedHashMap<>();
            List<HclBlock> nested = new ArrayList<>();
            HclBlock.Place at = place(start);
            try {
                body(nested, attrs, values, depth + 1, at);
            } finally {
                // a scan that stops inside a block still keeps what it found of it
                out.add(new HclBlock(name, labels, at, Collections.unmodifiableMap(attrs),
                        Collections.unmodifiableMap(values), List.copyOf(nested)));
            }
        }
    }

    /** The labels of a block header up to its opening brace (consumed), or null (line skipped) when it is none. */
    private List<String> header() {
        List<String> labels = new ArrayList<>(2);
        while (true) {
            skipBlank(false);
            if (i >= n) return null;
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                return List.copyOf(labels);
            }
            if (c == '"') {
                String label = label();
                if (label == null) return null;
                labels.add(label);
            } else if (identStart(c)) {
                labels.add(ident());
            } else {
                skipLine();
                return null;
            }
        }
    }

    /** A quoted block label, with its escapes undone; null (line skipped) when it is not closed on its line. */
    private String label() {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') return null;
            if (c == '"') {
                i++;
                return sb.toString();
            }
            if (c == '\\' && i + 1 < n && s.charAt(i + 1) != '\n') {
                char e = s.charAt(i + 1);
                sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                i += 2;
                continue;
            }
            sb.append(c);
            i++;
        }
        return null;
    }

    /** Skips an attribute's expression: up to the end of its line outside brackets, or the brace that closes the block. */
    private void skipExpression() {
        int depth = 0;
        while (i < n) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> {
                    if (depth == 0) return;
                    i++;
                }
                case '"' -> skipQuoted(0);
                case '#' -> skipLine();
                case '/' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '/') skipLine();
                    else if (i + 1 < n && s.charAt(i + 1) == '*') skipComment();
                    else i++;
                }
                case '<' -> {
                    if (!heredoc()) i++;
                }
                case '(', '[', '{' -> {
                    depth++;
                    i++;
                }
                case ')', ']' -> {
                    if (depth > 0) depth--;
                    i++;
                }
                case '}' -> {
                    if (depth == 0) return;
                    depth--;
                    i++;
                }
                default -> i++;
            }
        }
    }

    /** A quoted template from its opening quote; it ends at its closing quote, or (unclosed) at the end of the line. */
    private void skipQuoted(int level) {
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') return;
            if (c == '\\') {
                i = Math.min(n, i + 2);
            } else if (c == '"') {
                i++;
                return;
            } else if ((c == '$' || c == '%') && i + 1 < n && s.charAt(i + 1) == c && i + 2 < n && s.charAt(i + 2) == '{') {
                i += 3;
            } else if ((c == '$' || c == '%') && i + 1 < n && s.charAt(i + 1) == '{') {
                i += 2;
                skipInterpolation(level + 1);
            } else {
                i++;
            }
        }
    }

    /** The inside of {@code ${...}} or {@code %{...}} up to its closing brace; it may hold strings and span lines. */
    private void skipInterpolation(int level) {
        if (level > MAX_DEPTH) throw new Stop("template interpolations nest deeper than " + MAX_DEPTH + " at line " + place(i).line());
        int depth = 0;
        int start = i;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                skipQuoted(level);
            } else if (c == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                i++;
                if (depth == 0) return;
                depth--;
            } else {
                i++;
            }
        }
        note("the interpolation at line " + place(start).line() + " is not closed");
    }

    /** A heredoc from {@code <<}: skips to the line that holds only its marker; false when {@code <<} starts none. */
    private boolean heredoc() {
        if (i + 1 >= n || s.charAt(i + 1) != '<') return false;
        int k = i + 2;
        if (k < n && s.charAt(k) == '-') k++;
        if (k >= n || !identStart(s.charAt(k))) return false;
        int ms = k;
        while (k < n && identPart(s.charAt(k))) k++;
        String marker = s.substring(ms, k);
        int startLine = place(i).line();
        int eol = s.indexOf('\n', k);
        if (eol < 0) {
            i = n;
            note("the heredoc <<" + marker + " at line " + startLine + " is not closed");
            return true;
        }
        int line = eol + 1;
        while (line < n) {
            int end = s.indexOf('\n', line);
            int stop = end < 0 ? n : end;
            if (s.substring(line, stop).strip().equals(marker)) {
                i = stop;
                return true;
            }
            line = stop + 1;
        }
        i = n;
        note("the heredoc <<" + marker + " at line " + startLine + " is not closed");
        return true;
    }

    private void skipBlank(boolean newlines) {
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF' || (newlines && c == '\n')) {
                i++;
            } else if (c == '#' || (c == '/' && i + 1 < n && s.charAt(i + 1) == '/')) {
                skipLine();
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                skipComment();
            } else {
                return;
            }
        }
    }

    /** To the end of the line (the newline itself is left, as it may end an attribute). */
    private void skipLine() {
        int eol = s.indexOf('\n', i);
        i = eol < 0 ? n : eol;
    }

    private void skipComment() {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
            note("the comment at line " + place(i).line() + " is not closed");
            i = n;
        } else {
            i = end + 2;
        }
    }

    private String ident() {
        int start = i;
        while (i < n && identPart(s.charAt(i))) i++;
        return s.substring(start, i);
    }

    private static boolean identStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean identPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
