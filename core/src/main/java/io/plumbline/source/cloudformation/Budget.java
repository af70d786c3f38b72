package io.plumbline.source.cloudformation;

import io.plumbline.source.InputException;
import io.plumbline.source.cloudformation.Ev.Arr;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Loc;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.Unk;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What evaluating one template may cost. A hostile template is small and still multiplies: nested {@code Fn::Sub}s
 * that repeat a variable, {@code Fn::Join}s over YAML aliases, echo attributes that refer to each other twice. Each
 * level doubles the string or the work, so that 2 KB ask for more memory than any machine has.
 *
 * <ul>
 *   <li>One evaluated string holds at most {@link #MAX_TEXT} characters (CloudFormation takes a template of at most
 *       1 MB, so no value it deploys is longer): a longer one is unknown, "value too large to evaluate".</li>
 *   <li>One resource's properties (or one condition) take at most {@link #MAX_STEPS_PER_VALUE} evaluation steps (a
 *       step: one template node evaluated, one value node copied, or 32 characters of text built): beyond, the resource's properties are unknown
 *       with the same reason.</li>
 *   <li>The whole template takes at most {@link #MAX_STEPS} steps: beyond, the input is refused as unusable.</li>
 * </ul>
 * The largest real template of the test corpus (100 KB) takes 1,200 steps in all, 150 for its largest value; the
 * limits take a few seconds at most.
 */
final class Budget {
    static final int MAX_TEXT = 1 << 20;
    static final long MAX_STEPS_PER_VALUE = 250_000L;
    static final long MAX_STEPS = 2_000_000L;
    static final String TOO_LARGE = "value too large to evaluate (more than " + MAX_TEXT
            + " characters, or nested functions or aliases that multiply it)";

    /** Thrown when one value exceeds its budget; caught where that value's evaluation began. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String reason) {
            super(reason, null, false, false);
        }
    }

    private final String file;
    private long steps;
    private long valueSteps;
    private boolean inValue;

    Budget(String file) {
        this.file = file;
    }

    /** Counts {@code n} steps; throws when the value or the template is over its budget. */
    void charge(long n) {
        steps += n;
        valueSteps += n;
        if (steps > MAX_STEPS) {
            throw new InputException(file, 0, 0, "the template is too complex to evaluate: more than " + MAX_STEPS
                    + " evaluation steps (nested functions or aliases that multiply)");
        }
        if (valueSteps > MAX_STEPS_PER_VALUE) {
            throw new Exceeded("value too large to evaluate (more than " + MAX_STEPS_PER_VALUE
                    + " evaluation steps: nested functions or aliases that multiply it)");
        }
    }

    /** Counts the work of building or scanning {@code characters} of text: a step per 32. */
    void chargeText(long characters) {
        charge(characters >> 5);
    }

    void step() {
        charge(1);
    }

    /**
     * Evaluates one value with a budget of its own; nested calls share the outermost one's. A value over budget, or
     * nested deeper than the stack allows, becomes what {@code fallback} makes of the reason.
     */
    <T> T value(Supplier<T> evaluation, Function<String, T> fallback) {
        if (inValue) return evaluation.get();
        inValue = true;
        valueSteps = 0;
        try {
            return evaluation.get();
        } catch (Exceeded e) {
            return fallback.apply(e.getMessage());
        } catch (StackOverflowError e) {
            return fallback.apply("value nested too deeply to evaluate");
        } finally {
            inValue = false;
        }
    }

    /** Charges a copy of {@code v} (one step per node). */
    void chargeCopy(Ev v) {
        charge(nodes(v, MAX_STEPS_PER_VALUE + 1));
    }

    /** Whether text being built is over {@link #MAX_TEXT}. */
    static boolean tooLong(CharSequence... parts) {
        for (CharSequence p : parts) if (p.length() > MAX_TEXT) return true;
        return false;
    }

    static Unk tooLarge(Loc loc, boolean sensitive) {
        return Unk.of(TOO_LARGE, loc).sensitive(sensitive);
    }

    /** The characters of text in {@code v}, counted up to just over {@link #MAX_TEXT}. */
    static long textSize(Ev v) {
        long[] total = new long[1];
        addText(v, total);
        return total[0];
    }

    private static void addText(Ev v, long[] total) {
        if (total[0] > MAX_TEXT) return;
        total[0] += 1;
        if (v instanceof Lit l && l.value() != null) total[0] += l.text().length();
        else if (v instanceof Arr a) for (Ev i : a.items()) addText(i, total);
        else if (v instanceof Obj o) {
            for (Map.Entry<String, Ev> e : o.entries().entrySet()) {
                total[0] += e.getKey().length();
                addText(e.getValue(), total);
            }
        }
    }

    private static long nodes(Ev v, long limit) {
        long n = 1;
        if (v instanceof Arr a) for (Ev i : a.items()) if ((n += nodes(i, limit - n)) > limit) return n;
        if (v instanceof Obj o) for (Ev i : o.entries().values()) if ((n += nodes(i, limit - n)) > limit) return n;
        return n;
    }
}
