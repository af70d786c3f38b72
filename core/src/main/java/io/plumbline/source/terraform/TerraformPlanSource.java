package io.plumbline.source.terraform;

import io.plumbline.model.Model;
import io.plumbline.source.SourceOptions;
import io.plumbline.source.tree.MapNode;

/**
 * Reads a Terraform plan ({@code terraform show -json}) into the model: resource changes (or planned values when
 * the plan has none), values with provenance and certainty, links followed through the configuration, and the
 * configuring resources (split S3 settings, standalone rules, routes, associations...) folded into their targets.
 */
public final class TerraformPlanSource {
    private TerraformPlanSource() {
    }

    public static Model read(MapNode root, String file, String sha256, SourceOptions options) {
        return read(root, file, sha256, options, null);
    }

    /**
     * As {@link #read(MapNode, String, String, SourceOptions)}, for a plan read from a file in {@code planDir}: its
     * findings point to the .tf sources of {@code options.sourceDir()}, or of the plan's directory or the current one
     * when those declare the plan's root module.
     */
    public static Model read(MapNode root, String file, String sha256, SourceOptions options, java.nio.file.Path planDir) {
        return new PlanReader(root, file, sha256, options, planDir).read();
    }
}
