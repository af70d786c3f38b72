package io.plumbline.reference;

import io.plumbline.profile.Profile;
import io.plumbline.profile.ProfileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled reference architecture: its profile, the compliant Terraform plan and CloudFormation template that are
 * the default input of {@code plumbline check}, and the non-compliant variants that prove each rule.
 */
public final class ReferenceArchitecture {
    private static final String BASE = "/io/plumbline/reference/";
    public static final String PROFILE = "profile.yaml";
    public static final String TERRAFORM_PLAN = "terraform/reference.tfplan.json";
    public static final String CLOUDFORMATION_TEMPLATE = "cloudformation/reference.cfn.yaml";

    private ReferenceArchitecture() {
    }

    /** The reference profile, overridden by {@code override} when given. */
    public static Profile profile(Path override) {
        try (InputStream in = open(PROFILE)) {
            return ProfileLoader.load(in, "reference profile", override);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Profile profile() {
        return profile(null);
    }

    /** The bytes of a bundled file, by its path below the reference directory. */
    public static byte[] read(String relativePath) {
        try (InputStream in = open(relativePath)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bundled file with every {@code plumbline:*} tag removed: the untagged variant set (issue #12, rule catalog §14
     * "roles and tiers without tags"), in both formats. A plan loses every JSON field whose name starts with
     * {@code plumbline:} (in {@code tags}, {@code tags_all}, wherever it stands); a template loses every
     * {@code - Key: plumbline:...} / {@code Value: ...} pair of its {@code Tags} lists.
     */
    public static byte[] readUntagged(String relativePath) {
        String text = new String(read(relativePath), java.nio.charset.StandardCharsets.UTF_8);
        String out;
        if (text.stripLeading().startsWith("{")) {
            try {
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                com.fasterxml.jackson.databind.JsonNode root = json.readTree(text);
                stripTags(root);
                out = json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out = UNTAGGED_CFN.matcher(text).replaceAll("");
            if (out.contains("plumbline:")) {
                throw new IllegalStateException(relativePath + " holds a plumbline: tag in a form the stripper does not know");
            }
        }
        return out.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern UNTAGGED_CFN = java.util.regex.Pattern.compile(
            "(?m)^([ \\t]*)- Key: ['\"]?plumbline:[^\\n]*\\n\\1  Value:[^\\n]*\\n");

    private static void stripTags(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<String> drop = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(n -> {
                if (n.startsWith("plumbline:")) drop.add(n);
            });
            o.remove(drop);
            o.elements().forEachRemaining(ReferenceArchitecture::stripTags);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(ReferenceArchitecture::stripTags);
        }
    }

    /** The name under which a bundled file appears in findings. */
    public static String displayName(String relativePath) {
        return "reference/" + relativePath;
    }

    private static InputStream open(String relativePath) {
        InputStream in = ReferenceArchitecture.class.getResourceAsStream(BASE + relativePath);
        if (in == null) throw new IllegalArgumentException("no bundled reference file " + relativePath);
        return in;
    }

    /** One non-compliant variant and the verdict it must produce. */
    public record Variant(String file, String rule, String resource, String expected, String description) {
    }

    /** The variants from {@code variants/index.tsv}. */
    public static List<Variant> variants() {
        String tsv = new String(read("variants/index.tsv"), StandardCharsets.UTF_8);
        List<Variant> out = new ArrayList<>();
        boolean header = true;
        for (String line : tsv.split("\n")) {
            if (line.isBlank()) continue;
            if (header) {
                header = false;
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 5) throw new IllegalStateException("variants/index.tsv: bad row: " + line);
            out.add(new Variant(c[0].trim(), c[1].trim(), c[2].trim(), c[3].trim(), c[4].trim()));
        }
        return out;
    }
}
