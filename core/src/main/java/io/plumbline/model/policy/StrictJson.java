package io.plumbline.model.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader for policy documents, so that the model needs no parser library (the model never sees
 * a source format): objects become {@link LinkedHashMap}s, arrays {@link List}s, strings {@link String}s, numbers
 * {@link Num} (their text as written), {@code true}/{@code false} {@link Boolean}s and {@code null} {@link #NULL}.
 * It refuses a key given twice in one object (which one AWS reads is not documented), nesting deeper than
 * {@code maxDepth}, and anything RFC 8259 does not allow; iterative enough that hostile input costs linear work.
 */
final class StrictJson {
    /** A JSON number, kept as written ({@code 1.2}, {@code 10}). */
    record Num(String text) {
    }

    /** JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final String s;
    private final int maxDepth;
    private int i;

    private StrictJson(String s, int maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
    }

    static Object parse(String text, int maxDepth) throws Malformed {
        StrictJson p = new StrictJson(text, maxDepth);
        p.space();
        Object v = p.value(0);
        p.space();
        if (p.i != p.s.length()) throw p.error("text after the JSON value");
        return v;
    }

    private Object value(int depth) throws Malformed {
        if (i >= s.length()) throw error("unexpected end");
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected character");
        }
    }

    private Map<String, Object> object(int depth) throws Malformed {
        if (depth > maxDepth) throw new Malformed("nested deeper than " + maxDepth + " levels");
        i++;
        Map<String, Object> out = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            i++;
            return out;
        }
        while (true) {
            space();
            if (peek() != '"') throw error("expected a key");
            String key = string();
            space();
            if (peek() != ':') throw error("expected ':'");
            i++;
            space();
            Object v = value(depth);
            if (out.containsKey(key)) throw new Malformed("duplicate key: " + key);
            out.put(key, v);
            space();
            char c = peek();
            i++;
            if (c == '}') return out;
            if (c != ',') throw error("expected ',' or '}'");
        }
    }

    private List<Object> array(int depth) throws Malformed {
        if (depth > maxDepth) throw new Malformed("nested deeper than " + maxDepth + " levels");
        i++;
        List<Object> out = new ArrayList<>();
        space();
        if (peek() == ']') {
            i++;
            return out;
        }
        while (true) {
            space();
            out.add(value(depth));
            space();
            char c = peek();
            i++;
            if (c == ']') return out;
            if (c != ',') throw error("expected ',' or ']'");
        }
    }

    private String string() throws Malformed {
        i++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) throw error("unterminated string");
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw error("control character in a string");
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) throw error("unterminated string");
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("short \\u escape");
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i++), 16);
                        if (d < 0) throw error("bad \\u escape");
                        code = code * 16 + d;
                    }
                    b.append((char) code);
                }
                default -> throw error("bad escape");
            }
        }
    }

    private Num number() throws Malformed {
        int start = i;
        if (peek() == '-') i++;
        if (peek() == '0') {
            i++;
        } else if (Character.isDigit(peek())) {
            while (Character.isDigit(peek())) i++;
        } else {
            throw error("bad number");
        }
        if (peek() == '.') {
            i++;
            if (!Character.isDigit(peek())) throw error("bad number");
            while (Character.isDigit(peek())) i++;
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') i++;
            if (!Character.isDigit(peek())) throw error("bad number");
            while (Character.isDigit(peek())) i++;
        }
        return new Num(s.substring(start, i));
    }

    private Object literal(String word, Object v) throws Malformed {
        if (!s.startsWith(word, i)) throw error("unexpected character");
        i += word.length();
        return v;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            i++;
        }
    }

    private Malformed error(String what) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < i && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Malformed("not JSON at line " + line + ", column " + col + " (" + what + ")");
    }
}
