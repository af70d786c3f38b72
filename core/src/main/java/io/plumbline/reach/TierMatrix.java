package io.plumbline.reach;

import java.util.List;
import java.util.Map;

/**
 * For each ordered pair of tiers, the traffic that certainly passes and the traffic that may pass between some
 * endpoint of the first and some endpoint of the second, with the endpoint paths behind it.
 */
public record TierMatrix(List<String> tiers, Map<String, Map<String, Cell>> cells) {

    public record Cell(String from, String to, Traffic allowed, Traffic undecided, List<PathResult> paths) {
    }

    public Cell cell(String from, String to) {
        Map<String, Cell> row = cells.get(from);
        return row == null ? null : row.get(to);
    }
}
