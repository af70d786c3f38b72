package io.plumbline.features.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plumbline.model.Kind;
import org.junit.jupiter.api.Test;

class KindsTest {
    @Test
    void everyKindHasALabelThatParsesBack() {
        for (Kind k : Kind.values()) {
            assertEquals(k, Kinds.parse(Kinds.label(k)));
            assertEquals(k, Kinds.parse(k.name()));
        }
    }

    @Test
    void auditorsNamesAreSynonyms() {
        assertEquals(Kind.DB_CLUSTER, Kinds.parse("Aurora cluster"));
        assertEquals(Kind.DB_INSTANCE, Kinds.parse("aurora instance"));
        assertEquals(Kind.CACHE_REPLICATION_GROUP, Kinds.parse("ElastiCache replication group"));
        assertEquals(Kind.ROUTE53_HEALTH_CHECK, Kinds.parse("Route 53 health check"));
        assertEquals(Kind.NETWORK_ACL, Kinds.parse("NACL"));
        assertThrows(IllegalArgumentException.class, () -> Kinds.parse("lambda function"));
    }
}
