package dev.trackplan.pipeline;

import dev.trackplan.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the last build wrote into the site ({@code target/trackplan/written.txt}): per file, the
 * hash of its bytes and the size, modification time (in nanoseconds, as precise as the file system
 * keeps it) and file id it had then. A file that still
 * has them is the one written, so the next build may link it instead of writing the same bytes
 * again. Anything unreadable is forgotten: the file is written.
 */
final class WrittenFiles {
    private final Path file;

    WrittenFiles(Path file) {
        this.file = file;
    }

    record Written(String hash, long size, long modified, String id) {
        static Written of(String hash, Path p) throws IOException {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Written(hash, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), String.valueOf(a.fileKey()));
        }

        /** Whether {@code p} is still the regular file recorded (links are never taken). */
        boolean matches(Path p) throws IOException {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.fileKey() != null && a.size() == size
                    && a.lastModifiedTime().to(TimeUnit.NANOSECONDS) == modified && String.valueOf(a.fileKey()).equals(id);
        }
    }

    Map<String, Written> read() {
        Map<String, Written> out = new HashMap<>();
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return out;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 5);
                if (f.length == 5) {
                    out.put(f[4], new Written(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>();
        }
    }

    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    void write(Map<String, Written> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(files).forEach((path, w) -> sb.append(w.hash()).append('\t').append(w.size()).append('\t')
                .append(w.modified()).append('\t').append(w.id().replace('\t', ' ').replace('\n', ' ')).append('\t')
                .append(path).append('\n'));
        AtomicFiles.write(file, sb.toString());
    }
}
