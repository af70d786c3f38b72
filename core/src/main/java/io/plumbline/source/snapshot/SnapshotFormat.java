package io.plumbline.source.snapshot;

/**
 * Constants of the snapshot format (described in docs/sources.md, "Snapshots"): the key that marks a document as a
 * snapshot, the format version this Plumbline writes and reads, and what a sensitive value becomes.
 */
public final class SnapshotFormat {
    /** The top-level member whose presence makes a JSON document a snapshot; its value is the format version. */
    public static final String KEY = "plumbline_snapshot";
    /** The format version written, and the newest read. */
    public static final int VERSION = 1;
    /** The note of the unknown value stored in place of a sensitive one (whose content is never written). */
    public static final String SENSITIVE_NOTE = "sensitive value not stored in snapshots";

    private SnapshotFormat() {
    }
}
