package dev.trackplan.pipeline;

import dev.trackplan.io.AtomicFiles;
import dev.trackplan.io.Failures;
import dev.trackplan.io.Hashing;
import dev.trackplan.pipeline.WrittenFiles.Written;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes the site into a staging folder and moves it into place, so a failed build leaves the
 * previous site intact. Files from earlier builds that no longer exist go away; files Trackplan
 * did not write itself (listed in no manifest) are carried over, links as links and empty folders
 * as folders. Trackplan only replaces a folder that is its own: one under the build folder
 * ({@code target/}), an empty or missing one, or one it marked with {@value #MARKER} earlier.
 */
final class SiteWriter {
    /** Marks an output folder outside {@code target/} as written by Trackplan, so later builds may replace it. */
    static final String MARKER = ".trackplan-site";
    private final Path outputDir;
    private final Path buildDir;
    private final Path manifest;
    private final Trash trash;
    private final WrittenFiles written;

    SiteWriter(Path outputDir, Path workDir) {
        this.written = new WrittenFiles(workDir.resolve("written.txt"));
        this.trash = new Trash(workDir);
        this.outputDir = outputDir.toAbsolutePath().normalize();
        // the work folder is ${project.build.directory}/trackplan
        this.buildDir = workDir.toAbsolutePath().normalize().getParent();
        this.manifest = workDir.resolve("manifest.txt");
    }

    /** Why the output folder is not Trackplan's to replace, or null when it is. */
    String notOwned(Path projectDir) throws IOException {
        Path project = projectDir.toAbsolutePath().normalize();
        if (project.startsWith(outputDir) || buildDir.startsWith(outputDir)) {
            return "<outputDirectory> " + outputDir + " holds the project or its build folder; point it at a folder "
                    + "of its own, like target/site";
        }
        if (outputDir.startsWith(buildDir) || !Files.exists(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            return "<outputDirectory> " + outputDir + " exists and is not a folder";
        }
        if (Files.exists(outputDir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (Stream<Path> s = Files.list(outputDir)) {
            if (s.findAny().isEmpty()) {
                return null;
            }
        }
        return "<outputDirectory> " + outputDir + " is outside " + buildDir + " and holds files Trackplan did not write "
                + "(its own folders carry a " + MARKER + " file); Trackplan replaces the whole folder, so choose an "
                + "empty folder or one under target/";
    }

    /** Special files (FIFOs, sockets, devices) Trackplan could not carry over, or an empty list. */
    List<Path> uncopyable() throws IOException {
        if (!Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(outputDir)) {
            return s.filter(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    return a.isOther();
                } catch (IOException e) {
                    return true;
                }
            }).sorted().toList();
        }
    }

    /**
     * How the next write goes. {@code inPlace}: the output folder is the one the last build wrote
     * (its manifest and the record of what was written cover each other), so only the files in
     * {@code changed} are written and those in {@code removed} deleted; otherwise a staging folder is
     * built and swapped in. {@code hashes}: each file's SHA-256, computed once for either way.
     */
    record Plan(boolean inPlace, Map<String, String> hashes, Map<String, Written> before, Set<String> changed,
            Set<String> removed, Set<String> ours, Staging staging) {}

    /**
     * Whether the next write is staged whatever the site holds ({@link #plan} cannot choose in place):
     * no usable record of the last build's site, or {@code inPlaceAllowed} false. Then the render
     * workers may write the pages into the staging folder as they go ({@link #startStaging}).
     */
    boolean staged(boolean inPlaceAllowed) throws IOException {
        if (!inPlaceAllowed || !Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        Set<String> ours = previousManifest();
        Map<String, Written> before = written.read();
        return before.isEmpty() || ours.isEmpty() || !before.keySet().containsAll(ours);
    }

    /**
     * A fresh staging folder beside the output folder (one a stopped build left is moved out of the
     * way first), to be filled and then written with {@link #plan(Map, Staging)} and {@link #write}.
     */
    Staging startStaging() throws IOException {
        Path parent = outputDir.getParent();
        Files.createDirectories(parent);
        Path staging = parent.resolve("." + outputDir.getFileName() + ".trackplan-staging");
        discard(staging);
        discard(parent.resolve("." + outputDir.getFileName() + ".trackplan-previous"));
        Files.createDirectories(staging);
        return new Staging(staging, outputDir, written.read());
    }

    /**
     * Removes a staging folder that will not be swapped in (the build failed): at once when
     * {@code now} (its space back after a full disk), else into the trash, deleted during the next build.
     */
    void abandon(Staging staging, boolean now) {
        if (now) {
            deleteQuietly(staging.dir());
            return;
        }
        try {
            discard(staging.dir());
        } catch (IOException e) {
            deleteQuietly(staging.dir());
        }
    }

    /**
     * The plan of a staged write whose pages are in {@code staging} already: their hashes are those
     * recorded when they were stored; the other files are hashed here.
     */
    Plan plan(Map<String, byte[]> files, Staging staging) throws IOException {
        Map<String, String> hashes = new ConcurrentHashMap<>(staging.hashes());
        files.keySet().parallelStream().filter(name -> !staging.has(name))
                .forEach(name -> hashes.put(name, Hashing.sha256Hex(files.get(name))));
        Set<String> ours = previousManifest();
        Set<String> removed = new TreeSet<>(ours);
        removed.removeAll(files.keySet());
        return new Plan(false, hashes, written.read(), Set.of(), removed, ours, staging);
    }

    /** Hashes the files and decides how they are written; {@code inPlaceAllowed} false always stages. */
    Plan plan(Map<String, byte[]> files, boolean inPlaceAllowed) throws IOException {
        Map<String, String> hashes = new ConcurrentHashMap<>();
        Map<String, Written> before = written.read();
        Set<String> ours = previousManifest();
        boolean inPlace = inPlaceAllowed && !before.isEmpty() && !ours.isEmpty() && before.keySet().containsAll(ours)
                && Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS);
        Set<String> changed = ConcurrentHashMap.newKeySet();
        // a page the build cache kept is neither encoded nor hashed again: its hash came with it
        dev.trackplan.site.FileHashes known = files instanceof dev.trackplan.site.FileHashes h ? h : null;
        files.entrySet().parallelStream().forEach(f -> {
            String hash = known != null ? known.sha256(f.getKey()) : Hashing.sha256Hex(f.getValue());
            hashes.put(f.getKey(), hash);
            Written was = before.get(f.getKey());
            if (!unchanged(was, hash, outputDir.resolve(f.getKey()))) {
                changed.add(f.getKey());
            }
        });
        Set<String> removed = new TreeSet<>(ours);
        removed.removeAll(files.keySet());
        if (inPlace) {
            for (String name : changed) {
                if (!writableInPlace(name)) {
                    inPlace = false; // a folder where a file goes, or a link or file where a folder goes
                    break;
                }
            }
        }
        return new Plan(inPlace, hashes, before, changed, removed, ours, null);
    }

    /** Whether the file the last build wrote ({@code was}) is still at {@code current}, untouched, with {@code hash}. */
    private static boolean unchanged(Written was, String hash, Path current) {
        try {
            return was != null && was.hash().equals(hash) && was.matches(current);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code name} can be written in place: no folder in its way, and only real folders above it. */
    private boolean writableInPlace(String name) {
        Path target = outputDir.resolve(name).normalize();
        if (!target.startsWith(outputDir) || target.equals(outputDir)
                || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (Path p = target.getParent(); !p.equals(outputDir); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    void write(Map<String, byte[]> files) throws IOException {
        write(files, plan(files, false));
    }

    /** Writes {@code files} as {@code plan} says (see {@link #plan}). */
    void write(Map<String, byte[]> files, Plan plan) throws IOException {
        if (plan.inPlace()) {
            updateInPlace(files, plan);
        } else {
            writeStaged(files, plan);
        }
    }

    /**
     * Writes only the changed files, each through a temporary sibling and a move, and deletes the
     * files of the last build that are gone; files nobody changed are not touched. While it runs
     * there is no record of what was written and the manifest names every file that may be there
     * (temporary ones too), so a build stopped midway is followed by a staged build that drops them.
     */
    private void updateInPlace(Map<String, byte[]> files, Plan plan) throws IOException {
        boolean marked = outputDir.startsWith(buildDir) || Files.exists(outputDir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
        if (plan.changed().isEmpty() && plan.removed().isEmpty() && plan.ours().equals(files.keySet()) && marked) {
            return; // the same site: the manifest and the record stand as they are
        }
        Path parent = outputDir.getParent();
        discard(parent.resolve("." + outputDir.getFileName() + ".trackplan-staging"));
        discard(parent.resolve("." + outputDir.getFileName() + ".trackplan-previous"));
        written.clear();
        Set<String> mayExist = new TreeSet<>(plan.ours());
        mayExist.addAll(files.keySet());
        plan.changed().forEach(name -> mayExist.add(temporary(name)));
        AtomicFiles.write(manifest, String.join("\n", mayExist) + "\n");
        Map<String, Written> now = new ConcurrentHashMap<>();
        // every changed file is written beside its target first and moved over only when all are
        // written: a full disk or a read-only folder leaves the last site as it was, not half updated
        try {
            plan.changed().parallelStream().forEach(name -> {
                try {
                    Path target = outputDir.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.write(outputDir.resolve(temporary(name)), files.get(name));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(Failures.at(outputDir.resolve(name), e));
                }
            });
        } catch (java.io.UncheckedIOException e) {
            for (String name : plan.changed()) {
                try {
                    Files.deleteIfExists(outputDir.resolve(temporary(name)));
                } catch (IOException ignored) {
                    // the write's own failure is the one to report; the manifest names it for the next build
                }
            }
            throw e.getCause();
        }
        for (String name : plan.changed()) {
            Path target = outputDir.resolve(name);
            AtomicFiles.move(outputDir.resolve(temporary(name)), target);
            now.put(name, Written.of(plan.hashes().get(name), target));
        }
        for (String name : files.keySet()) {
            if (!plan.changed().contains(name)) {
                now.put(name, plan.before().get(name)); // untouched: as recorded
            }
        }
        Set<Path> emptied = new TreeSet<>(java.util.Comparator.reverseOrder()); // deepest first
        for (String name : plan.removed()) {
            Path gone = outputDir.resolve(name);
            if (!Files.isDirectory(gone, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(gone);
            }
            for (Path p = gone.getParent(); p.startsWith(outputDir) && !p.equals(outputDir); p = p.getParent()) {
                emptied.add(p);
            }
        }
        for (Path dir : emptied) {
            // Trackplan's own folder, kept only if something is still in it
            try (Stream<Path> s = Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? Files.list(dir) : Stream.of(dir)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
        if (!outputDir.startsWith(buildDir) && !Files.exists(outputDir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            AtomicFiles.write(outputDir.resolve(MARKER), "This folder is generated by Trackplan: every build replaces it.\n");
        }
        AtomicFiles.write(manifest, String.join("\n", files.keySet()) + "\n");
        written.write(now);
    }

    /** The temporary sibling a file is written to before it is moved over {@code name}. */
    private static String temporary(String name) {
        int slash = name.lastIndexOf('/');
        return name.substring(0, slash + 1) + "." + name.substring(slash + 1) + ".trackplan-tmp";
    }

    private void writeStaged(Map<String, byte[]> files, Plan plan) throws IOException {
        Path parent = outputDir.getParent();
        Path previous = parent.resolve("." + outputDir.getFileName() + ".trackplan-previous");
        Staging staged = plan.staging() != null ? plan.staging() : startStaging();
        Path staging = staged.dir();
        try {
            // the files the render workers did not store yet; each linked when unchanged, else written
            files.keySet().parallelStream().filter(name -> !staged.has(name)).forEach(name -> {
                try {
                    staged.store(name, files.get(name), plan.hashes().get(name));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (!outputDir.startsWith(buildDir)) {
                Files.writeString(staging.resolve(MARKER), "This folder is generated by Trackplan: every build replaces it.\n");
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a full disk or a read-only folder: the half-written site goes at once (its space too),
            // the last one stays in place
            deleteQuietly(staging);
            throw e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
        }
        Map<String, Written> now = staged.written();
        Set<String> ours = plan.ours();
        if (Files.exists(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            carryOverForeignFiles(ours, files.keySet(), staging);
            Files.move(outputDir, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        written.clear(); // no record while the site is swapped: a build stopped here links nothing next time
        Files.move(staging, outputDir, StandardCopyOption.ATOMIC_MOVE);
        staged.swappedTo(outputDir);
        discard(previous); // deleted during the next build, off this one's critical path
        AtomicFiles.write(manifest, String.join("\n", files.keySet()) + "\n");
        written.write(now);
    }

    /** Deletes {@code folder} now if it can (a failed write's leftovers); a failure here is not the one to report. */
    private static void deleteQuietly(Path folder) {
        try {
            AtomicFiles.deleteTree(folder);
        } catch (IOException ignored) {
            // the next build discards what is left
        }
    }

    /** Renames {@code folder} into the trash, or deletes it now when it cannot be renamed there. */
    private void discard(Path folder) throws IOException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !trash.put(folder)) {
            AtomicFiles.deleteTree(folder);
        }
    }

    /** Whether every file of the last build's manifest is still there. */
    boolean intact() {
        try {
            Set<String> ours = previousManifest();
            if (ours.isEmpty()) {
                return false;
            }
            for (String f : ours) {
                if (!Files.isRegularFile(outputDir.resolve(f))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Set<String> previousManifest() throws IOException {
        if (!Files.isRegularFile(manifest)) {
            return Set.of();
        }
        return new HashSet<>(List.of(Files.readString(manifest, StandardCharsets.UTF_8).split("\n")));
    }

    /** Copies what the user put into the site folder: files with their modes, links as links, empty folders. */
    private void carryOverForeignFiles(Set<String> ours, Set<String> fresh, Path staging) throws IOException {
        copyMode(outputDir, staging);
        Set<String> ourDirs = new HashSet<>();
        for (String f : ours) {
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
                ourDirs.add(f.substring(0, i));
            }
        }
        try (Stream<Path> s = Files.walk(outputDir)) {
            for (Path p : s.filter(p -> !p.equals(outputDir)).toList()) {
                String rel = outputDir.relativize(p).toString().replace('\\', '/');
                if (ours.contains(rel) || fresh.contains(rel) || rel.equals(MARKER) || underAFile(rel, fresh)) {
                    continue; // under a path where the new site has a file: it cannot be kept
                }
                Path target = staging.resolve(rel);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (ourDirs.contains(rel)) {
                        continue; // Trackplan's own folder: kept only if something is still in it
                    }
                    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(target);
                    }
                    copyMode(p, target);
                } else if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static boolean underAFile(String rel, Set<String> fresh) {
        for (int i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) {
            if (fresh.contains(rel.substring(0, i))) {
                return true;
            }
        }
        return false;
    }

    private static void copyMode(Path from, Path to) throws IOException {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (src != null && dst != null) {
            dst.setPermissions(src.readAttributes().permissions());
        }
    }
}
