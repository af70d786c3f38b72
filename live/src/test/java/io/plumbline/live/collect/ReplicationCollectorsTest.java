package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedData;
import io.plumbline.model.Model;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.security.Secret;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecr.model.RepositoryFilterType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** REP-005's and REP-006's live inputs, read from moto in server mode: secret replicas and registry replication. */
@ExtendWith(MotoServer.class)
class ReplicationCollectorsTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    @Test
    void registryReplicationIsOneResourcePerRegionAndEmptyWhenNeverConfigured() {
        Model none = SeedData.collect(moto, new EcrCollector()).model();
        List<EcrReplicationConfiguration> empty = none.all(EcrReplicationConfiguration.class);
        assertEquals(1, empty.size());
        assertEquals(List.of(), empty.get(0).rules.get(), "no configuration: no rules");
        assertEquals(EcrCollector.DESCRIBE_REGISTRY, empty.get(0).rules.provenance().operation());

        try (var ecr = SeedData.ecr(moto)) {
            ecr.putReplicationConfiguration(b -> b.replicationConfiguration(c -> c.rules(r -> r
                    .destinations(d -> d.region("us-west-2").registryId(SeedData.ACCOUNT))
                    .repositoryFilters(f -> f.filter("plumbline/").filterType(RepositoryFilterType.PREFIX_MATCH)))));
        }
        Model m = SeedData.collect(moto, new EcrCollector()).model();
        EcrReplicationConfiguration c = m.all(EcrReplicationConfiguration.class).get(0);
        assertEquals("eu-west-1", c.region.get());
        EcrReplicationConfiguration.Rule rule = c.rules.get().get(0);
        assertEquals("us-west-2", rule.destinations().get().get(0).region().get());
        assertEquals(List.of("plumbline/"), rule.prefixFilters().get());
        assertEquals(List.of("PREFIX_MATCH"), rule.filterTypes().get());
    }

    @Test
    void secretReplicasCarryRegionStatusAndTheReplicaKnowsItsPrimary() {
        try (SecretsManagerClient sm = SeedData.secrets(moto)) {
            sm.createSecret(b -> b.name("acme/app-db").secretString("not-read")
                    .addReplicaRegions(r -> r.region("us-west-2")));
            sm.createSecret(b -> b.name("acme/plain").secretString("not-read"));
        }
        Model m = SeedData.collect(moto, new SecretsManagerCollector()).model();
        Secret app = m.all(Secret.class).stream().filter(s -> s.name.is("acme/app-db")).findFirst().orElseThrow();
        assertEquals(List.of("us-west-2"), app.replicaRegions.get());
        assertTrue(app.replicaStatus.get().containsKey("us-west-2"), () -> "" + app.replicaStatus.get());
        assertNull(app.primaryRegion.get(), "a primary secret");
        Secret plain = m.all(Secret.class).stream().filter(s -> s.name.is("acme/plain")).findFirst().orElseThrow();
        assertEquals(List.of(), plain.replicaRegions.get());
    }
}
