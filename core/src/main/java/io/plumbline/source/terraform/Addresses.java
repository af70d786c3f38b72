package io.plumbline.source.terraform;

import java.util.ArrayList;
import java.util.List;

/** Small, allocation-light helpers for Terraform addresses and reference traversals. No regexes. */
final class Addresses {
    private Addresses() {
    }

    /**
     * Splits a traversal such as {@code module.vpc["a.b"].aws_subnet.private[0].id} at the dots that are outside
     * brackets and quotes: {@code [module, vpc["a.b"], aws_subnet, private[0], id]}.
     */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>(6);
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '.' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The name part of a segment: {@code private} of {@code private[0]}. */
    static String name(String segment) {
        int b = segment.indexOf('[');
        return b < 0 ? segment : segment.substring(0, b);
    }

    /** The raw key of a segment, as written between the brackets ({@code 0} or {@code "a"}), or null. */
    static String key(String segment) {
        int b = segment.indexOf('[');
        if (b < 0 || !segment.endsWith("]")) return null;
        return segment.substring(b + 1, segment.length() - 1);
    }

    /** The module instance part of a resource address ({@code module.a["x"].module.b}), or "" in the root module. */
    static String moduleOf(String address) {
        if (!address.startsWith("module.")) return "";
        List<String> segs = split(address);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < segs.size() && "module".equals(segs.get(i)); i += 2) {
            if (sb.length() > 0) sb.append('.');
            sb.append("module.").append(segs.get(i + 1));
        }
        return sb.toString();
    }

    /** Removes instance keys from a module path: {@code module.a["x"].module.b[0]} → {@code module.a.module.b}. */
    static String stripKeys(String path) {
        if (path.indexOf('[') < 0) return path;
        StringBuilder sb = new StringBuilder(path.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (depth > 0) {
                if (quoted) {
                    if (c == '\\') i++;
                    else if (c == '"') quoted = false;
                } else if (c == '"') {
                    quoted = true;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                }
            } else if (c == '[') {
                depth = 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Escapes one JSON pointer token (RFC 6901) only when it needs it. */
    static String token(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
        return key.replace("~", "~0").replace("/", "~1");
    }
}
