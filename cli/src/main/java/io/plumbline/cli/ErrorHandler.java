package io.plumbline.cli;

import io.plumbline.source.InputException;
import picocli.CommandLine;

/** Turns bad input into one clear line naming the file and place, and exit code 2; never a pass. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
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
        cl.getErr().println("plumbline: internal error: " + ex);
        for (StackTraceElement e : ex.getStackTrace()) cl.getErr().println("    at " + e);
        return Main.USAGE;
    }
}
