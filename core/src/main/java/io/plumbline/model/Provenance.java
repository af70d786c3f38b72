package io.plumbline.model;

/**
 * Where a value came from: a place in an input file (line, column and JSON pointer), or a live AWS resource
 * (account, region, ARN and the API operation that returned it). Unused parts are null (line and column 0).
 */
public record Provenance(String file, int line, int column, String pointer,
                         String account, String region, String arn, String operation) {

    public static final Provenance NONE = new Provenance(null, 0, 0, null, null, null, null, null);

    public static Provenance inFile(String file, int line, int column, String pointer) {
        return new Provenance(file, line, column, pointer, null, null, null, null);
    }

    public static Provenance live(String account, String region, String arn, String operation) {
        return new Provenance(null, 0, 0, null, account, region, arn, operation);
    }

    public Provenance withPointer(String newPointer) {
        return new Provenance(file, line, column, newPointer, account, region, arn, operation);
    }

    public boolean isLive() {
        return arn != null || account != null;
    }

    /** Short human form: {@code file:line:column} or {@code arn (operation)}. */
    public String display() {
        if (file != null) {
            StringBuilder sb = new StringBuilder(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) sb.append(':').append(column);
            }
            // Plans are one long line: the JSON pointer is what lets a person find the value.
            if (pointer != null && (line <= 1)) sb.append(" ").append(pointer);
            return sb.toString();
        }
        if (arn != null) return operation == null ? arn : arn + " (" + operation + ")";
        if (account != null || region != null || operation != null) {
            // an account and region as a whole: where a live call failed
            String where = (account == null ? "(unknown account)" : account) + "/" + (region == null ? "global" : region);
            return operation == null ? where : where + " (" + operation + ")";
        }
        return "(no location)";
    }

    @Override
    public String toString() {
        return display();
    }
}
