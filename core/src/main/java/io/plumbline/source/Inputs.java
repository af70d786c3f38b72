package io.plumbline.source;

import io.plumbline.model.Model;
import io.plumbline.source.cloudformation.CloudFormationSource;
import io.plumbline.source.snapshot.SnapshotReader;
import io.plumbline.source.terraform.TerraformPlanSource;
import io.plumbline.source.tree.JsonTreeReader;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads input files into one model, detecting each file's format from its content: a Terraform plan, a CloudFormation
 * template, or a snapshot of a model saved earlier (read back as it was saved; parameters and region do not apply).
 */
public final class Inputs {
    /**
     * Plan members no source reads when {@code resource_changes} is there: a third of a plan's bytes, parsed only if
     * asked for.
     */
    private static final Set<String> DEFERRED_PLAN_MEMBERS =
            Set.of("planned_values", "relevant_attributes", "output_changes", "checks");

    /** Plan members large enough to be worth building on the second core while the first reads the rest. */
    private static final Set<String> CONCURRENT_PLAN_MEMBERS = Set.of("configuration", "prior_state");

    /**
     * The largest input file read, in bytes (512 MB): far beyond any real plan or template (CloudFormation takes at
     * most 1 MB), and small enough to be read and parsed in memory.
     */
    public static final long MAX_INPUT_BYTES = 512L << 20;

    private Inputs() {
    }

    public static Model load(List<Path> files, SourceOptions options) {
        List<Model> models = new ArrayList<>();
        for (Path f : files) models.add(Files.isDirectory(f) ? InputFolder.load(f, options) : load(f, options));
        return models.size() == 1 ? models.get(0) : Model.merge(models);
    }

    public static Model load(Path file, SourceOptions options) {
        String name = file.toString();
        if (file.getFileName() != null && InputFolder.isHclSource(file.getFileName().toString())
                && Files.isRegularFile(file)) {
            throw new InputException(name, 0, 0, InputFolder.HCL_HINT);
        }
        Path dir = file.getParent();
        return load(name, readBounded(file, name, MAX_INPUT_BYTES), options, dir == null ? Path.of("") : dir);
    }

