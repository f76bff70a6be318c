package dev.trackplan.incremental;

import dev.trackplan.io.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A content hash of a value built from maps, lists, strings, booleans and numbers (a layout's
 * model, a cache key's parts): every value is written with its type and length, so two different
 * values never write the same bytes (unlike {@code toString()}, where a title containing
 * {@code ", url="} can pass for another field), and in the same order in every JVM (a map or set
 * whose order is not fixed by its inputs is written in key order). A value of another type is written with its class
 * name and {@code toString()}; such a model is rendered from the same text anyway.
 */
public final class Canonical {
    private Canonical() {}

    /** SHA-256 (hex) of the parts, in order. */
    public static String hash(Object... parts) {
        Out out = new Out(Hashing.digest());
        for (Object p : parts) {
            out.value(p);
        }
        out.flush();
        return HexFormat.of().formatHex(out.md.digest());
    }

    static void write(MessageDigest md, Object v) {
        Out out = new Out(md);
        out.value(v);
        out.flush();
    }

    /** Whatever order a map's entries come in, by the text of their keys. */
    private static final Comparator<Map.Entry<?, ?>> BY_KEY = (a, b) -> key(a).compareTo(key(b));

    private static String key(Map.Entry<?, ?> e) {
        return e.getKey() instanceof String s ? s : String.valueOf(e.getKey());
    }

    /**
     * The bytes a value is written as, gathered in a buffer and handed to the digest in blocks (a
     * page's layout model is hundreds of small values: one digest call per byte and a new array
     * per length cost more than the hashing).
     */
    private static final class Out {
        private final MessageDigest md;
        private final byte[] buf = new byte[8192];
        private int n;

        Out(MessageDigest md) {
            this.md = md;
        }

        void value(Object v) {
            if (v == null) {
                put('n');
            } else if (v instanceof String s) {
                text('s', s);
            } else if (v instanceof Map<?, ?> m) {
                map(m);
            } else if (v instanceof List<?> l) {
                list(l);
            } else if (v instanceof Boolean b) {
                put(b ? 't' : 'f');
            } else {
                other(v);
            }
        }

        private void other(Object v) {
            if (v instanceof byte[] b) {
                put('y');
                length(b.length);
                bytes(b);
            } else if (v instanceof Set<?> set) {
                set(set);
            } else if (v instanceof Number num) {
                text('d', num.getClass().getName() + ":" + num);
            } else {
                text('o', v.getClass().getName() + ":" + v);
            }
        }

        private void map(Map<?, ?> m) {
            put('m');
            length(m.size());
            // a LinkedHashMap's or SortedMap's order is the same for the same inputs; any other map
            // (Map.of, Map.copyOf: another order in every JVM) is written in key order
            if (m instanceof LinkedHashMap<?, ?> || m instanceof SortedMap<?, ?>) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    value(e.getKey());
                    value(e.getValue());
                }
            } else {
                Map.Entry<?, ?>[] entries = m.entrySet().toArray(new Map.Entry<?, ?>[0]);
                Arrays.sort(entries, BY_KEY);
                for (Map.Entry<?, ?> e : entries) {
                    value(e.getKey());
                    value(e.getValue());
                }
            }
        }

        private void list(List<?> l) {
            put('l');
            length(l.size());
            for (Object o : l) {
                value(o);
            }
        }

        private void set(Set<?> set) {
            put('e');
            length(set.size());
            Iterable<?> items = set instanceof LinkedHashSet<?> || set instanceof SortedSet<?> ? set
                    : set.stream().sorted(Comparator.comparing(String::valueOf)).toList();
            for (Object o : items) {
                value(o);
            }
        }

        private void text(char type, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            put(type);
            length(b.length);
            bytes(b);
        }

        private void put(int b) {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = (byte) b;
        }

        private void length(int v) {
            if (n + 4 > buf.length) {
                flush();
            }
            buf[n] = (byte) (v >>> 24);
            buf[n + 1] = (byte) (v >>> 16);
            buf[n + 2] = (byte) (v >>> 8);
            buf[n + 3] = (byte) v;
            n += 4;
        }

        private void bytes(byte[] b) {
            if (b.length > buf.length - n) {
                flush();
                if (b.length > buf.length / 2) {
                    md.update(b);
                    return;
                }
            }
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        void flush() {
            if (n > 0) {
                md.update(buf, 0, n);
                n = 0;
            }
        }
    }
}
