package io.plumbline.source.terraform;

import io.plumbline.source.terraform.hcl.HclBlock;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nested blocks of one name written more than once ({@code ingress} twice), by the plan pointer of the value each
 * became ({@code /resource_changes/3/change/after/ingress/1}). The plan may list them in another order than the source
 * (a set's elements come back sorted), so they are told apart by their literal attributes, never by position; a block
 * two elements agree with, or an element two blocks agree with, is left out.
 */
final class RepeatedBlocks {
    private static final int MAX_MATCH_DEPTH = 16;

    private final Map<String, HclBlock> byPointer = new HashMap<>();

    /** The block the plan value at {@code pointer} was made from, when it was told apart; else null. */
    HclBlock block(String pointer) {
        return byPointer.get(pointer);
    }

    /** Records the repeated nested blocks of {@code block} against the plan's values at {@code ptr}. */
    void match(HclBlock block, MapNode values, String ptr) {
        match(block, values, ptr, 0);
    }

    /**
     * Pairs each element of a nested-block list of the plan ({@code values[name][k]}) with the written block of that
     * name whose literal attributes it alone agrees with, where more than one such block is written; recursively.
     */
    private void match(HclBlock block, MapNode values, String ptr, int depth) {
        if (depth > MAX_MATCH_DEPTH || ptr == null) return;
        Set<String> names = new LinkedHashSet<>();
        for (HclBlock b : block.blocks()) if (!b.type().equals("dynamic")) names.add(b.type());
        for (String name : names) {
            Node v = values.get(name);
            String at = ptr + "/" + Addresses.token(name);
            boolean ambiguous = block.count(name) > 1 || block.dynamicContent(name) != null;
            if (v instanceof MapNode single) {
                if (!ambiguous) match(block.nested(name, 0), single, at, depth + 1);
                continue;
            }
            if (!(v instanceof ListNode list)) continue;
            if (!ambiguous) {
                if (list.size() == 1 && list.get(0) instanceof MapNode only) match(block.nested(name, 0), only, at + "/0", depth + 1);
                continue;
            }
            Map<HclBlock, Integer> uses = new IdentityHashMap<>();
            HclBlock[] picks = new HclBlock[list.size()];
            for (int k = 0; k < list.size(); k++) {
                if (!(list.get(k) instanceof MapNode item)) continue;
                HclBlock pick = null;
                int agreeing = 0;
                for (HclBlock b : block.blocks()) {
                    if (b.type().equals(name) && agrees(b, item)) {
                        pick = b;
                        agreeing++;
                    }
                }
                if (agreeing == 1) {
                    picks[k] = pick;
                    uses.merge(pick, 1, Integer::sum);
                }
            }
            for (int k = 0; k < picks.length; k++) {
                // a block two elements agree with tells neither apart
                if (picks[k] == null || uses.get(picks[k]) > 1) continue;
                byPointer.put(at + "/" + k, picks[k]);
                match(picks[k], (MapNode) list.get(k), at + "/" + k, depth + 1);
            }
        }
    }

    /** Whether every literal the block writes equals the plan's value of that attribute (absent ones are skipped). */
    private static boolean agrees(HclBlock b, MapNode item) {
        for (Map.Entry<String, Object> e : b.literals().entrySet()) {
            Node v = item.get(e.getKey());
            if (v == null || v.isNull()) continue;
            if (!same(e.getValue(), v)) return false;
        }
        return true;
    }

    private static boolean same(Object literal, Node v) {
        if (literal instanceof List<?> items) {
            if (!(v instanceof ListNode list) || list.size() != items.size()) return false;
            // sets come back sorted: compare as multisets
            List<String> a = new ArrayList<>();
            for (Object o : items) a.add(text(o));
            List<String> b = new ArrayList<>();
            for (Node n : list.items()) {
                if (!(n instanceof ScalarNode sn)) return false;
                b.add(text(sn.value()));
            }
            a.sort(null);
            b.sort(null);
            return a.equals(b);
        }
        return v instanceof ScalarNode sn && text(literal).equals(text(sn.value()));
    }

    /** A scalar as comparable text: numbers without trailing zeros ({@code 80} and {@code 80.0} agree). */
    private static String text(Object o) {
        if (o instanceof Number) {
            try {
                return new java.math.BigDecimal(o.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return o.toString();
            }
        }
        return String.valueOf(o);
    }
}