    /**
     * The bytes of a regular file of at most {@code limit} bytes. Anything else is refused at once, before a read
     * that could block forever (a FIFO, a terminal, a socket) or never end ({@code /dev/zero}); a file that grows
     * while read is cut at the limit and refused too.
     */
    public static byte[] readBounded(Path file, String name, long limit) {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (attributes.isDirectory()) throw new InputException(name, 0, 0, "is a directory, not a file");
        if (!attributes.isRegularFile()) {
            throw new InputException(name, 0, 0, "is not a regular file (a pipe, device or socket): save the input "
                    + "to a file first");
        }
        if (attributes.size() > limit) throw tooLarge(name, limit);
        try (java.io.InputStream in = Files.newInputStream(file)) {
            // Read into one array of the size the file has (readNBytes alone gathers chunks and copies them again:
            // twice a large plan's size in garbage); then whatever it grew by since, up to the limit.
            int size = (int) attributes.size();
            byte[] bytes = new byte[size];
            int n = in.readNBytes(bytes, 0, size);
            if (n < size) return java.util.Arrays.copyOf(bytes, n);
            byte[] more = in.readNBytes((int) Math.min(limit + 1 - size, Integer.MAX_VALUE - 8L - size));
            if (more.length == 0) return bytes;
            if ((long) size + more.length > limit) throw tooLarge(name, limit);
            byte[] all = java.util.Arrays.copyOf(bytes, size + more.length);
            System.arraycopy(more, 0, all, size, more.length);
            return all;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static InputException unreadable(String name, IOException e) {
        if (e instanceof NoSuchFileException) return new InputException(name, 0, 0, "no such file");
        if (e instanceof java.nio.file.AccessDeniedException) return new InputException(name, 0, 0, "permission denied");
        return new InputException(name, 0, 0, "cannot read: " + describe(e), e);
    }

    private static InputException tooLarge(String name, long limit) {
        String size = limit >= 1 << 20 ? (limit >> 20) + " MB" : limit + " bytes";
        return new InputException(name, 0, 0, "larger than " + size + ", the largest input Plumbline reads");
    }

    /** An I/O failure in the user's terms: the operating system's reason, not the exception class. */
    static String describe(IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException fse ? fse.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? "input/output error" : reason;
    }

    /** Reads one document already in memory; {@code name} is what locations and errors call it. */
    public static Model load(String name, byte[] bytes, SourceOptions options) {
        return load(name, bytes, options, null);
    }

    /** {@code dir}: the directory the document was read from (where a plan's .tf sources may be), or null. */
    private static Model load(String name, byte[] bytes, SourceOptions options, Path dir) {
        int start = firstContent(bytes);
        if (start < 0) throw new InputException(name, 1, 1, "empty file");
        // Hashing a large plan costs as much as a fifth of its parse: do it on another core meanwhile.
        java.util.concurrent.FutureTask<String> hash = new java.util.concurrent.FutureTask<>(() -> sha256(bytes));
        Thread hasher = new Thread(hash, "plumbline-sha256");
        hasher.setDaemon(true);
        hasher.start();
        // A leading '/' is no YAML either: a JSON file that starts with a comment, which the JSON reader names.
        Node root = bytes[start] == '{' || bytes[start] == '[' || bytes[start] == '/'
                ? JsonTreeReader.read(bytes, name, DEFERRED_PLAN_MEMBERS, CONCURRENT_PLAN_MEMBERS)
                : YamlTreeReader.read(bytes, name);
        if (!(root instanceof MapNode map)) {
            throw new InputException(name, root.line(), root.column(),
                    "neither a Terraform plan nor a CloudFormation template nor a Plumbline snapshot: the document is not an object");
        }
        String sha = join(hash);
        return switch (detect(map, name)) {
            case TERRAFORM_PLAN -> TerraformPlanSource.read(map, name, sha, options, dir);
            case CLOUDFORMATION -> CloudFormationSource.read(map, name, sha, options);
            case SNAPSHOT -> SnapshotReader.read(map, name);
        };
    }

    public static Format detect(MapNode root, String name) {
        if (SnapshotReader.isSnapshot(root)) return Format.SNAPSHOT;
        if (root.has("format_version") && (root.has("planned_values") || root.has("resource_changes")
                || root.has("configuration") || root.has("prior_state") || root.has("terraform_version"))) {
            return Format.TERRAFORM_PLAN;
        }
        if (root.has("Resources") || root.has("AWSTemplateFormatVersion")) return Format.CLOUDFORMATION;
        if (root.has("resource") || root.has("module") || root.has("provider") || root.has("terraform")) {
            throw new InputException(name, root.line(), root.column(), "this is Terraform configuration in JSON "
                    + "syntax (.tf.json), not a plan: run `terraform plan -out tfplan && terraform show -json tfplan > "
                    + "plan.json` and check plan.json");
        }
        if (root.has("values") && root.has("format_version")) {
            throw new InputException(name, root.line(), root.column(),
                    "this is Terraform state (terraform show -json of a state), not a plan: run terraform show -json on a saved plan");
        }
        throw new InputException(name, root.line(), root.column(),
                "neither a Terraform plan (no format_version with planned_values/resource_changes) nor a CloudFormation template (no Resources)"
                        + " nor a Plumbline snapshot (no " + io.plumbline.source.snapshot.SnapshotFormat.KEY + ")");
    }

    private static int firstContent(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) i = 3;
        for (; i < b.length; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return i;
        }
        return -1;
    }

    private static String join(java.util.concurrent.FutureTask<String> hash) {
        try {
            return hash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing the input", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("hashing the input failed", e.getCause());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
