package io.plumbline.source.terraform.hcl;

import java.util.List;

/**
 * The blocks of one {@code .tf} file, and the reason the scan stopped early (null when it read the whole file): the
 * blocks before that point are still right, later ones are missing.
 */
public record HclFile(List<HclBlock> blocks, String incomplete) {
}
