package io.plumbline.source.tree;

import java.io.InputStream;

/** Reads YAML into a {@link Node} tree with line, column and tag of every node. */
public final class YamlTreeReader {
    private YamlTreeReader() {
    }

    public static Node read(InputStream in, String file) {
        throw new UnsupportedOperationException("not yet");
    }
}
