package io.plumbline.source.terraform.hcl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarations of one Terraform module directory: every {@code resource}, {@code data} and {@code module} block
 * of its {@code .tf} files (not subdirectories, as Terraform reads them), with the file that holds each. JSON-syntax
 * files ({@code .tf.json}) are not read. Bounded: at most {@link #MAX_FILES} files of at most {@link #MAX_FILE_BYTES}
 * each, and all directories read for one plan share a {@link Budget} of bytes; what is skipped and why is in
 * {@link #problems()}.
 */
public final class ModuleDir {
    public static final int MAX_FILES = 2_000;
    public static final long MAX_FILE_BYTES = 8L << 20;

    /** The bytes of .tf text still to be read for one plan, shared by the directories of its modules. */
    public static final class Budget {
        /** Far more source than any real configuration; a checkout of thousands of files stops here. */
        public static final long MAX_BYTES = 256L << 20;
        private long left = MAX_BYTES;
    }

    /** A block as declared: the file (under the directory as it was named) and the block. */
    public record Declared(Path file, HclBlock block) {
    }

    private final Path dir;
    private final Map<String, Declared> byKey = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int files;

    private ModuleDir(Path dir) {
        this.dir = dir;
    }

    /** Reads {@code dir}; a directory that cannot be listed gives no declarations and says why. */
    public static ModuleDir read(Path dir, Budget budget) {
        ModuleDir m = new ModuleDir(dir);
        List<Path> tf = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.toString().isEmpty() ? Path.of(".") : dir, "*.tf")) {
            for (Path p : ds) {
                if (tf.size() >= MAX_FILES) {
                    m.problems.add("more than " + MAX_FILES + " .tf files: the others are not read");
                    break;
                }
                tf.add(dir.resolve(p.getFileName()));
            }
        } catch (IOException | RuntimeException e) {
            m.problems.add("cannot list the directory");
            return m;
        }
        tf.sort(null);
        for (Path f : tf) m.readFile(f, budget);
        return m;
    }

    private void readFile(Path f, Budget budget) {
        // only regular files: a FIFO or device named *.tf must not block or flood the read
        if (!Files.isRegularFile(f)) return;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(f)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            problems.add(f.getFileName() + " cannot be read");
            return;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(f.getFileName() + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB: not read");
            return;
        }
        if (bytes.length > budget.left) {
            problems.add(f.getFileName() + " is past the " + (Budget.MAX_BYTES >> 20) + " MB of .tf text read for one plan: not read");
            budget.left = 0;
            return;
        }
        budget.left -= bytes.length;
        files++;
        HclFile file = HclScanner.scan(new String(bytes, StandardCharsets.UTF_8));
        if (file.incomplete() != null) problems.add(f.getFileName() + ": " + file.incomplete());
        for (HclBlock b : file.blocks()) {
            String key = key(b);
            if (key != null) byKey.putIfAbsent(key, new Declared(f, b));
        }
    }

    /** {@code aws_s3_bucket.logs}, {@code data.aws_iam_policy_document.p}, {@code module.db}; null for other blocks. */
    static String key(HclBlock b) {
        List<String> l = b.labels();
        return switch (b.type()) {
            case "resource" -> l.size() == 2 ? l.get(0) + "." + l.get(1) : null;
            case "data" -> l.size() == 2 ? "data." + l.get(0) + "." + l.get(1) : null;
            case "module" -> l.size() == 1 ? "module." + l.get(0) : null;
            default -> null;
        };
    }

    /** The block declaring {@code key} ({@code type.name}, {@code data.type.name}, {@code module.name}), or null. */
    public Declared find(String key) {
        return byKey.get(key);
    }

    public Path dir() {
        return dir;
    }

    /** How many .tf files were read. */
    public int files() {
        return files;
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether {@code dir} is a directory (following links, as Terraform does). */
    public static boolean isDirectory(Path dir) {
        return Files.isDirectory(dir.toString().isEmpty() ? Path.of(".") : dir, new LinkOption[0]);
    }
}
