package dev.trackplan.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section saved one file at a time (each file's entries encoded just before it is written) holds
 * the same entries, in the same files, as one put whole and saved at once; entries kept from the
 * last build stay, a null leaves an entry as it was, and each key is encoded once.
 */
class ShardsSaveEachTest {

    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                out.put(f.getFileName().toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    @Test
    void savedOneFileAtATimeIsTheSameAsSavedWhole(@TempDir Path whole, @TempDir Path each) throws Exception {
        for (Path dir : List.of(whole, each)) {
            Shards before = new Shards(dir, "pages", "h");
            before.put("kept", "old".getBytes(StandardCharsets.UTF_8));
            before.put("stale", "gone".getBytes(StandardCharsets.UTF_8));
            before.save();
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            keys.add("/p" + i + "/index.html");
        }
        Shards a = new Shards(whole, "pages", "h");
        for (String k : keys) {
            a.put(k, ("page " + k).getBytes(StandardCharsets.UTF_8));
        }
        a.retain(union(keys, "kept"));
        a.save();

        Shards b = new Shards(each, "pages", "h");
        b.retain(union(keys, "kept"));
        List<String> encoded = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> asked = union(keys, "kept");
        b.saveEach(asked, k -> {
            encoded.add(k);
            return k.equals("kept") ? null : ("page " + k).getBytes(StandardCharsets.UTF_8);
        });
        assertThat(encoded).hasSize(asked.size()).doesNotHaveDuplicates();
        assertThat(files(each).keySet()).isEqualTo(files(whole).keySet());
        assertThat(strings(new Shards(each, "pages", "h").all())).isEqualTo(strings(new Shards(whole, "pages", "h").all()));
        Shards read = new Shards(each, "pages", "h");
        assertThat(read.all()).hasSize(301).doesNotContainKey("stale");
        assertThat(read.get("kept")).asString(StandardCharsets.UTF_8).isEqualTo("old");
        assertThat(read.get("/p7/index.html")).asString(StandardCharsets.UTF_8).isEqualTo("page /p7/index.html");
    }

    private static Map<String, String> strings(Map<String, byte[]> entries) {
        Map<String, String> out = new TreeMap<>();
        entries.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    private static Set<String> union(Set<String> keys, String more) {
        Set<String> out = new HashSet<>(keys);
        out.add(more);
        return out;
    }
}
