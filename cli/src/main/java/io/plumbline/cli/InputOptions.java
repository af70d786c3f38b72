package io.plumbline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Inputs and what the user says about them. */
final class InputOptions {
    @Parameters(arity = "0..*", paramLabel = "FILE|DIR",
            description = "Terraform plan JSON (terraform show -json), CloudFormation template (JSON/YAML) or snapshot; "
                    + "the format is detected from content. A folder: every plan and template under it (each other "
                    + "file is listed as skipped, with why). None: the bundled reference example.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "CloudFormation parameter value (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region CloudFormation templates are deployed to (for Fn::GetAZs and AWS::Region).")
    String region;

    @Option(names = "--source-dir", paramLabel = "DIR",
            description = "Directory of the Terraform sources (.tf) the plan was made from: findings point to their "
                    + "lines. Default: the plan's directory or the current one, when its .tf files declare the plan.")
    Path sourceDir;
}
