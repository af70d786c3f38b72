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
        return new PlanReader(root, file, sha256).read();
    }
}
