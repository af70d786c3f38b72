package io.plumbline.source.cloudformation;

import io.plumbline.model.Model;
import io.plumbline.source.SourceOptions;
import io.plumbline.source.tree.MapNode;

/** Reads a CloudFormation template (JSON or YAML) into the model. */
public final class CloudFormationSource {
    private CloudFormationSource() {
    }

    public static Model read(MapNode root, String file, String sha256, SourceOptions options) {
        throw new UnsupportedOperationException("not yet");
    }
}
