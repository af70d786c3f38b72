package io.plumbline.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the features run against: input files (Terraform plans, CloudFormation templates; later live snapshots), or,
 * when none is given, the bundled reference example (its Terraform plan and its CloudFormation template). An input
 * written {@code reference:PATH} names a file bundled with the reference architecture, e.g.
 * {@code reference:variants/terraform/BAK-001-short-retention.tfplan.json}.
 *
 * <p>From the environment ({@link #fromEnvironment()}): the system property {@code plumbline.target} or the environment
 * variable {@code PLUMBLINE_TARGET} (comma-separated inputs), {@code plumbline.profile} / {@code PLUMBLINE_PROFILE}
 * (a profile overriding the reference profile) and {@code plumbline.region} / {@code PLUMBLINE_REGION} (the region
 * CloudFormation templates are deployed to).
 */
public record Target(List<String> inputs, Path profile, Map<String, String> parameters, String region) {
    public static final String REFERENCE_PREFIX = "reference:";

    public Target {
        inputs = List.copyOf(inputs == null ? List.of() : inputs);
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    }

    /** The bundled reference example, with the reference profile. */
    public static Target reference() {
        return new Target(List.of(), null, Map.of(), null);
    }

    public static Target of(String... inputs) {
        return new Target(List.of(inputs), null, Map.of(), null);
    }

    public static Target ofFiles(List<Path> files) {
        List<String> in = new ArrayList<>();
        for (Path p : files) in.add(p.toString());
        return new Target(in, null, Map.of(), null);
    }

    public Target withProfile(Path file) {
        return new Target(inputs, file, parameters, region);
    }

    public Target withParameters(Map<String, String> values) {
        Map<String, String> m = new LinkedHashMap<>(parameters);
        m.putAll(values);
        return new Target(inputs, profile, m, region);
    }

    public Target withRegion(String awsRegion) {
        return new Target(inputs, profile, parameters, awsRegion);
    }

    public boolean isReference() {
        return inputs.isEmpty();
    }

    /** From system properties, then environment variables; the reference example when neither names an input. */
    public static Target fromEnvironment() {
        String inputs = setting("plumbline.target", "PLUMBLINE_TARGET");
        String profile = setting("plumbline.profile", "PLUMBLINE_PROFILE");
        String region = setting("plumbline.region", "PLUMBLINE_REGION");
        List<String> list = new ArrayList<>();
        if (inputs != null) {
            for (String s : inputs.split(",")) if (!s.isBlank()) list.add(s.trim());
        }
        return new Target(list, profile == null ? null : Path.of(profile), Map.of(), region);
    }

    private static String setting(String property, String variable) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(variable);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** "the bundled reference example" or the inputs, comma-separated. */
    public String describe() {
        return isReference() ? "the bundled reference example" : String.join(", ", inputs);
    }
}
