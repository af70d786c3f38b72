package io.plumbline.model;

/**
 * A link to another resource. {@code target} is a model key (Terraform address, CloudFormation logical id, ARN) or a
 * literal AWS identifier (subnet-0abc, a name) that the model resolves through its alias index.
 */
public record Ref(String target) {
    @Override
    public String toString() {
        return target;
    }
}
