package dev.trackplan.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.io.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The buffered writer hashes exactly the bytes a value was always written as (one digest call per
 * part, as before it was buffered), so keys stay what they were and values still never collide.
 */
class CanonicalTest {
    /** The bytes as written before the writer was buffered: one digest call per byte or part. */
    private static void reference(MessageDigest md, Object v) {
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
            Iterable<? extends Map.Entry<?, ?>> entries = m instanceof LinkedHashMap<?, ?> || m instanceof SortedMap<?, ?>
                    ? m.entrySet() : m.entrySet().stream().sorted(Comparator.comparing(e -> String.valueOf(e.getKey()))).toList();
            for (Map.Entry<?, ?> e : entries) {
                reference(md, e.getKey());
                reference(md, e.getValue());
            }
        } else if (v instanceof List<?> l) {
            md.update((byte) 'l');
            length(md, l.size());
            for (Object o : l) {
                reference(md, o);
            }
        } else if (v instanceof Set<?> set) {
            md.update((byte) 'e');
            length(md, set.size());
            Iterable<?> items = set instanceof LinkedHashSet<?> || set instanceof SortedSet<?> ? set
                    : set.stream().sorted(Comparator.comparing(String::valueOf)).toList();
            for (Object o : items) {
                reference(md, o);
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

    private static String referenceHash(Object... parts) {
        MessageDigest md = Hashing.digest();
        for (Object p : parts) {
            reference(md, p);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Map<String, Object> model(int i) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "Post " + i + " — é ü 😀");
        page.put("content", "<p>" + "x".repeat(i * 997 % 20_000) + "</p>");
        page.put("isHome", i % 2 == 0);
        page.put("date", null);
        page.put("tags", List.of(Map.of("name", "t" + i, "url", "/tags/t" + i + "/")));
        page.put("meta", Map.of("b", 1, "a", 2L, "c", 3.5));
        page.put("set", Set.of("z", "y", "x" + i));
        page.put("sorted", new TreeMap<>(Map.of("k2", "v", "k1", List.of())));
        page.put("bytes", new byte[] {1, 2, (byte) i});
        page.put("other", new StringBuilder("sb" + i));
        Map<Object, Object> odd = new java.util.HashMap<>();
        odd.put(3, "three");
        odd.put("2", "two");
        page.put("odd", odd);
        return page;
    }

    @Test
    void hashesTheBytesItAlwaysWrote() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(model(i)); // thousands of small values and some larger than the buffer
            assertThat(Canonical.hash("layout.html.mustache", model(i))).isEqualTo(referenceHash("layout.html.mustache",
                    model(i)));
        }
        assertThat(Canonical.hash(many, "tail")).isEqualTo(referenceHash(many, "tail"));
        assertThat(Canonical.hash()).isEqualTo(referenceHash());
        assertThat(Canonical.hash((Object) null)).isEqualTo(referenceHash((Object) null));
        assertThat(Canonical.hash("a", "b")).isNotEqualTo(Canonical.hash("ab"));
    }
}
