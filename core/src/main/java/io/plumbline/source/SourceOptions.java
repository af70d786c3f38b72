package io.plumbline.source;

import java.util.Map;

/**
 * What the user says about an input that the input itself does not: CloudFormation parameter values
 * ({@code --param Name=Value}) and the region a template will be deployed to (for {@code Fn::GetAZs}).
 */
public record SourceOptions(Map<String, String> parameters, String region) {
    public static final SourceOptions DEFAULT = new SourceOptions(Map.of(), null);

    public SourceOptions {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
