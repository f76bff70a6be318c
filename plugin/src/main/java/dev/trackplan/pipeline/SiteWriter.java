package dev.trackplan.pipeline;

import dev.trackplan.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the site into a staging folder and moves it into place, so a failed build leaves the
 * previous site intact. Files from earlier builds that no longer exist go away; files Trackplan
 * did not write itself (listed in no manifest) are carried over.
 */
final class SiteWriter {
    private final Path outputDir;
    private final Path manifest;

    SiteWriter(Path outputDir, Path workDir) {
        this.outputDir = outputDir;
        this.manifest = workDir.resolve("manifest.txt");
    }

    void write(Map<String, byte[]> files) throws IOException {
        Path parent = outputDir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = parent.resolve("." + outputDir.getFileName() + ".trackplan-staging");
        Path previous = parent.resolve("." + outputDir.getFileName() + ".trackplan-previous");
        AtomicFiles.deleteTree(staging);
        AtomicFiles.deleteTree(previous);
        Set<Path> dirs = new java.util.TreeSet<>();
        for (String name : files.keySet()) {
            dirs.add(staging.resolve(name).getParent());
        }
        for (Path dir : dirs) {
            Files.createDirectories(dir);
        }
        try {
            files.entrySet().parallelStream().forEach(f -> {
                try {
                    Files.write(staging.resolve(f.getKey()), f.getValue());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        Set<String> ours = previousManifest();
        if (Files.exists(outputDir)) {
            carryOverForeignFiles(ours, files.keySet(), staging);
            Files.move(outputDir, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, outputDir, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.deleteTree(previous);
        AtomicFiles.write(manifest, String.join("\n", files.keySet()) + "\n");
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

    private void carryOverForeignFiles(Set<String> ours, Set<String> fresh, Path staging) throws IOException {
        try (Stream<Path> s = Files.walk(outputDir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = outputDir.relativize(p).toString().replace('\\', '/');
                if (!ours.contains(rel) && !fresh.contains(rel)) {
                    Path target = staging.resolve(rel);
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
