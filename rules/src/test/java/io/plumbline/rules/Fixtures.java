package io.plumbline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.model.Default;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.profile.Profile;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Rule;
import io.plumbline.rule.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Tiny models for rule unit tests: values with a place, and a run through the engine with the reference profile. */
public final class Fixtures {

    /** {@code ../shared/corpus/KIND}, from the property surefire sets, else found upward. */
    public static Path corpus(String kind) {
        String prop = System.getProperty("plumbline.shared");
        if (prop != null && Files.isDirectory(Path.of(prop, "corpus"))) return Path.of(prop, "corpus", kind);
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) return candidate.resolve(kind);
        }
        throw new IllegalStateException("../shared/corpus is not beside the repository");
    }

    public static final String FILE = "test.tf.json";
    private static int line = 1;

    private Fixtures() {
    }

    public static Provenance at() {
        return Provenance.inFile(FILE, ++line, 3, "/x/" + line);
    }

    public static <T> Value<T> explicit(T v) {
        return Value.explicit(v, at());
    }

    public static <T> Value<T> defaulted(Default<T> d) {
        return Value.defaulted(d, at());
    }

    public static <T> Value<T> unknown() {
        return Value.unknown("known only after apply", at());
    }

    public static <T> Value<T> unknown(String why) {
        return Value.unknown(why, at());
    }

    public static Value<Ref> ref(String target) {
        return explicit(new Ref(target));
    }

    public static Value<List<Ref>> refs(String... targets) {
        return explicit(Arrays.stream(targets).map(Ref::new).toList());
    }

    public static Profile profile() {
        return ReferenceArchitecture.profile();
    }

    public static Result run(Rule rule, Resource... resources) {
        return run(rule, profile(), resources);
    }

    public static Result run(Rule rule, Profile profile, Resource... resources) {
        return Engine.evaluate(new Model(List.of(resources), List.of(), List.of()), profile, List.of(rule));
    }

    /** The one finding on {@code address}; fails when there is none or several. */
    public static Finding finding(Result result, String address) {
        List<Finding> fs = result.findings().stream().filter(f -> f.resource().equals(address)).toList();
        assertEquals(1, fs.size(), () -> "findings on " + address + ": " + result.findings());
        return fs.get(0);
    }

    /** Asserts the status on {@code address}, and that the message names every {@code words}; returns the finding. */
    public static Finding expect(Result result, String address, Status status, String... words) {
        Finding f = finding(result, address);
        assertEquals(status, f.status(), () -> describe(f));
        for (String w : words) assertTrue(f.message().contains(w), () -> "'" + w + "' missing in: " + describe(f));
        if (status == Status.UNKNOWN || status == Status.NOT_APPLICABLE) {
            assertTrue(f.message() != null && !f.message().isBlank(), "a reason is given");
        }
        return f;
    }

    public static String describe(Finding f) {
        return f.status() + " " + f.resource() + ": " + f.message() + "\n  evidence: " + f.evidence().stream()
                .map(e -> e.attribute() + "=" + e.actual() + " (expected " + e.expected() + ", " + e.certainty() + ")")
                .collect(Collectors.joining("\n  evidence: "));
    }

    public static boolean evidenceShows(Finding f, String attribute, String text) {
        return f.evidence().stream().anyMatch(e -> e.attribute().equals(attribute) && e.actual().contains(text));
    }
}
