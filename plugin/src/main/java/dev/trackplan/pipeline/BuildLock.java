package dev.trackplan.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One build of a project at a time: a lock file in the work folder, held for the whole build. A
 * second build (another terminal, the dev server and {@code mvn package}) waits a little for the
 * first to finish, then gives up with a plain message instead of both writing the same folders.
 */
final class BuildLock implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when the lock stays taken for the whole wait. */
    static final class Busy extends Exception {
        Busy() {
            super(null, null, false, false);
        }
    }

    static BuildLock acquire(Path workDir, Duration wait) throws IOException, Busy {
        Files.createDirectories(workDir);
        FileChannel ch = FileChannel.open(workDir.resolve("build.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by another build in this same JVM
                }
                if (l != null) {
                    return new BuildLock(ch, l);
                }
                if (System.nanoTime() >= deadline) {
                    throw new Busy();
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.close();
            throw new Busy();
        } catch (IOException | Busy | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
