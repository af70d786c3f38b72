package io.plumbline.source;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Every plan, template and snapshot under a folder, searched recursively and read as {@link Inputs} reads a file, with
 * the format detected from the content. A file that is none of them is not an error, as it is when named on its own:
 * it is skipped, and an INFO diagnostic of the model says which file and why ("skipped: ..."), so a report lists
 * every file it did not read. A folder in which nothing could be read is unusable input.
 *
 * <p>Bounded like any input: at most {@value #MAX_FILES} files and {@value #MAX_DEPTH} levels; symbolic links are
 * followed (a linked module folder is part of the configuration) and a link back to a folder being searched is
 * reported as a loop, not followed. Hidden folders ({@code .terraform} holds provider binaries and downloaded module
 * copies, {@code .git} the history) are not searched; each gets one line.
 */
public final class InputFolder {
    public static final int MAX_FILES = 10_000;
    public static final int MAX_DEPTH = 32;
    /** What a skipped file's diagnostic starts with. */
    public static final String SKIPPED = "skipped: ";
    static final String HCL_HINT = "this is HCL source, not a plan: run `terraform plan -out tfplan && terraform show "
            + "-json tfplan > plan.json` and check plan.json";

    private InputFolder() {
    }

    /** Whether a file is Terraform source ({@code .tf}, {@code .tfvars}), which Plumbline reads only as a plan. */
    static boolean isHclSource(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".tf") || n.endsWith(".tfvars") || n.endsWith(".hcl");
    }

    public static Model load(Path folder, SourceOptions options) {
        String name = folder.toString();
        List<Path> files = new ArrayList<>();
        List<Diagnostic> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(folder) && dir.getFileName().toString().startsWith(".")) {
                        skipped.add(skip(dir + "/", 0, "hidden folder, not searched"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isDirectory()) {
                        // Only at the depth limit does the walk hand a folder here.
                        skipped.add(skip(file + "/", 0, "deeper than " + MAX_DEPTH + " folders, not searched"));
                    } else if (!attrs.isRegularFile()) {
                        skipped.add(skip(file.toString(), 0, "not a regular file (a pipe, device or socket)"));
                    } else if (files.size() == MAX_FILES) {
                        throw new InputException(name, 0, 0, "more than " + MAX_FILES + " files under this folder: "
                                + "name the plans and templates, or a smaller folder");
                    } else {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skipped.add(skip(file.toString(), 0, e instanceof FileSystemLoopException
                            ? "symbolic link loop (a link to a folder that contains it), not followed"
                            : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                            : e instanceof java.nio.file.NoSuchFileException ? "broken symbolic link"
                            : Inputs.describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InputException(name, 0, 0, "cannot search the folder: " + Inputs.describe(e), e);
        }
        files.sort(null);
        List<Model> models = new ArrayList<>();
        int hcl = 0;
        for (Path file : files) {
            String fileName = file.toString();
            if (isHclSource(file.getFileName().toString())) {
                hcl++;
                skipped.add(skip(fileName, 0, "HCL source, read only as a plan"));
                continue;
            }
            if (isBinary(file)) {
                skipped.add(skip(fileName, 0, "binary file"));
                continue;
            }
            try {
                models.add(Inputs.load(file, options));
            } catch (InputException e) {
                skipped.add(skip(fileName, e.line(), e.problem()));
            }
        }
        skipped.sort(java.util.Comparator.comparing(d -> d.location().file()));
        if (models.isEmpty()) {
            String why = files.isEmpty() && skipped.isEmpty() ? "no file under this folder"
                    : "no Terraform plan, CloudFormation template or Plumbline snapshot under this folder ("
                    + skipped.size() + (skipped.size() == 1 ? " file" : " files") + " skipped)";
            throw new InputException(name, 0, 0, why + (hcl > 0 ? "; " + HCL_HINT : ""));
        }
        Model found = models.size() == 1 ? models.get(0) : Model.merge(models);
        List<Diagnostic> diagnostics = new ArrayList<>(skipped);
        if (hcl > 0) {
            diagnostics.add(Diagnostic.info(hcl + (hcl == 1 ? " HCL file" : " HCL files") + " skipped: Plumbline "
                    + "reads Terraform through its plan (terraform show -json)", Provenance.inFile(name, 0, 0, null)));
        }
        return Model.merge(List.of(found, new Model(List.of(), List.of(), diagnostics)));
    }

    private static Diagnostic skip(String file, int line, String reason) {
        return Diagnostic.info(SKIPPED + reason, Provenance.inFile(file, line, 0, null));
    }

    /** A NUL byte among the first bytes: no plan or template holds one (JSON and YAML forbid it). */
    private static boolean isBinary(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            for (byte b : in.readNBytes(8192)) if (b == 0) return true;
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
