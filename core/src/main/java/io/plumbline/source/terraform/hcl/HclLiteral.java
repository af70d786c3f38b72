package io.plumbline.source.terraform.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of an attribute written as a plain literal — a number, {@code true}/{@code false}, a quoted string
 * without interpolation, or a list of those — or null for anything else (references, function calls, templates,
 * objects). Used to tell apart nested blocks of one name (two {@code ingress} blocks) by what they say.
 */
final class HclLiteral {
    /** Longer expressions are not literals worth comparing; they are not parsed. */
    static final int MAX_LENGTH = 4_096;
    private static final int MAX_ITEMS = 256;

    private final String s;
    private int i;
    private final int end;

    private HclLiteral(String s, int start, int end) {
        this.s = s;
        this.i = start;
        this.end = end;
    }

    static Object parse(String text, int start, int end) {
        if (end - start > MAX_LENGTH) return null;
        HclLiteral p = new HclLiteral(text, start, end);
        p.blank();
        Object v = p.value();
        if (v == null) return null;
        p.blank();
        return p.i >= p.end || p.comment() ? v : null;
    }

    private Object value() {
        if (i >= end) return null;
        char c = s.charAt(i);
        if (c == '"') return string();
        if (c == '[') return list();
        if (c == '-' || Character.isDigit(c)) return number();
        if (s.startsWith("true", i) && !identPart(i + 4)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i) && !identPart(i + 5)) {
            i += 5;
            return Boolean.FALSE;
        }
        return null;
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return sb.toString();
            }
            if (c == '\n') return null;
            if ((c == '$' || c == '%') && i + 1 < end && s.charAt(i + 1) == '{') return null;
            if (c == '\\') {
                if (i + 1 >= end) return null;
                char e = s.charAt(i + 1);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '"', '\\' -> sb.append(e);
                    default -> {
                        return null;
                    }
                }
                i += 2;
                continue;
            }
            sb.append(c);
            i++;
        }
        return null;
    }

    private List<Object> list() {
        List<Object> items = new ArrayList<>();
        i++;
        while (true) {
            blank();
            if (i >= end) return null;
            if (s.charAt(i) == ']') {
                i++;
                return items;
            }
            Object v = value();
            if (v == null || v instanceof List || items.size() >= MAX_ITEMS) return null;
            items.add(v);
            blank();
            if (i < end && s.charAt(i) == ',') i++;
            else if (i < end && s.charAt(i) != ']') return null;
        }
    }

    private BigDecimal number() {
        int start = i;
        if (s.charAt(i) == '-') i++;
        while (i < end && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E'
                || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
            i++;
        }
        if (identPart(i)) return null;
        try {
            return new BigDecimal(s.substring(start, i));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void blank() {
        while (i < end && Character.isWhitespace(s.charAt(i))) i++;
    }

    private boolean comment() {
        return s.charAt(i) == '#' || s.startsWith("//", i) || s.startsWith("/*", i);
    }

    private boolean identPart(int k) {
        return k < end && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == '-' || s.charAt(k) == '.');
    }
}
