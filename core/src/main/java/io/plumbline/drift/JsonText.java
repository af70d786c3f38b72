package io.plumbline.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Policy documents and other JSON held as text: a plan's {@code jsonencode} and a template's YAML write the same
 * document with keys in another order, so they compare by content; and a template may leave a part to deploy time
 * ({@code arn:${AWS::Partition}:iam::${AWS::AccountId}:root}, {@code ${LogsBucket.Arn}/*}: what {@code Fn::Sub} could
 * not resolve before deployment).
 */
final class JsonText {
    /** Documents beyond this size are compared as text: sorting them is not worth the work on hostile input. */
    private static final int MAX_CHARS = 200_000;
    /** More open parts than a policy holds: not worth a pattern over hostile input. */
    private static final int MAX_PLACEHOLDERS = 64;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern DEPLOY_TIME = Pattern.compile("\\$\\{([A-Za-z0-9:.]{1,255})}");

    private JsonText() {
    }

    /** The document with its object keys sorted, or null when the text is not a JSON object or array. */
    static String canonical(String text) {
        String t = text.strip();
        if (t.length() > MAX_CHARS || t.isEmpty() || (t.charAt(0) != '{' && t.charAt(0) != '[')) return null;
        try {
            JsonNode node = JSON.readTree(t);
            return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * When two different canonical documents agree everywhere but where one of them leaves a pseudo parameter or an
     * attribute to deploy time: why they cannot be compared; otherwise null.
     */
    static String agreesBut(String a, String b) {
        String why = openParts(a, b);
        return why != null ? why : openParts(b, a);
    }

    private static String openParts(String withPlaceholders, String other) {
        Matcher m = DEPLOY_TIME.matcher(withPlaceholders);
        StringBuilder regex = new StringBuilder();
        java.util.Set<String> names = new java.util.TreeSet<>();
        int at = 0;
        while (m.find()) {
            if (names.size() > MAX_PLACEHOLDERS) return null;
            regex.append(Pattern.quote(withPlaceholders.substring(at, m.start()))).append("[^\"]*?");
            names.add(m.group(1));
            at = m.end();
        }
        if (names.isEmpty()) return null;
        regex.append(Pattern.quote(withPlaceholders.substring(at)));
        if (!Pattern.compile(regex.toString()).matcher(other).matches()) return null;
        return "the same document but for " + String.join(", ", names)
                + ", which one side leaves to deploy time";
    }
}
