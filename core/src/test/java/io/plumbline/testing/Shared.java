package io.plumbline.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared material beside the repository ({@code ../shared}): the corpus of real plans and templates. */
public final class Shared {
    private Shared() {
    }

    /** {@code ../shared}, from the system property surefire sets, else found upward from the working directory. */
    public static Path dir() {
        String prop = System.getProperty("plumbline.shared");
        if (prop != null && Files.isDirectory(Path.of(prop, "corpus"))) return Path.of(prop);
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("corpus"))) return candidate;
        }
        throw new IllegalStateException("../shared (with corpus/) is not beside the repository");
    }

    public static Path corpus(String kind) {
        return dir().resolve("corpus").resolve(kind);
    }
}
