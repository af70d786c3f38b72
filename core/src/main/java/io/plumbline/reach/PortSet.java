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
        if (from > to) return EMPTY;
        return new PortSet(new int[] {Math.max(0, from), Math.min(MAX, to)});
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
        return other.minus(this).isEmpty();
    }

    public boolean intersects(PortSet other) {
        return !intersect(other).isEmpty();
    }

    public PortSet union(PortSet o) {
        if (o.isEmpty()) return this;
        if (isEmpty()) return o;
        List<int[]> all = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) all.add(new int[] {bounds[i], bounds[i + 1]});
        for (int i = 0; i < o.bounds.length; i += 2) all.add(new int[] {o.bounds[i], o.bounds[i + 1]});
        all.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Integer> out = new ArrayList<>();
        int curFrom = all.get(0)[0];
        int curTo = all.get(0)[1];
        for (int k = 1; k < all.size(); k++) {
            int[] r = all.get(k);
            if (r[0] <= curTo + 1) {
                curTo = Math.max(curTo, r[1]);
            } else {
                out.add(curFrom);
                out.add(curTo);
                curFrom = r[0];
                curTo = r[1];
            }
        }
        out.add(curFrom);
        out.add(curTo);
        return new PortSet(out.stream().mapToInt(Integer::intValue).toArray());
    }

    public PortSet intersect(PortSet o) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < bounds.length && j < o.bounds.length) {
            int from = Math.max(bounds[i], o.bounds[j]);
            int to = Math.min(bounds[i + 1], o.bounds[j + 1]);
            if (from <= to) {
                out.add(from);
                out.add(to);
            }
            if (bounds[i + 1] < o.bounds[j + 1]) i += 2;
            else j += 2;
        }
        return out.isEmpty() ? EMPTY : new PortSet(out.stream().mapToInt(Integer::intValue).toArray());
    }

    public PortSet minus(PortSet o) {
        return intersect(o.complement());
    }

    public PortSet complement() {
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > next) {
                out.add(next);
                out.add(bounds[i] - 1);
            }
            next = bounds[i + 1] + 1;
        }
        if (next <= MAX) {
            out.add(next);
            out.add(MAX);
        }
        return out.isEmpty() ? EMPTY : new PortSet(out.stream().mapToInt(Integer::intValue).toArray());
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
