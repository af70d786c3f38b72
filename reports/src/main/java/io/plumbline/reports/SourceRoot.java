package io.plumbline.reports;

import io.plumbline.model.Model;
import io.plumbline.model.SourceLocator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code %SRCROOT%} of a SARIF log: the root of the git repository that holds the sources (a plan's {@code .tf}
 * directory, else the current directory), or that directory itself outside a repository. GitHub code scanning reads
 * a relative {@code uri} from the root of the repository it analyses, so files are named relative to it, with
 * {@code uriBaseId} {@value #ID} and the root's absolute {@code file:} URI in {@code run.originalUriBaseIds}; a file
 * outside the root gets its absolute {@code file:} URI and no base (SARIF: a base only for relative references).
 */
final class SourceRoot {
    static final String ID = "%SRCROOT%";

    /** A location's {@code uri}, and whether it is relative to {@value #ID}. */
    record Uri(String uri, boolean relative) {
    }

    private final Path root;
    private boolean used;

    private SourceRoot(Path root) {
        this.root = root;
    }

    static SourceRoot of(Model model) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path start = cwd;
        for (SourceLocator s : model.sources()) {
            start = s.sourceDir();
            break;
        }
        Path repo = repository(start);
        if (repo != null) return new SourceRoot(repo);
        return new SourceRoot(start.startsWith(cwd) ? cwd : start);
    }

    /** The nearest directory at or above {@code dir} that holds {@code .git} (a directory, or a worktree's file). */
    private static Path repository(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) return d;
        }
        return null;
    }

    /** Whether some location was written relative to the root (then the log names the root). */
    boolean used() {
        return used;
    }

    /** The root as an absolute {@code file:} URI ending in {@code /}. */
    String uri() {
        String u = root.toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }

    Uri uriOf(String file) {
        Path abs;
        try {
            abs = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return new Uri(encode(file.replace('\\', '/')), false);
        }
        if (!abs.startsWith(root) || abs.equals(root)) return new Uri(abs.toUri().toString(), false);
        used = true;
        String relative = root.relativize(abs).toString().replace('\\', '/');
        // a first segment with a colon would read as a URI scheme
        int colon = relative.indexOf(':');
        int slash = relative.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) relative = "./" + relative;
        return new Uri(encode(relative), true);
    }

    /** A path as a URI reference: spaces, non-ASCII and other characters a URI may not hold are percent-encoded. */
    private static String encode(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }
}
