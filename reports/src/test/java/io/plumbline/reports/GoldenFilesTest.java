package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.reports.html.HtmlReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every format of the bundled reference example, compared byte for byte with its golden file. A deliberate change of
 * output is accepted by refreshing them: {@code mvn -pl reports test -Dtest=GoldenFilesTest -Dplumbline.golden.refresh=true},
 * then review the diff like any code.
 */
class GoldenFilesTest {
    private static final Instant WHEN = Instant.parse("2026-01-01T00:00:00Z");
    private static Result reference;

    @BeforeAll
    static void run() {
        reference = Plumbline.check().run();
    }

    private static Path golden(String name) {
        return Path.of(System.getProperty("plumbline.root"), "reports", "src", "test", "resources", "golden", name);
    }

    private static String render(Consumer<ByteArrayOutputStream> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PrintWriter print(ByteArrayOutputStream out) {
        return new PrintWriter(out, true, StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> everyFormatMatchesItsGoldenFile() {
        return Stream.of(
                DynamicTest.dynamicTest("reference.json", () -> check("reference.json",
                        render(o -> JsonReport.write(reference, "golden", o)))),
                DynamicTest.dynamicTest("reference.sarif", () -> check("reference.sarif",
                        render(o -> SarifReport.write(reference, "golden", o)))),
                DynamicTest.dynamicTest("reference-junit.xml", () -> check("reference-junit.xml",
                        render(o -> JUnitReport.write(reference, o)))),
                DynamicTest.dynamicTest("reference.md", () -> check("reference.md",
                        render(o -> MarkdownReport.write(reference, print(o))))),
                DynamicTest.dynamicTest("reference.txt", () -> check("reference.txt",
                        render(o -> TextReport.write(reference, true, print(o))))),
                DynamicTest.dynamicTest("reference.html", () -> check("reference.html",
                        render(o -> HtmlReport.write(reference, "golden", WHEN, o)))));
    }

    private static void check(String name, String actual) throws Exception {
        Path file = golden(name);
        if (Boolean.getBoolean("plumbline.golden.refresh")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            return;
        }
        assertTrue(Files.exists(file), () -> "no golden file " + file + ": refresh with -Dplumbline.golden.refresh=true");
        assertEquals(Files.readString(file), actual, () -> name + " differs from its golden file " + file
                + " (a deliberate change? refresh with -Dplumbline.golden.refresh=true and review the diff)");
    }
}
