package io.plumbline.source.terraform.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The block locator on the HCL that trips simple scanners, on hostile text, and against hcl4j on the real corpus. */
class HclScannerTest {

    private static HclBlock only(String text) {
        HclFile f = HclScanner.scan(text);
        assertNull(f.incomplete(), f.incomplete());
        assertEquals(1, f.blocks().size(), () -> f.blocks().toString());
        return f.blocks().get(0);
    }

    @Test
    void blocksAttributesAndNestedBlocksHaveTheirLines() {
        HclBlock b = only("""
                # a comment with a brace {
                resource "aws_s3_bucket" "logs" {
                  bucket = "logs"   // trailing {
                  tags = {
                    Name = "x"
                  }
                  server_side_encryption_configuration {
                    rule {
                      apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
                    }
                  }
                  lifecycle { ignore_changes = [tags] }
                }
                """);
        assertEquals("resource", b.type());
        assertEquals(List.of("aws_s3_bucket", "logs"), b.labels());
        assertEquals(new HclBlock.Place(2, 1), b.place());
        assertEquals(new HclBlock.Place(3, 3), b.attributes().get("bucket"));
        assertEquals(4, b.attributes().get("tags").line());
        assertNull(b.attributes().get("Name"), "an object's keys are not the block's attributes");
        HclBlock sse = b.nested("server_side_encryption_configuration", 0);
        assertEquals(7, sse.place().line());
        HclBlock byDefault = sse.nested("rule", 0).nested("apply_server_side_encryption_by_default", 0);
        assertEquals(9, byDefault.attributes().get("sse_algorithm").line());
        assertEquals(12, b.nested("lifecycle", 0).place().line());
        assertEquals("logs", b.literals().get("bucket"), "a trailing comment is no part of the value");
        assertNull(b.literals().get("tags"), "an object is not compared");
        assertEquals("aws:kms", byDefault.literals().get("sse_algorithm"));
    }

    @Test
    void onlyPlainLiteralsAreKeptAsValues() {
        HclBlock b = only("""
                resource "aws_security_group_rule" "r" {
                  from_port   = 443
                  ratio       = -1.5e2
                  enabled     = true
                  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0",] # trailing comma
                  ports       = [
                    80,
                    443
                  ]
                  escaped     = "a \\"quoted\\" word"
                  reference   = var.cidr
                  template    = "${var.x}-suffix"
                  call        = tostring(443)
                  nested      = [["a"]]
                  sum         = 1 + 2
                }
                """);
        assertEquals(new java.math.BigDecimal("443"), b.literals().get("from_port"));
        assertEquals(new java.math.BigDecimal("-1.5e2"), b.literals().get("ratio"));
        assertEquals(Boolean.TRUE, b.literals().get("enabled"));
        assertEquals(List.of("10.0.0.0/8", "0.0.0.0/0"), b.literals().get("cidr_blocks"));
        assertEquals(List.of(new java.math.BigDecimal("80"), new java.math.BigDecimal("443")), b.literals().get("ports"));
        assertEquals("a \"quoted\" word", b.literals().get("escaped"));
        for (String computed : List.of("reference", "template", "call", "nested", "sum")) {
            assertTrue(b.attributes().containsKey(computed), computed);
            assertNull(b.literals().get(computed), computed);
        }
    }

    @Test
    void heredocsStringsAndCommentsDoNotOpenOrCloseBlocks() {
        HclFile f = HclScanner.scan("""
                resource "aws_iam_policy" "p" {
                  policy = <<-EOF
                    { "Statement": [ { "Resource": "*" } ] }
                    resource "fake" "inside_heredoc" {
                    EOF
                  name = "a \\" } ${var.x == "}" ? "{" : "}"} %{ if true }{%{ endif }"
                  /* resource "fake" "in_comment" {
                  */
                  description = "$${not_interpolated} {"
                }
                data "aws_iam_policy_document" "d" {
                  statement {
                    actions = ["s3:*"]
                  }
                }
                module "m" {
                  source = "./m"
                }
                """);
        assertNull(f.incomplete(), f.incomplete());
        assertEquals(3, f.blocks().size(), () -> f.blocks().toString());
        HclBlock p = f.blocks().get(0);
        assertEquals(Set.of("policy", "name", "description"), p.attributes().keySet());
        assertEquals(9, p.attributes().get("description").line());
        assertEquals(List.of("aws_iam_policy_document", "d"), f.blocks().get(1).labels());
        assertEquals(11, f.blocks().get(1).place().line());
        assertEquals(13, f.blocks().get(1).nested("statement", 0).attributes().get("actions").line());
        assertEquals(16, f.blocks().get(2).place().line());
    }

