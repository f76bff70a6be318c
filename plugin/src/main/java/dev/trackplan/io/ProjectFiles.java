package dev.trackplan.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one rule for every file a build reads: it must really be inside the project. A page, asset,
 * spec or template that is a symbolic link to a file elsewhere on the machine (think
 * {@code ~/.m2/settings.xml}) would otherwise be published or bundled; a template or layout name
 * taken from a file ({@code {{> /etc/passwd}}}, {@code layout: ../../x}) must name a file inside
 * its folder. Every place where a path enters the build goes through this class.
 */
public final class ProjectFiles {
    private final Path project;
    private final Path projectReal;

    public ProjectFiles(Path projectDir) {
        this.project = projectDir.toAbsolutePath().normalize();
        this.projectReal = realOrNormal(project);
    }

    /** A file the walk refused, with the reason in words (the caller adds the rule id and location). */
    public record Refused(Path file, String reason) {}

    /** The files of a folder walk: accepted files (sorted by path), and refused ones. */
    public record Listing(List<Path> files, List<Refused> refused) {}

    /**
     * Every regular file below {@code dir} whose name passes {@code names}, following links that
     * stay inside the project and refusing the ones that lead out (and link loops). Sorted by path,
     * so output never depends on the order the file system lists files in.
     */
    public Listing walk(Path dir, Predicate<String> names) {
        List<Path> files = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Listing(files, refused);
        }
        String outside = outside(dir);
        if (outside != null) {
            refused.add(new Refused(dir, outside));
            return new Listing(files, refused);
        }
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    // only a link can lead out of a folder that is inside: resolve links, not every path
                    String why = Files.isSymbolicLink(d) ? outside(d) : null;
                    if (why != null) {
                        refused.add(new Refused(d, why));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile() || !names.test(f.getFileName().toString())) {
                        return FileVisitResult.CONTINUE; // FIFOs, devices, dangling links: not content
                    }
                    String why = Files.isSymbolicLink(f) ? outside(f) : null;
                    if (why != null) {
                        refused.add(new Refused(f, why));
                    } else {
                        files.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    refused.add(new Refused(f, e instanceof FileSystemLoopException
                            ? "is a link that loops back to a folder above it"
                            : "cannot be read (" + Failures.describe(e) + ")"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        refused.sort(java.util.Comparator.comparing(Refused::file));
        return new Listing(files, refused);
    }

    /**
     * Why {@code file} is not really inside the project (a link out, or a path outside it), or null
     * when it is. A file that does not exist is judged by its nearest existing folder.
     */
    public String outside(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(project)) {
            return "is outside the project folder " + project;
        }
        Path real = realOrNormal(abs);
        if (!real.startsWith(projectReal)) {
            return "is a link to " + real + ", outside the project; copy the file into the project instead";
        }
        return null;
    }

    /**
     * A name read from a file (a template partial, a front-matter layout) as a path inside
     * {@code dir}: relative, forward slashes, no empty, {@code .} or {@code ..} segments, no
     * control characters. Throws {@link BadNameException} with the reason otherwise.
     */
    public static Path resolveName(Path dir, String name) {
        String why = badName(name);
        if (why != null) {
            throw new BadNameException(name, why);
        }
        return dir.resolve(name);
    }

    /** Why {@code name} is not a plain relative file name, or null when it is. */
    public static String badName(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':' || Character.isSurrogate(c)) {
                return "contains the character U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c)
                        + ", which a file name here may not";
            }
        }
        if (name.startsWith("/")) {
            return "is an absolute path; name a file inside the folder";
        }
        for (String seg : name.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return "has an empty, '.' or '..' part; name a file inside the folder";
            }
        }
        return null;
    }

    /** A name that does not name a file inside its folder. */
    public static final class BadNameException extends RuntimeException {
        public BadNameException(String name, String why) {
            super("'" + printable(name) + "' " + why, null, false, false);
        }
    }

    /** A name as it can be shown in a message: control characters as \\uXXXX. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Path realOrNormal(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
