package io.plumbline.source;

/** Input formats, detected from content, never from the file name. */
public enum Format {
    TERRAFORM_PLAN("terraform-plan"), CLOUDFORMATION("cloudformation"),
    /** A model saved by {@code --save} ({@link io.plumbline.source.snapshot.SnapshotWriter}). */
    SNAPSHOT("plumbline-snapshot");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
