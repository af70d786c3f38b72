package io.plumbline.source.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An independent reading of .tf text for tests, by line and regular expression only (no scanner of the project): the
 * line that declares a block, and the directory a module block's {@code source} names.
 */
final class TfText {
    private TfText() {
    }

    /** A declaring line: the file and its 1-based line number. */
    record Line(Path file, int line) {
    }

    static List<Path> tfFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line {@code resource "T" "N" {} (or {@code data}, or {@code module "N" {}) in one of the dir's .tf files. */
    static Line declaration(Path dir, String key) {
        String[] parts = key.split("\\.");
        Pattern p;
        if (parts[0].equals("module")) {
            p = Pattern.compile("^\\s*module\\s+\"" + Pattern.quote(parts[1]) + "\"\\s*\\{");
        } else if (parts[0].equals("data")) {
            p = Pattern.compile("^\\s*data\\s+\"" + Pattern.quote(parts[1]) + "\"\\s+\"" + Pattern.quote(parts[2]) + "\"\\s*\\{");
        } else {
            p = Pattern.compile("^\\s*resource\\s+\"" + Pattern.quote(parts[0]) + "\"\\s+\"" + Pattern.quote(parts[1]) + "\"\\s*\\{");
        }
        for (Path f : tfFiles(dir)) {
            List<String> lines = lines(f);
            for (int i = 0; i < lines.size(); i++) if (p.matcher(lines.get(i)).find()) return new Line(f, i + 1);
        }
        return null;
    }

    /** The directory of module path {@code module.a.module.b} below {@code root}, following each block's source line. */
    static Path moduleDir(Path root, String modulePath) {
        Path dir = root;
        if (modulePath.isEmpty()) return dir;
        String[] parts = modulePath.split("\\.");
        for (int k = 0; k + 1 < parts.length; k += 2) {
            Line decl = declaration(dir, "module." + parts[k + 1]);
            if (decl == null) return null;
            List<String> lines = lines(decl.file());
            Pattern source = Pattern.compile("^\\s*source\\s*=\\s*\"([^\"]+)\"");
            Path next = null;
            for (int i = decl.line(); i < lines.size() && next == null; i++) {
                Matcher m = source.matcher(lines.get(i));
                if (m.find()) next = dir.resolve(m.group(1)).normalize();
            }
            if (next == null) return null;
            dir = next;
        }
        return dir;
    }

    /** {@code module.a["k"].module.b.aws_x.y[0]} → {@code [module.a.module.b, aws_x.y]} by regular expressions. */
    static String[] split(String address) {
        String plain = address.replaceAll("\\[[^\\]]*\\]", "");
        Matcher m = Pattern.compile("^((?:module\\.[^.]+\\.)*)(.*)$").matcher(plain);
        if (!m.matches()) throw new IllegalArgumentException(address);
        String module = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
        return new String[] {module, m.group(2)};
    }
}
