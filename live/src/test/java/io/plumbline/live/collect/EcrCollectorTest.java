package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedData;
import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.ops.EcrRepository;
import io.plumbline.model.security.KmsKey;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecr.model.EncryptionType;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

@ExtendWith(MotoServer.class)
class EcrCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static EcrRepository repo(Model m, String name) {
        return m.all(EcrRepository.class).stream().filter(r -> r.name.is(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + m.all(EcrRepository.class)));
    }

    @Test
    void repositoriesAreCollectedInTheSourcesShape() {
        String key = SeedData.key(moto, "images", true);
        try (var ecr = SeedData.ecr(moto)) {
            ecr.createRepository(b -> b.repositoryName("api"));
            ecr.createRepository(b -> b.repositoryName("web").imageTagMutability(ImageTagMutability.IMMUTABLE)
                    .imageScanningConfiguration(s -> s.scanOnPush(true))
                    .encryptionConfiguration(e -> e.encryptionType(EncryptionType.KMS).kmsKey(key))
                    .tags(t -> t.key("team").value("web")));
        }
        Model m = SeedData.collect(moto, new KmsCollector(), new EcrCollector()).model();
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        EcrRepository api = repo(m, "api");
        assertEquals("arn:aws:ecr:eu-west-1:" + SeedData.ACCOUNT + ":repository/api", api.address());
        assertEquals(false, api.scanOnPush.get());
        assertEquals(EcrCollector.DESCRIBE_REPOSITORIES, api.scanOnPush.provenance().operation());
        assertEquals("MUTABLE", api.tagMutability.get());
        assertEquals("AES256", api.encryptionType.get());
        assertEquals(Certainty.EXPLICIT, api.kmsKey.certainty());
        assertNull(api.kmsKey.get(), "AES256: no key");
        assertEquals(Map.of(), api.tags.get());

        EcrRepository web = repo(m, "web");
        assertEquals(true, web.scanOnPush.get());
        assertEquals("IMMUTABLE", web.tagMutability.get());
        assertEquals("KMS", web.encryptionType.get());
        assertSame(m.all(KmsKey.class).stream().filter(k -> k.address().equals(key)).findFirst().orElseThrow(),
                m.resolve(web, web.kmsKey.get(), KmsKey.class).orElseThrow());
        assertEquals(Map.of("team", "web"), web.tags.get());
        assertEquals(EcrCollector.LIST_TAGS_FOR_RESOURCE, web.tags.provenance().operation());
    }

    @Test
    void deniedTagsAreUnknownAndDeniedListingIsAGap() {
        try (var ecr = SeedData.ecr(moto)) {
            ecr.createRepository(b -> b.repositoryName("api"));
        }
        var tagsDenied = SeedData.collect(SeedData.observed(moto, Set.of("ListTagsForResource"), new ArrayList<>()),
                new EcrCollector()).model();
        EcrRepository api = repo(tagsDenied, "api");
        assertEquals(Certainty.UNKNOWN, api.tags.certainty());
        assertEquals("MUTABLE", api.tagMutability.get());
        assertTrue(tagsDenied.gaps().isEmpty());

        var listDenied = SeedData.collect(SeedData.observed(moto, Set.of("DescribeRepositories"), new ArrayList<>()),
                new EcrCollector()).model();
        assertTrue(listDenied.all(EcrRepository.class).isEmpty());
        assertEquals(EcrCollector.DESCRIBE_REPOSITORIES, listDenied.gaps().get(0).operation());
    }
}
