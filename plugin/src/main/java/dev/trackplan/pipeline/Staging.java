package dev.trackplan.pipeline;

import dev.trackplan.io.Failures;
import dev.trackplan.io.Hashing;
import dev.trackplan.pipeline.WrittenFiles.Written;
import dev.trackplan.site.PageSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staging folder of a staged write, filled file by file: by the render workers as they render
 * each page (a clean build holds no page in memory for the write), then with the site's other
 * files. A file whose bytes the last build wrote, still there untouched, is hard-linked rather than
 * written. Each file's hash and what was written are recorded for the plan and the record of
 * what was written. Only {@link SiteWriter} moves it into place; a build that fails removes it.
 */
final class Staging implements PageSink {
    private final Path dir;
    private final Path outputDir;
    private final Map<String, Written> before;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, Written> now = new ConcurrentHashMap<>();
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    /** Where stored files are read back from: the staging folder, then the output folder once swapped in. */
    private volatile Path readFrom;

    Staging(Path dir, Path outputDir, Map<String, Written> before) {
        this.dir = dir;
        this.outputDir = outputDir;
        this.before = before;
        this.readFrom = dir;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void store(String path, byte[] bytes, String hash) throws IOException {
        Path target = dir.resolve(path).normalize();
        if (!target.startsWith(dir) || target.equals(dir)) {
            throw new IllegalStateException("site path outside the site: " + path); // names are checked before
        }
        try {
            Path folder = target.getParent();
            if (!folders.containsKey(folder)) {
                // created once, and seen by no other file before it exists
                folders.computeIfAbsent(folder, f -> {
                    try {
                        Files.createDirectories(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Boolean.TRUE;
                });
            }
            Written was = before.get(path);
            if (!(was != null && was.hash().equals(hash) && unchanged(was, outputDir.resolve(path))
                    && link(target, outputDir.resolve(path)))) {
                Files.write(target, bytes);
            }
            now.put(path, Written.of(hash, target));
            hashes.put(path, hash);
        } catch (UncheckedIOException e) {
            throw Failures.at(outputDir.resolve(path), e.getCause());
        } catch (IOException e) {
            throw Failures.at(outputDir.resolve(path), e);
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(readFrom.resolve(path));
    }

    /** Whether {@code path} is stored already. */
    boolean has(String path) {
        return hashes.containsKey(path);
    }

    /** Each stored file's SHA-256 (hex). */
    Map<String, String> hashes() {
        return hashes;
    }

    /** What was written, for the record of what was written. */
    Map<String, Written> written() {
        return now;
    }

    /** The folder was moved into place: stored files are read from there from now on. */
    void swappedTo(Path outputDir) {
        readFrom = outputDir;
    }

    private static boolean unchanged(Written was, Path current) {
        try {
            return was.matches(current);
        } catch (IOException e) {
            return false;
        }
    }

    /** Links {@code target} to the current site's file; false (then written) when no link can be made. */
    private static boolean link(Path target, Path existing) {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
