package dev.trackplan.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * The previous site, once replaced, is not deleted while the build waits: it is renamed into
 * {@code target/trackplan/trash/} and deleted on a thread of its own during the next build (which
 * joins it before it ends, so no thread outlives a build). Links inside are removed as links,
 * never followed; a file that is already gone is skipped.
 */
final class Trash {
    private final Path dir;

    Trash(Path workDir) {
        this.dir = workDir.resolve("trash");
    }

    /** Renames {@code folder} into the trash; false when it cannot be (another file system), then nothing moved. */
    boolean put(Path folder) {
        try {
            Files.createDirectories(dir);
            Files.move(folder, dir.resolve("site-" + UUID.randomUUID()), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Starts emptying the trash (a low-priority daemon thread); join it before the build ends. */
    Thread emptyInBackground() {
        Thread t = new Thread(this::empty, "trackplan-trash");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Deletes what the trash held when called (a folder put in meanwhile waits for the next time). */
    void empty() {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        java.util.List<Path> held;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            held = s.toList();
        } catch (IOException e) {
            return;
        }
        for (Path entry : held) {
            try {
                Files.walkFileTree(entry, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException exc) {
                        delete(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // what is left is deleted by a later build
            }
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for a later build
        }
    }
}
