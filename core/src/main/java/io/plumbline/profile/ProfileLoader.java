package io.plumbline.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.source.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads a profile: the base (reference) YAML, deep-merged with a user's override file. */
public final class ProfileLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ProfileLoader() {
    }

    public static Profile load(InputStream base, String baseName, Path override) {
        Map<String, Object> merged = readYaml(base, baseName);
        String source = baseName;
        if (override != null) {
            try (InputStream in = Files.newInputStream(override)) {
                merged = deepMerge(merged, readYaml(in, override.toString()));
                source = override.toString();
            } catch (IOException e) {
                throw new InputException(override.toString(), 0, 0, "cannot read profile: " + e.getMessage(), e);
            }
        }
        try {
            return MAPPER.convertValue(merged, Profile.class);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, 0, 0, "invalid profile: " + describe(e), e);
        }
    }

    /** "at aurora.backupRetentionDays: ..." from Jackson's mapping error, without its source dump. */
    private static String describe(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException jme) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : jme.getPath()) {
                if (r.getFieldName() != null) {
                    if (path.length() > 0) path.append('.');
                    path.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            String msg = jme.getOriginalMessage().lines().findFirst().orElse("");
            int cut = msg.indexOf(" (for ");
            if (cut > 0) msg = msg.substring(0, cut);
            return path.length() == 0 ? msg : "at " + path + ": " + msg;
        }
        return e.getMessage() == null ? "invalid" : e.getMessage().lines().findFirst().orElse("");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(InputStream in, String name) {
        try {
            // decoded here, so that a file that is not UTF-8 is named by its byte offset, not by a Java exception
            String text = io.plumbline.source.tree.Utf.decode(in.readAllBytes(), name);
            Object doc = new Load(LoadSettings.builder().setLabel(name).build()).loadFromString(text);
            if (doc == null) throw new InputException(name, 1, 1, "empty profile");
            if (!(doc instanceof Map)) throw new InputException(name, 1, 1, "a profile must be a YAML mapping");
            return (Map<String, Object>) doc;
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().orElse(null);
            throw new InputException(name, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "malformed YAML: " + e.getProblem(), e);
        } catch (YamlEngineException e) {
            throw new InputException(name, 0, 0, "malformed YAML: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new InputException(name, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (var e : override.entrySet()) {
            Object b = out.get(e.getKey());
            if (b instanceof Map && e.getValue() instanceof Map) {
                out.put(e.getKey(), deepMerge((Map<String, Object>) b, (Map<String, Object>) e.getValue()));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
