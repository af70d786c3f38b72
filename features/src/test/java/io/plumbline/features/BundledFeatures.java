package io.plumbline.features;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The bundled feature files and their pickles (scenarios with outline examples expanded), for tests. */
final class BundledFeatures {
    private BundledFeatures() {
    }

    static List<Path> files() {
        try {
            Path dir = Path.of(BundledFeatures.class.getResource("/io/plumbline/features/multi-az-resilience.feature")
                    .toURI()).getParent();
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Pickle> pickles() {
        List<Pickle> out = new ArrayList<>();
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
        for (Path f : files()) {
            try (Stream<Envelope> s = parser.parse(f)) {
                s.forEach(e -> {
                    e.getParseError().ifPresent(err -> {
                        throw new IllegalStateException(f + ": " + err.getMessage());
                    });
                    e.getPickle().ifPresent(out::add);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
