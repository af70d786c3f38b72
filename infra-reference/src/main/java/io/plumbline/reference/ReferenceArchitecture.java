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
