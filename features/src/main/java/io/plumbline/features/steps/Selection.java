package io.plumbline.features.steps;

import io.plumbline.features.check.Kinds;
import io.plumbline.model.Kind;
import io.plumbline.model.Resource;
import java.util.List;

/**
 * The resources a scenario's Given step chose: those certainly chosen ({@code members}) and those whose membership
 * could not be decided ({@code undecided}: their tags are unknown, say), with why. A Then step decides over both: an
 * undecided member can never make it pass.
 */
public record Selection(Kind kind, String description, List<Resource> members, List<Open> undecided) {
    /** A resource that may or may not belong to the selection, and why. */
    public record Open(Resource resource, String reason) {
    }

    public Selection {
        members = List.copyOf(members);
        undecided = List.copyOf(undecided);
    }

    /** "DB cluster resources", "S3 bucket resources tagged "plumbline:role" = "logs"". */
    public String population() {
        return description;
    }

    static String plural(Kind kind) {
        return Kinds.label(kind) + " resources";
    }
}
