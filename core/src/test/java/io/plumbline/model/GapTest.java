package io.plumbline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GapTest {

    @Test
    void aGapSaysWhereInWordsAndNeverShowsAnEmptyAccount() {
        assertEquals("S3_BUCKET in region eu-west-1 of account 123456789012: s3:ListBuckets failed (AccessDenied)",
                new Gap("123456789012", "eu-west-1", Kind.S3_BUCKET, "s3:ListBuckets", "AccessDenied").display());
        assertEquals("attributes in the global services (account unknown): iam:ListRoles failed (throttled)",
                new Gap(null, null, null, "iam:ListRoles", "throttled").display());
        assertEquals("attributes in region us-east-1 (account unknown): x failed (y)",
                new Gap("", "us-east-1", null, "x", "y").display());
    }
}
