package io.plumbline.model.policy;

import java.util.List;

/**
 * An IAM policy document as AWS reads it (IAM User Guide, "Grammar of the IAM JSON policy language"): bucket and key
 * policies, trust and permission policies alike. Read with {@link PolicyReader}; a document that reader refused is
 * never built, so a rule holding one knows every statement was understood.
 *
 * @param version {@code 2012-10-17}, {@code 2008-10-17}, or null when absent (AWS then applies 2008-10-17)
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {
    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public List<Statement> allows() {
        return statements.stream().filter(s -> s.effect() == Effect.ALLOW).toList();
    }

    public List<Statement> denies() {
        return statements.stream().filter(s -> s.effect() == Effect.DENY).toList();
    }
}
