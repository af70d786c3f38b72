package io.plumbline.source.cloudformation;

import io.plumbline.source.cloudformation.Ev.Arr;
import io.plumbline.source.cloudformation.Ev.NoValue;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.Unk;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of a rule list (security-group ingress or egress) written with {@code Fn::If} on a condition the template
 * cannot resolve (one on {@code AWS::Region}, say): the whole list, or one rule, chosen by the condition.
 *
 * <p>A security group only allows, so the rules of every branch together are all that any branch can allow. Each
 * item is kept once: an item every branch has is certain; one that only some branches have may be absent, and says
 * why ({@link Item#onlyIf}). A rule chosen among several rule objects stays an {@link Unk} whose alternatives are
 * those objects: reading a field of it ({@link Conv#get}) gives the field's value when all branches agree, an unknown
 * when they differ. So a question all branches answer the same way (tcp 443 from a prefix list or from 0.0.0.0/0:
 * no admin port either way) is decided, and one they answer differently stays unknown.
 */
final class ConditionalRules {
    /** Alternatives beyond this are not worth expanding: the list is treated as unknown, as before. */
    static final int MAX_ALTERNATIVES = 16;

    private ConditionalRules() {
    }

    /**
     * One rule of the list. {@code rule} is an object, an {@link Unk} of rule objects ({@code branched}), or an
     * unknown that cannot be read; {@code onlyIf} is null for a rule present in every branch.
     */
    record Item(Ev rule, boolean branched, String onlyIf) {
    }

    /** The items of {@code list}, or null when it is not a list (nor a choice between lists) that can be read. */
    static List<Item> items(Ev list) {
        List<Ev> plain = Conv.items(list);
        if (plain != null) {
            List<Item> out = new ArrayList<>(plain.size());
            for (Ev rule : plain) out.add(item(rule, null));
            return out;
        }
        if (!(list instanceof Unk u) || u.alternatives() == null) return null;
        List<List<Ev>> lists = new ArrayList<>();
        if (!flatten(list, lists) || lists.isEmpty()) return null;
        String onlyIf = "the rule exists only in some branches: the list " + u.reason();
        List<Ev> seen = new ArrayList<>();
        List<Item> out = new ArrayList<>();
        for (List<Ev> l : lists) {
            for (Ev rule : l) {
                if (contains(seen, rule)) continue;
                seen.add(rule);
                boolean everywhere = true;
                for (List<Ev> other : lists) everywhere &= contains(other, rule);
                out.add(item(rule, everywhere ? null : onlyIf));
            }
        }
        return out;
    }

    /** The lists a (possibly nested) choice between lists may be, at most {@link #MAX_ALTERNATIVES}. */
    private static boolean flatten(Ev v, List<List<Ev>> out) {
        if (out.size() > MAX_ALTERNATIVES) return false;
        if (v instanceof Arr a) {
            out.add(a.items());
            return true;
        }
        if (v instanceof Unk u && u.alternatives() != null) {
            for (Ev alt : u.alternatives()) if (!flatten(alt, out)) return false;
            return out.size() <= MAX_ALTERNATIVES;
        }
        return false; // AWS::NoValue for the whole list, or an unknown without branches
    }

    /** One list element: a rule, or a choice between rules (or no rule). */
    private static Item item(Ev rule, String onlyIf) {
        if (!(rule instanceof Unk u) || u.alternatives() == null) return new Item(rule, false, onlyIf);
        List<Ev> rules = new ArrayList<>();
        boolean maybeAbsent = false;
        if (!branches(rule, rules) || rules.size() > MAX_ALTERNATIVES) return new Item(rule, false, onlyIf);
        List<Ev> present = new ArrayList<>();
        for (Ev r : rules) {
            if (r instanceof NoValue) maybeAbsent = true;
            else present.add(r);
        }
        if (present.isEmpty()) return new Item(rule, false, onlyIf);
        Ev merged = present.size() == 1 ? present.get(0)
                : new Unk(u.reason(), u.loc(), u.sensitive(), null, null, List.copyOf(present));
        String why = onlyIf != null ? onlyIf : maybeAbsent ? "the rule exists only in some branches: it " + u.reason()
                : null;
        return new Item(merged, present.size() > 1, why);
    }

    /** The rule objects (or AWS::NoValue) a nested choice may be; false when a branch is something else. */
    private static boolean branches(Ev v, List<Ev> out) {
        if (out.size() > MAX_ALTERNATIVES) return false;
        if (v instanceof Obj || v instanceof NoValue) {
            out.add(v);
            return true;
        }
        if (v instanceof Unk u && u.alternatives() != null) {
            for (Ev alt : u.alternatives()) if (!branches(alt, out)) return false;
            return true;
        }
        return false;
    }

    private static boolean contains(List<Ev> list, Ev e) {
        for (Ev x : list) if (Ev.same(x, e)) return true;
        return false;
    }
}
