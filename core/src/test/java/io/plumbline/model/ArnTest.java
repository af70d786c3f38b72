package io.plumbline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArnTest {
    @Test
    void readsRegionalArnsWithTheirResourceTypeAndId() {
        Arn key = Arn.parse("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertEquals("aws", key.partition());
        assertEquals("kms", key.service());
        assertEquals("eu-west-1", key.region());
        assertEquals("111122223333", key.account());
        assertEquals("key", key.resourceType());
        assertEquals("1234abcd-12ab-34cd-56ef-1234567890ab", key.resourceId());
        assertTrue(key.hasRegion());

        Arn vault = Arn.parse("arn:aws:backup:us-west-2:111122223333:backup-vault:dr-vault");
        assertEquals("us-west-2", vault.region());
        assertEquals("backup-vault", vault.resourceType());
        assertEquals("dr-vault", vault.resourceId());

        Arn cluster = Arn.parse("arn:aws-us-gov:rds:us-gov-west-1:111122223333:cluster:aurora-1");
        assertEquals("aws-us-gov", cluster.partition());
        assertEquals("us-gov-west-1", cluster.region());
        assertEquals("cluster", cluster.resourceType());
        assertEquals("aurora-1", cluster.resourceId());
        assertEquals("arn:aws-us-gov:rds:us-gov-west-1:111122223333:cluster:aurora-1", cluster.toString());
    }

    @Test
    void globalArnsHaveNoRegion() {
        Arn bucket = Arn.parse("arn:aws:s3:::state-bucket/env/prod/*");
        assertFalse(bucket.hasRegion());
        assertFalse(bucket.hasAccount());
        assertEquals("", bucket.resourceType());
        assertEquals("state-bucket/env/prod/*", bucket.resourceId());

        Arn managed = Arn.parse("arn:aws:iam::aws:policy/AdministratorAccess");
        assertFalse(managed.hasRegion());
        assertEquals("aws", managed.account());
        assertEquals("policy", managed.resourceType());
        assertEquals("AdministratorAccess", managed.resourceId());
    }

    @Test
    void whatIsNotAWellFormedArnIsNull() {
        assertNull(Arn.parse(null));
        assertNull(Arn.parse(""));
        assertNull(Arn.parse("alias/aws/s3"));
        assertNull(Arn.parse("arn:aws:kms:eu-west-1:111122223333"));                 // no resource part
        assertNull(Arn.parse("arn:aws:kms:eu-west-1:111122223333:"));
        assertNull(Arn.parse("arn:${Partition}:kms:eu-west-1:111122223333:key/x"));  // unresolved template text
        assertNull(Arn.parse("arn:aws:kms:EU-WEST-1:111122223333:key/x"));
        assertNull(Arn.parse("arn:aws:kms:eu-west-1:12345:key/x"));                  // an account is 12 digits
        assertNull(Arn.parse("arn:aws:kms:eu-west-1:111122223333:key/" + "x".repeat(Arn.MAX_LENGTH)));
    }
}
