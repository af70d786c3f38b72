package io.plumbline.source;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the user says about an input that the input itself does not: CloudFormation parameter values
 * ({@code --param Name=Value}), the region a template will be deployed to (for {@code Fn::GetAZs}), and the directory
 * of the Terraform sources a plan was made from ({@code --source-dir}; null: looked for beside the plan and in the
 * current directory).
 */
public record SourceOptions(Map<String, String> parameters, String region, Path sourceDir) {
    public static final SourceOptions DEFAULT = new SourceOptions(Map.of(), null, null);

    public SourceOptions {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public SourceOptions(Map<String, String> parameters, String region) {
        this(parameters, region, null);
    }
}
