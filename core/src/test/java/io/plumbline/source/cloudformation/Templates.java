package io.plumbline.source.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Loading small templates and corpus files in tests, and asserting on values. */
final class Templates {
    private Templates() {
    }

    static Model yaml(String text) {
        return yaml(text, SourceOptions.DEFAULT);
    }

    static Model yaml(String text, SourceOptions options) {
        return Inputs.load("t.yaml", text.getBytes(StandardCharsets.UTF_8), options);
    }

    static Model yaml(String text, String region, Map<String, String> parameters) {
        return yaml(text, new SourceOptions(parameters, region));
    }

    static Model corpus(String name) {
        return Inputs.load(CorpusWalkTest.corpus().resolve(name), SourceOptions.DEFAULT);
    }

    static Model resource(String name) {
        return Inputs.load(Path.of("src/test/resources/cloudformation", name), SourceOptions.DEFAULT);
    }

    static <T extends Resource> T get(Model m, String address, Class<T> type) {
        return m.byAddress(address).filter(type::isInstance).map(type::cast)
                .orElseThrow(() -> new AssertionError(address + " is not a " + type.getSimpleName() + " in "
                        + m.resources()));
    }

    static <T> void explicit(T expected, Value<T> actual) {
        assertEquals(Certainty.EXPLICIT, actual.certainty(), () -> "explicit " + expected + ", was " + actual);
        assertEquals(expected, actual.get());
    }

    static <T> void defaulted(T expected, Value<T> actual) {
        assertEquals(Certainty.DEFAULTED, actual.certainty(), () -> "defaulted " + expected + ", was " + actual);
        assertEquals(expected, actual.get());
    }

    static void unknown(String reasonPart, Value<?> actual) {
        assertEquals(Certainty.UNKNOWN, actual.certainty(), () -> "unknown, was " + actual);
        assertTrue(actual.note() != null && actual.note().contains(reasonPart),
                () -> "reason should contain '" + reasonPart + "': " + actual.note());
    }
}
