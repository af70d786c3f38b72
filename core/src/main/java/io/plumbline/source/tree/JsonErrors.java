package io.plumbline.source.tree;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's parse errors in the user's terms: what is wrong in the file, not which parser feature is off. */
final class JsonErrors {
    /** Jackson's own location inside a message: {@code [Source: REDACTED (...); line: 1, column: 2]}. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
            Pattern.DOTALL);
    private static final Pattern UTF8 = Pattern.compile("Invalid UTF-8 .*", Pattern.DOTALL);
    private static final Pattern FEATURE = Pattern.compile("\\s*\\((?:not recognized as one )?since (?:Json|Stream)?"
            + "(?:Read)?Feature[^)]*\\)|\\s*\\(JSON String, Number[^)]*\\)");

    private JsonErrors() {
    }

    /** One line: what is wrong; null when the bytes are not UTF-8 (the caller finds where). */
    static String describe(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("maybe a (non-standard) comment")) return "comments are not allowed in JSON";
        Matcher control = CONTROL.matcher(m);
        if (control.matches()) {
            return "a control character (code " + control.group(1) + ") must be escaped inside a JSON string";
        }
        if (UTF8.matcher(m).matches()) return null;
        m = SOURCE.matcher(m).replaceAll(" (line $1, column $2)");
        m = FEATURE.matcher(m).replaceAll("");
        m = m.replace("Unexpected end-of-input", "unexpected end of file");
        return m.lines().findFirst().orElse("").strip();
    }
}