    @Test
    void theNthNestedBlockAndDynamicBlocksAreFound() {
        HclBlock sg = only("""
                resource "aws_security_group" "sg" {
                  ingress {
                    from_port = 80
                  }
                  ingress {
                    from_port = 443
                  }
                  dynamic "egress" {
                    for_each = var.rules
                    content {
                      cidr_blocks = egress.value
                    }
                  }
                }
                """);
        assertEquals(6, sg.nested("ingress", 1).attributes().get("from_port").line());
        assertEquals(3, sg.nested("ingress", 7).attributes().get("from_port").line(), "past the last: the first");
        assertEquals(11, sg.dynamicContent("egress").attributes().get("cidr_blocks").line());
    }

    @Test
    void unclosedConstructsEndTheScanWithAReasonAndKeepWhatCameBefore() {
        for (String bad : List.of(
                "resource \"a\" \"b\" {\n  x = 1\n",
                "resource \"a\" \"b\" {\n  p = <<EOF\n  never closed\n",
                "resource \"a\" \"b\" {\n  /* never closed\n",
                "resource \"a\" \"b\" {\n  x = \"${ never closed\n")) {
            HclFile f = HclScanner.scan(bad);
            assertNotNull(f.incomplete(), bad);
            assertEquals(1, f.blocks().size(), bad);
            assertEquals(List.of("a", "b"), f.blocks().get(0).labels());
        }
    }

    @Test
    void depthIsBoundedAndNothingThrows() {
        String deep = "a {\n".repeat(100_000);
        HclFile f = HclScanner.scan(deep);
        assertTrue(f.incomplete().contains("nest deeper than " + HclScanner.MAX_DEPTH), f.incomplete());
        String templates = "x = \"" + "${\"".repeat(50_000);
        assertNotNull(HclScanner.scan("resource \"a\" \"b\" {\n" + templates).incomplete());
        Random random = new Random(13);
        String alphabet = "{}[]()\"'\\$%#/*<-=\n \tEOFresource";
        for (int run = 0; run < 2_000; run++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(400);
            for (int k = 0; k < len; k++) {
                sb.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertNotNull(HclScanner.scan(sb.toString()));
        }
    }

    static Stream<Path> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Shared.corpus("terraform-with-source"))) {
            return s.filter(p -> p.toString().endsWith(".tf")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHoldsEighteenTfFiles() throws IOException {
        assertEquals(18, corpusFiles().count());
    }

    /**
     * hcl4j (a full HCL parser, used only here) and the locator agree on which resources, data sources and modules each
     * real file declares; the locator reads every file to its end.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void agreesWithHcl4jOnTheDeclarationsOfEveryCorpusFile(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        HclFile scanned = HclScanner.scan(text);
        assertNull(scanned.incomplete(), scanned.incomplete());
        Set<String> ours = new TreeSet<>();
        for (HclBlock b : scanned.blocks()) {
            String key = ModuleDir.key(b);
            if (key != null) ours.add(key);
        }
        Map<String, Object> parsed = new HCLParser().parse(text);
        Set<String> theirs = new TreeSet<>();
        if (parsed.get("resource") instanceof Map<?, ?> resources) {
            resources.forEach((type, names) -> ((Map<?, ?>) names).keySet().forEach(n -> theirs.add(type + "." + n)));
        }
        if (parsed.get("data") instanceof Map<?, ?> data) {
            data.forEach((type, names) -> ((Map<?, ?>) names).keySet().forEach(n -> theirs.add("data." + type + "." + n)));
        }
        if (parsed.get("module") instanceof Map<?, ?> modules) modules.keySet().forEach(n -> theirs.add("module." + n));
        assertEquals(theirs, ours, file.toString());
    }
}
