package io.plumbline.reach;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of ports 0–65535 as sorted, disjoint, non-adjacent closed intervals. Never expanded into single ports: a hop
 * maps a set to its allowed subset in time proportional to the number of intervals.
 */
public final class PortSet {
    public static final int MAX = 65535;
    public static final PortSet EMPTY = new PortSet(new int[0]);
    public static final PortSet ALL = new PortSet(new int[] {0, MAX});

    /** from0, to0, from1, to1, ... */
    private final int[] bounds;

    private PortSet(int[] bounds) {
        this.bounds = bounds;
    }

    public static PortSet range(int from, int to) {
        int f = Math.max(0, from);
        int t = Math.min(MAX, to);
        if (f > t) return EMPTY;
        if (f == 0 && t == MAX) return ALL;
        return new PortSet(new int[] {f, t});
    }

    public static PortSet of(int... ports) {
        PortSet s = EMPTY;
        for (int p : ports) s = s.union(range(p, p));
        return s;
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public boolean isAll() {
        return bounds.length == 2 && bounds[0] == 0 && bounds[1] == MAX;
    }

    public boolean contains(int port) {
        for (int i = 0; i < bounds.length; i += 2) if (port >= bounds[i] && port <= bounds[i + 1]) return true;
        return false;
    }

    public boolean containsAll(PortSet other) {
        if (other.bounds.length == 0 || other == this) return true;
        int i = 0;
        for (int j = 0; j < other.bounds.length; j += 2) {
            int from = other.bounds[j];
            int to = other.bounds[j + 1];
            while (i < bounds.length && bounds[i + 1] < from) i += 2;
            if (i >= bounds.length || bounds[i] > from || bounds[i + 1] < to) return false;
        }
        return true;
    }

    public boolean intersects(PortSet other) {
        int i = 0;
        int j = 0;
        while (i < bounds.length && j < other.bounds.length) {
            if (Math.max(bounds[i], other.bounds[j]) <= Math.min(bounds[i + 1], other.bounds[j + 1])) return true;
            if (bounds[i + 1] < other.bounds[j + 1]) i += 2;
            else j += 2;
        }
        return false;
    }

    public PortSet union(PortSet o) {
        if (o.isEmpty() || o == this || isAll()) return this;
        if (isEmpty() || o.isAll()) return o;
        int[] out = new int[bounds.length + o.bounds.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < bounds.length || j < o.bounds.length) {
            int from;
            int to;
            if (j >= o.bounds.length || i < bounds.length && bounds[i] <= o.bounds[j]) {
                from = bounds[i];
                to = bounds[i + 1];
                i += 2;
            } else {
                from = o.bounds[j];
                to = o.bounds[j + 1];
                j += 2;
            }
            if (n > 0 && from <= out[n - 1] + 1) {
                if (to > out[n - 1]) out[n - 1] = to;
            } else {
                out[n++] = from;
                out[n++] = to;
            }
        }
        return make(out, n);
    }

    public PortSet intersect(PortSet o) {
        if (o == this || o.isAll()) return this;
        if (isAll()) return o;
        if (isEmpty() || o.isEmpty()) return EMPTY;
        int[] out = new int[bounds.length + o.bounds.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < bounds.length && j < o.bounds.length) {
            int from = Math.max(bounds[i], o.bounds[j]);
            int to = Math.min(bounds[i + 1], o.bounds[j + 1]);
            if (from <= to) {
                out[n++] = from;
                out[n++] = to;
            }
            if (bounds[i + 1] < o.bounds[j + 1]) i += 2;
            else j += 2;
        }
        if (n == bounds.length && java.util.Arrays.equals(out, 0, n, bounds, 0, n)) return this;
        return make(out, n);
    }

    public PortSet minus(PortSet o) {
        if (o.isEmpty() || isEmpty()) return this;
        if (o.isAll() || o == this) return EMPTY;
        return intersect(o.complement());
    }

    public PortSet complement() {
        if (isEmpty()) return ALL;
        if (isAll()) return EMPTY;
        int[] out = new int[bounds.length + 2];
        int n = 0;
        int next = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > next) {
                out[n++] = next;
                out[n++] = bounds[i] - 1;
            }
            next = bounds[i + 1] + 1;
        }
        if (next <= MAX) {
            out[n++] = next;
            out[n++] = MAX;
        }
        return make(out, n);
    }

    private static PortSet make(int[] out, int n) {
        if (n == 0) return EMPTY;
        if (n == 2 && out[0] == 0 && out[1] == MAX) return ALL;
        return new PortSet(n == out.length ? out : java.util.Arrays.copyOf(out, n));
    }

    /** The intervals as {from, to} pairs. */
    public List<int[]> ranges() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) out.add(new int[] {bounds[i], bounds[i + 1]});
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSet p && java.util.Arrays.equals(bounds, p.bounds);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bounds);
    }

    /** "none", "all", or "22, 80, 1024-65535". */
    @Override
    public String toString() {
        if (isEmpty()) return "none";
        if (isAll()) return "all";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) sb.append('-').append(bounds[i + 1]);
        }
        return sb.toString();
    }
}
