package dev.trackplan.incremental;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A map of string keys to bytes kept on disk in {@value #COUNT} files, so that a build that changed
 * a few entries rewrites only the files that hold them. Each file starts with a header (the cache
 * format, the build identity and the section's own key); a file with another header, a truncated
 * or otherwise unreadable file reads as empty: a cache that cannot be trusted is a miss, never a hit.
 */
final class Shards {
    static final int COUNT = 32;
    private static final int MAGIC = 0x54504331; // "TPC1"
    private final Path dir;
    private final String name;
    private final String header;
    @SuppressWarnings("unchecked")
    private final Map<String, byte[]>[] shards = new Map[COUNT];
    private final boolean[] dirty = new boolean[COUNT];

    /** Reads the section {@code name} under {@code dir}, valid only for {@code header}. */
    Shards(Path dir, String name, String header) {
        this.dir = dir;
        this.name = name;
        this.header = header;
        for (int i = 0; i < COUNT; i++) {
            shards[i] = read(file(i));
        }
    }

    private Path file(int i) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "%s-%02d.bin", name, i));
    }

    private static int shard(String key) {
        return Math.floorMod(key.hashCode(), COUNT);
    }

    synchronized byte[] get(String key) {
        return shards[shard(key)].get(key);
    }

    synchronized void put(String key, byte[] value) {
        int s = shard(key);
        byte[] old = shards[s].put(key, value);
        if (old == null || !java.util.Arrays.equals(old, value)) {
            dirty[s] = true;
        }
    }

    /** Drops every entry whose key is not in {@code keys}. */
    synchronized void retain(Set<String> keys) {
        for (int i = 0; i < COUNT; i++) {
            if (shards[i].keySet().retainAll(keys)) {
                dirty[i] = true;
            }
        }
    }

    synchronized Map<String, byte[]> all() {
        Map<String, byte[]> out = new HashMap<>();
        for (Map<String, byte[]> s : shards) {
            out.putAll(s);
        }
        return out;
    }

    /** Writes the files whose entries changed, each atomically (temporary file, then a move). */
    synchronized void save() throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < COUNT; i++) {
            save(i);
        }
    }

    /**
     * Puts {@code keys}, each with the bytes {@code encode} gives it (null: left as it is), and
     * writes the files, one at a time: a file's entries are encoded just before it is written and
     * dropped from memory after, so a section as large as every page of the site is never held
     * encoded at once. The section is written for good then: it cannot be read or added to again.
     */
    synchronized void saveEach(Set<String> keys, java.util.function.Function<String, byte[]> encode) throws IOException {
        Files.createDirectories(dir);
        @SuppressWarnings("unchecked")
        java.util.List<String>[] byShard = new java.util.List[COUNT];
        for (String k : keys) {
            int s = shard(k);
            (byShard[s] == null ? byShard[s] = new java.util.ArrayList<>() : byShard[s]).add(k);
        }
        for (int i = 0; i < COUNT; i++) {
            if (byShard[i] != null) {
                Map<String, byte[]> encoded = new java.util.concurrent.ConcurrentHashMap<>();
                byShard[i].parallelStream().forEach(k -> {
                    byte[] b = encode.apply(k);
                    if (b != null) {
                        encoded.put(k, b);
                    }
                });
                encoded.forEach(this::put);
            }
            save(i);
            shards[i] = null; // written: its entries are not needed again
        }
    }

    private void save(int i) throws IOException {
        if (!dirty[i]) {
            return;
        }
        Path target = file(i);
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        // streamed to the file with its checksum computed on the way (no copy of the whole file in memory)
        try {
            CRC32 crc = new CRC32();
            try (OutputStream file = Files.newOutputStream(tmp);
                    java.util.zip.CheckedOutputStream checked = new java.util.zip.CheckedOutputStream(
                            new java.io.BufferedOutputStream(file, 1 << 16), crc)) {
                DataOutputStream out = new DataOutputStream(checked);
                out.writeInt(MAGIC);
                bytes(out, header.getBytes(StandardCharsets.UTF_8));
                out.writeInt(shards[i].size());
                for (Map.Entry<String, byte[]> e : shards[i].entrySet()) {
                    bytes(out, e.getKey().getBytes(StandardCharsets.UTF_8));
                    bytes(out, e.getValue());
                }
                out.flush();
                // a checksum of all that came before: a file cut short or changed reads as empty
                long sum = crc.getValue();
                new DataOutputStream(file).writeLong(sum); // after the buffered bytes were flushed
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp); // a full disk: the space back, the shard as it was
            throw dev.trackplan.io.Failures.at(target, e);
        }
        dirty[i] = false;
    }

    private Map<String, byte[]> read(Path f) {
        Map<String, byte[]> out = new HashMap<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            byte[] all = Files.readAllBytes(f);
            if (all.length < 8) {
                return out;
            }
            CRC32 crc = new CRC32();
            crc.update(all, 0, all.length - 8);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
            in.skipNBytes(all.length - 8);
            if (in.readLong() != crc.getValue()) {
                return out;
            }
            in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8));
            if (in.readInt() != MAGIC || !header.equals(new String(bytes(in), StandardCharsets.UTF_8))) {
                return out;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                out.put(new String(bytes(in), StandardCharsets.UTF_8), bytes(in));
            }
            if (in.read() != -1) {
                return new HashMap<>();
            }
            return out;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return new HashMap<>(); // unreadable: a miss
        }
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad length");
        }
        return in.readNBytes(n);
    }
}
