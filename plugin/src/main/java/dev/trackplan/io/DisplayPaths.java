package dev.trackplan.io;

import java.nio.file.Path;

/** How file paths appear in messages: relative to the project when inside it, with forward slashes. */
public final class DisplayPaths {
    private DisplayPaths() {}

    public static String of(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return (abs.startsWith(b) ? b.relativize(abs).toString() : abs.toString()).replace('\\', '/');
    }
}
