package io.plumbline.source.terraform.hcl;

import java.util.List;
import java.util.Map;

/**
 * One block of an HCL file as written: its type ({@code resource}), labels ({@code aws_s3_bucket}, {@code logs}), the
 * place of its header, its attributes by name and its nested blocks in order. Places are 1-based line and column.
 */
public record HclBlock(String type, List<String> labels, Place place, Map<String, Place> attributes,
                       List<HclBlock> blocks) {

    /** A line and column in the file (1-based; the column counts characters). */
    public record Place(int line, int column) {
    }

    /** The first nested block of {@code blockType} from index {@code nth} on ({@code nth} counts that type only). */
    public HclBlock nested(String blockType, int nth) {
        int seen = 0;
        HclBlock first = null;
        for (HclBlock b : blocks) {
            if (!b.type().equals(blockType)) continue;
            if (first == null) first = b;
            if (seen++ == nth) return b;
        }
        return first;
    }

    /**
     * The {@code content} block of a {@code dynamic "name"} block: what generates the nested blocks of that name, when
     * they are not written one by one.
     */
    public HclBlock dynamicContent(String name) {
        for (HclBlock b : blocks) {
            if (b.type().equals("dynamic") && b.labels().size() == 1 && b.labels().get(0).equals(name)) {
                HclBlock content = b.nested("content", 0);
                return content != null ? content : b;
            }
        }
        return null;
    }
}
