package io.plumbline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.storage.S3Bucket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one redactor: long secrets everywhere, short ones as whole tokens and only about the resources holding them. */
class SecretsTest {

    private static Secrets of(String... textAndScope) {
        Secrets.Builder b = new Secrets.Builder();
        for (int i = 0; i < textAndScope.length; i += 2) b.add(textAndScope[i], textAndScope[i + 1]);
        return b.build();
    }

    @Test
    void longSecretsAreTakenOutEverywhereEvenInsideLongerWords() {
        Secrets s = of("hunter2-longer", null);
        assertEquals("rule rdp-(sensitive)-sg opens 3389", s.redact("rule rdp-hunter2-longer-sg opens 3389"));
        assertEquals("(sensitive) and (sensitive)", s.redact("hunter2-longer and hunter2-longer"));
        assertEquals("nothing here", s.redact("nothing here"));
    }

    @Test
    void aDerivedStringIsTakenOutWholeBeforeTheSecretInsideIt() {
        Secrets s = of("s3cr3t-abc", null, "arn:aws:kms:eu-west-1:1:key/s3cr3t-abc", "aws_rds_cluster.db");
        assertEquals("key (sensitive) is not declared",
                s.redact("key arn:aws:kms:eu-west-1:1:key/s3cr3t-abc is not declared"));
    }

    @Test
    void shortSecretsAreTakenOutOnlyAsWholeTokensOfTheirResource() {
        Secrets s = of("22", "aws_security_group.admin", "1", "aws_rds_cluster.db");
        Set<String> admin = Set.of("aws_security_group.admin");
        assertEquals("expected tcp (sensitive) from 0.0.0.0/0, not 220 or 2222 or v22x",
                s.redact("expected tcp 22 from 0.0.0.0/0, not 220 or 2222 or v22x", admin));
        assertEquals("tcp 22 of another resource is not its secret",
                s.redact("tcp 22 of another resource is not its secret", Set.of("aws_security_group.other")));
        assertEquals("short secrets are not global: 22", s.redact("short secrets are not global: 22"));
        assertEquals("backup retention is (sensitive) day, not 10 or 21",
                s.redact("backup retention is 1 day, not 10 or 21", Set.of("aws_rds_cluster.db")));
    }

    @Test
    void inputErrorsLoseEverySecretShortOnesAsTokens() {
        Secrets s = of("s3cr3t-long", null, "yes", null);
        assertEquals("a condition must be a boolean, found '(sensitive)' ((sensitive)), not yesterday",
                s.redactAll("a condition must be a boolean, found 's3cr3t-long' (yes), not yesterday"));
    }

    @Test
    void theModelKnowsTheContentOfValuesMarkedSensitiveAndRedactsDiagnostics() {
        S3Bucket b = new S3Bucket("aws_s3_bucket.logs", "aws_s3_bucket", Provenance.NONE);
        b.name = Value.explicit("bucket-of-s3cr3t-x", Provenance.NONE).asSensitive();
        b.versioning = Value.explicit("7", Provenance.NONE).asSensitive();
        Model m = new Model(List.of(b), List.of(), List.of(Diagnostic.warning("about bucket-of-s3cr3t-x", Provenance.NONE)),
                List.of(), Secrets.NONE);
        assertEquals("about (sensitive)", m.diagnostics().get(0).message());
        assertEquals("name (sensitive), version (sensitive)", m.redact("name bucket-of-s3cr3t-x, version 7", b.address()));
        assertEquals("version 7 elsewhere", m.redact("version 7 elsewhere", "aws_s3_bucket.other"));
        assertTrue(Model.merge(List.of(m)).secrets().texts().contains("bucket-of-s3cr3t-x"), "merging keeps secrets");
    }

    @Test
    void aShortSecretHeldByAFoldedResourceIsTheTargetsToo() {
        S3Bucket b = new S3Bucket("aws_s3_bucket.logs", "aws_s3_bucket", Provenance.NONE);
        b.addFolded("aws_s3_bucket_versioning.logs");
        Model m = new Model(List.of(b), List.of(), List.of(), List.of(),
                of("42", "aws_s3_bucket_versioning.logs"));
        assertEquals("days (sensitive)", m.redact("days 42", "aws_s3_bucket.logs"));
    }
}
