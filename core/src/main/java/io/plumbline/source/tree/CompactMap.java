package io.plumbline.source.tree;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An insertion-ordered map for parsed documents, several times smaller than a LinkedHashMap: two arrays, linear
 * search for small maps (keys from the JSON parser are interned, so most lookups match by identity), a hash index
 * only once a map grows. Large plans hold millions of these; their size decides the parser's speed.
 */
final class CompactMap extends AbstractMap<String, Node> {
    private static final int INDEX_FROM = 12;
    private String[] keys;
    private Node[] values;
    private int size;
    private HashMap<String, Integer> index;

    CompactMap() {
        keys = new String[4];
        values = new Node[4];
    }

    private int find(Object key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) if (keys[i] == key) return i;
        for (int i = 0; i < size; i++) if (keys[i].equals(key)) return i;
        return -1;
    }

    @Override
    public Node get(Object key) {
        int i = find(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public Node put(String key, Node value) {
        int i = find(key);
        if (i >= 0) {
            Node old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        if (index != null) {
            index.put(key, size);
        } else if (size + 1 > INDEX_FROM) {
            index = new HashMap<>(size * 2);
            for (int k = 0; k <= size; k++) index.put(keys[k], k);
        }
        size++;
        return null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Node>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Node>> iterator() {
                return new Iterator<>() {
                    int i;

                    @Override
                    public boolean hasNext() {
                        return i < size;
                    }

                    @Override
                    public Entry<String, Node> next() {
                        if (i >= size) throw new NoSuchElementException();
                        Map.Entry<String, Node> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
