package dev.trackplan.incremental;

import dev.trackplan.io.AtomicFiles;
import dev.trackplan.io.Hashing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The content hash of each input file (page, asset, layout, spec, template) as the last build
 * computed it, with the file's size, modification time (to the nanosecond the file system keeps)
 * and file id (inode) at that moment, in {@code target/trackplan/incremental/inputs.bin}. A file
 * whose three values are unchanged is taken to hold the same bytes and is not read again; any
 * difference and the file is read and hashed (the same bytes under a new time are still the same
 * input: equal hashes, a cache hit). This is the rule make and Gradle use, with the file id added
 * (an editor that saves through a new file changes it even when it restores the time).
 *
 * <p>The time-granularity race (what Git calls "racily clean"): a file changed twice within one
 * tick of the file system's clock keeps its size-and-time if the second change keeps its size. So a
 * file whose modification time is less than {@value #RACY_SECONDS} s before the moment this build
 * started reading (the time the file system gives a file written then, {@code inputs.clock}) is
 * recorded as racy and read again by the next build, whatever its stamp says. What the rule cannot
 * see: a change that keeps the size, restores the modification time and keeps the file id (a tool
 * that rewrites a file in place and then resets its time): delete {@code target/trackplan/incremental}
 * or build with {@code -Dtrackplan.incremental=false} after such a tool. Every read here is a
 * miss-or-hit on content; a damaged record file is ignored (everything is read).
 */
public final class InputStamps {
    /** Files modified this close (seconds) before the build started reading are read again next time: FAT's 2 s tick. */
    static final long RACY_SECONDS = 2;
    private static final int MAGIC = 0x54505331; // "TPS1"
    private final Path file;
    private final Map<String, Stamp> before;
    private final Map<String, Stamp> now = new ConcurrentHashMap<>();
    private final long startedNanos;
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** A file's size, time, id and content hash; {@code racy}: changed too close to the build to be trusted next time. */
    record Stamp(long size, long modifiedNanos, String id, String hash, boolean racy) {}

    private InputStamps(Path file, Map<String, Stamp> before, long startedNanos) {
        this.file = file;
        this.before = before;
        this.startedNanos = startedNanos;
    }

    /**
     * The record under {@code dir} ({@code inputs.bin}); notes the file system's current time by
     * writing {@code inputs.clock} there first, so that racy files are told apart.
     */
    public static InputStamps open(Path dir) {
        long started;
        try {
            Files.createDirectories(dir);
            Path clock = dir.resolve("inputs.clock");
            Files.write(clock, new byte[0]);
            started = Files.getLastModifiedTime(clock).to(TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            return none(); // nowhere to keep it: every file is read
        }
        return new InputStamps(dir.resolve("inputs.bin"), read(dir.resolve("inputs.bin")), started);
    }

    /** No record: every file is read and hashed (a build without the cache). */
    public static InputStamps none() {
        return new InputStamps(null, Map.of(), Long.MAX_VALUE);
    }

    /**
     * The SHA-256 of the file's bytes (links followed, as the build reads it): the recorded one
     * when its size, time and id are unchanged and it was not racy, else read now.
     */
    public String hash(Path f) throws IOException {
        String key = f.toAbsolutePath().normalize().toString();
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class); // before reading: a later change shows
        long size = a.size();
        long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String id = String.valueOf(a.fileKey());
        Stamp was = before.get(key);
        String hash;
        if (was != null && !was.racy() && a.fileKey() != null && was.size() == size && was.modifiedNanos() == modified
                && was.id().equals(id)) {
            hash = was.hash();
        } else {
            hash = readHash(f);
            read.add(key);
        }
        seen.add(key);
        if (file != null) {
            boolean racy = modified >= startedNanos - TimeUnit.SECONDS.toNanos(RACY_SECONDS) || a.fileKey() == null;
            now.put(key, new Stamp(size, modified, id, hash, racy));
        }
        return hash;
    }

    private static String readHash(Path f) throws IOException {
        java.security.MessageDigest md = Hashing.digest();
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 14];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The hash {@link #hash} gave {@code f} in this build (read or trusted), or null when it was
     * not asked for or nothing is recorded (no cache): a later stage of the same build that needs
     * what the file holds can take what it made of these bytes before.
     */
    public String known(Path f) {
        Stamp s = now.get(f.toAbsolutePath().normalize().toString());
        return s == null ? null : s.hash();
    }

    /** How many files were read and hashed by this build. */
    public int read() {
        return read.size();
    }

    /** How many files were taken as unchanged by their size, time and id, without reading them. */
    public int trusted() {
        return seen.size() - read.size();
    }

    /** Writes the record of the files hashed by this build (others forgotten), if anything changed. */
    public void save() throws IOException {
        if (file == null || now.equals(before)) {
            return;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(MAGIC);
            out.writeUTF(BuildIdentity.get());
            out.writeInt(now.size());
            for (Map.Entry<String, Stamp> e : new TreeMap<>(now).entrySet()) {
                Stamp s = e.getValue();
                byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(k.length);
                out.write(k);
                out.writeLong(s.size());
                out.writeLong(s.modifiedNanos());
                out.writeUTF(s.id());
                out.writeUTF(s.hash());
                out.writeBoolean(s.racy());
            }
            CRC32 crc = new CRC32();
            crc.update(buf.toByteArray());
            out.writeLong(crc.getValue());
        }
        AtomicFiles.write(file, buf.toByteArray());
    }

    /** The keys (absolute paths) recorded by this build, for tests. */
    Set<String> recorded() {
        return now.keySet();
    }

    private static Map<String, Stamp> read(Path f) {
        Map<String, Stamp> out = new ConcurrentHashMap<>();
        try {
            if (!Files.isRegularFile(f)) {
                return out;
            }
            byte[] all = Files.readAllBytes(f);
            if (all.length < 8) {
                return out;
            }
            CRC32 crc = new CRC32();
            crc.update(all, 0, all.length - 8);
            if (new DataInputStream(new ByteArrayInputStream(all, all.length - 8, 8)).readLong() != crc.getValue()) {
                return out;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8));
            if (in.readInt() != MAGIC || !in.readUTF().equals(BuildIdentity.get())) {
                return out;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                if (len < 0 || len > in.available()) {
                    return new ConcurrentHashMap<>();
                }
                String key = new String(in.readNBytes(len), StandardCharsets.UTF_8);
                out.put(key, new Stamp(in.readLong(), in.readLong(), in.readUTF(), in.readUTF(), in.readBoolean()));
            }
            return in.read() == -1 ? out : new ConcurrentHashMap<>();
        } catch (IOException | RuntimeException e) {
            return new ConcurrentHashMap<>(); // unreadable: every file is read
        }
    }
}
