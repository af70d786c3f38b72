package io.plumbline.source.terraform;

import io.plumbline.model.Model;
import io.plumbline.source.SourceOptions;
import io.plumbline.source.tree.MapNode;

/** Reads a Terraform plan ({@code terraform show -json}) into the model. */
public final class TerraformPlanSource {
    private TerraformPlanSource() {
    }

    public static Model read(MapNode root, String file, String sha256, SourceOptions options) {
        throw new UnsupportedOperationException("not yet");
    }
}
