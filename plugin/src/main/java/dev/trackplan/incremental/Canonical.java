package dev.trackplan.incremental;

import dev.trackplan.io.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
        MessageDigest md = Hashing.digest();
        for (Object p : parts) {
            write(md, p);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static void write(MessageDigest md, Object v) {
        if (v == null) {
            md.update((byte) 'n');
        } else if (v instanceof String s) {
            text(md, 's', s);
        } else if (v instanceof byte[] b) {
            md.update((byte) 'y');
            length(md, b.length);
            md.update(b);
        } else if (v instanceof Boolean b) {
            md.update((byte) (b ? 't' : 'f'));
        } else if (v instanceof Map<?, ?> m) {
            md.update((byte) 'm');
            length(md, m.size());
            // a LinkedHashMap's or SortedMap's order is the same for the same inputs; any other map
            // (Map.of, Map.copyOf: another order in every JVM) is written in key order
            Iterable<? extends Map.Entry<?, ?>> entries = m instanceof LinkedHashMap<?, ?> || m instanceof SortedMap<?, ?>
                    ? m.entrySet() : m.entrySet().stream().sorted(Comparator.comparing(e -> String.valueOf(e.getKey()))).toList();
            for (Map.Entry<?, ?> e : entries) {
                write(md, e.getKey());
                write(md, e.getValue());
            }
        } else if (v instanceof List<?> l) {
            md.update((byte) 'l');
            length(md, l.size());
            for (Object o : l) {
                write(md, o);
            }
        } else if (v instanceof Set<?> set) {
            md.update((byte) 'e');
            length(md, set.size());
            Iterable<?> items = set instanceof LinkedHashSet<?> || set instanceof SortedSet<?> ? set
                    : set.stream().sorted(Comparator.comparing(String::valueOf)).toList();
            for (Object o : items) {
                write(md, o);
            }
        } else if (v instanceof Number n) {
            text(md, 'd', n.getClass().getName() + ":" + n);
        } else {
            text(md, 'o', v.getClass().getName() + ":" + v);
        }
    }

    private static void text(MessageDigest md, char type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) type);
        length(md, b.length);
        md.update(b);
    }

    private static void length(MessageDigest md, int n) {
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    }
}
