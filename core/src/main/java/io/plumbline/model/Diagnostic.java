package io.plumbline.model;

/** Something about the input a reader of the results should know (a transform not expanded, a conflict...). */
public record Diagnostic(Level level, String message, Provenance location) {
    public enum Level { INFO, WARNING }

    public static Diagnostic warning(String message, Provenance location) {
        return new Diagnostic(Level.WARNING, message, location);
    }

    public static Diagnostic info(String message, Provenance location) {
        return new Diagnostic(Level.INFO, message, location);
    }
}
