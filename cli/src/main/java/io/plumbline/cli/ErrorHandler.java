package io.plumbline.cli;

import io.plumbline.source.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Turns bad input and a failing environment (a file that cannot be written, a full disk) into one clear line naming the
 * file and what is wrong, and exit code 2; never a pass, and never a stack trace. A bug says "internal error" in one
 * line; its stack trace only with {@value #DEBUG_ENV}=1.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final String DEBUG_ENV = "PLUMBLINE_DEBUG";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof InputException ie) {
            cl.getErr().println("plumbline: error: " + ie.getMessage());
            return Main.USAGE;
        }
        if (ex instanceof IllegalArgumentException) {
            cl.getErr().println("plumbline: error: " + ex.getMessage());
            return Main.USAGE;
        }
        IOException io = ex instanceof IOException e ? e : ex instanceof UncheckedIOException u ? u.getCause() : null;
        if (io != null) {
            cl.getErr().println("plumbline: error: " + describe(io));
            return Main.USAGE;
        }
        internal(ex, cl.getErr());
        return Main.USAGE;
    }

    /** A file system failure in the user's terms: the path, then what is wrong with it. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            String file = fse.getFile();
            String other = fse.getOtherFile() == null ? "" : " -> " + fse.getOtherFile();
            String problem;
            if (e instanceof NoSuchFileException) problem = "no such file or folder";
            else if (e instanceof AccessDeniedException) problem = "permission denied";
            else if (e instanceof NotDirectoryException) problem = "not a folder";
            else if (e instanceof FileAlreadyExistsException) {
                problem = Files.isDirectory(Path.of(file)) ? "already exists" : "already exists and is not a folder";
            } else {
                problem = fse.getReason() == null ? "cannot be read or written" : fse.getReason();
            }
            return file + other + ": " + problem;
        }
        String m = e.getMessage();
        return "input/output error" + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** An unexpected failure: one line saying it is a bug, the stack trace only when asked for. */
    static void internal(Throwable t, PrintWriter err) {
        String m = t.getMessage();
        err.println("plumbline: internal error: " + t.getClass().getSimpleName()
                + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""))
                + " (a bug in Plumbline; please report it with the input, " + DEBUG_ENV + "=1 shows the details)");
        if ("1".equals(System.getenv(DEBUG_ENV))) t.printStackTrace(err);
        err.flush();
    }
}
