package dev.trackplan.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Small real file systems for the tests of a full disk and a read-only folder: a tmpfs of a given
 * size mounted on a folder of the test's own. Mounting needs root (or CAP_SYS_ADMIN); where the
 * machine does not allow it, {@link #tmpfs} says false and the test is skipped (the simulated
 * cases still run). A root process ignores file modes, so a read-only mount is the only real
 * read-only folder for it.
 */
public final class Mounts implements AutoCloseable {
    private final Path at;

    private Mounts(Path at) {
        this.at = at;
    }

    /** Mounts a tmpfs of {@code kib} KiB on {@code at} (created); null when the machine does not allow it. */
    public static Mounts tmpfs(Path at, int kib) {
        try {
            Files.createDirectories(at);
            return run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0755", "tmpfs", at.toString())
                    ? new Mounts(at) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Makes the mount read-only (for root too). */
    public void readOnly() {
        if (!run("mount", "-o", "remount,ro", at.toString())) {
            throw new IllegalStateException("could not remount " + at + " read-only");
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (!run("umount", at.toString())) {
            run("umount", "-l", at.toString()); // busy: detached now, freed when the last file closes
        }
    }
}
