package io.plumbline.source.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Every CloudFormation template of the shared corpus loads, and its resources are all accounted for. */
class CorpusWalkTest {

    static Path corpus() {
        return io.plumbline.testing.Shared.corpus("cloudformation");
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")
                    || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void theCorpusIsThere() throws IOException {
        assertEquals(52, templates().size(), "templates in " + corpus());
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateLoadsAndAccountsForEveryResource() throws IOException {
        return templates().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Model m = Inputs.load(p, SourceOptions.DEFAULT);
            assertEquals(1, m.inputs().size());
            InputFile in = m.inputs().get(0);
            assertEquals("cloudformation", in.format());
            assertEquals(independentCount(p), in.declared(), "declared resources");
            assertEquals(in.declared(), in.modelled() + in.folded() + in.excluded(), "declared = modelled+folded+excluded");
            long placeholders = m.all(io.plumbline.model.network.SecurityGroup.class).stream()
                    .filter(g -> g.declaredInInput.is(false)).count();
            assertEquals(in.modelled() + placeholders,
                    m.resources().size(), "modelled + placeholders = resources in the model");
            int foldedSeen = m.resources().stream().mapToInt(r -> r.folded().size()).sum();
            assertEquals(in.folded(), foldedSeen, "folded addresses recorded on targets");
            assertFalse(in.sha256().isEmpty());
        }));
    }

    /** Counts the entries of Resources without Plumbline's readers: Jackson for JSON, snakeyaml Load for YAML. */
    static int independentCount(Path p) throws IOException {
        if (p.toString().endsWith(".json")) {
            JsonNode root = new ObjectMapper().readTree(p.toFile());
            return root.get("Resources").size();
        }
        LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
        StandardConstructor ignoringTags = new StandardConstructor(settings) {
            @Override
            protected Optional<ConstructNode> findConstructorFor(Node node) {
                Optional<ConstructNode> known = super.findConstructorFor(node);
                if (known.isPresent() && !node.getTag().getValue().startsWith("!")) return known;
                return Optional.of(new ConstructNode() {
                    @Override
                    public Object construct(Node n) {
                        if (n instanceof ScalarNode s) return s.getValue();
                        if (n instanceof SequenceNode seq) return constructSequence(seq);
                        return constructMapping((MappingNode) n);
                    }
                });
            }
        };
        try (InputStream in = Files.newInputStream(p)) {
            Object doc = new Load(settings, ignoringTags).loadFromInputStream(in);
            assertTrue(doc instanceof Map, "a mapping");
            return ((Map<?, ?>) ((Map<?, ?>) doc).get("Resources")).size();
        }
    }
}
