package dev.trackplan.pipeline;

import dev.trackplan.incremental.InputStamps;
import dev.trackplan.io.Hashing;
import dev.trackplan.io.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash of every input of a build (spec files, pages, layouts, assets, template overrides, the
 * default templates and the settings): equal fingerprints mean the output would be identical.
 */
final class Fingerprint {
    private Fingerprint() {}

    static String of(TrackplanConfig c) {
        return of(c, InputStamps.none());
    }

    /** As {@link #of(TrackplanConfig)}, files with unchanged size, time and id not read again ({@code stamps}). */
    static String of(TrackplanConfig c, InputStamps stamps) {
        return of(c, List.of(c.eventsDir(), c.trackingTemplatesDir(), c.pagesDir(), c.layoutsDir(), c.assetsDir()), stamps);
    }

    /** Only the inputs of the tracking stages (specs and their templates): what the bundle depends on. */
    static String ofTracking(TrackplanConfig c, InputStamps stamps) {
        return of(c, List.of(c.eventsDir(), c.trackingTemplatesDir()), stamps);
    }

    /** The layouts and partials (with the settings): what every rendered page depends on besides its own values. */
    static String ofLayouts(TrackplanConfig c, InputStamps stamps) {
        return of(c, List.of(c.layoutsDir()), stamps);
    }

    private static String of(TrackplanConfig c, List<Path> dirs, InputStamps stamps) {
        MessageDigest md = Hashing.digest();
        md.update(c.settingsKey().getBytes(StandardCharsets.UTF_8));
        ProjectFiles project = new ProjectFiles(c.projectDir());
        for (Path dir : dirs) {
            md.update(("\u0000dir:" + dir.toAbsolutePath()).getBytes(StandardCharsets.UTF_8));
            ProjectFiles.Listing listing = project.walk(dir, n -> true);
            for (ProjectFiles.Refused r : listing.refused()) {
                // never read: the build refuses it, so the fingerprint only needs to change with it
                md.update(("\u0000refused:" + r.file() + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            // each file by its name and the hash of its bytes; files are hashed on all cores
            List<String> hashes = listing.files().parallelStream().map(f -> {
                try {
                    return stamps.hash(f);
                } catch (IOException e) {
                    return "unreadable:" + e;
                }
            }).toList();
            for (int i = 0; i < hashes.size(); i++) {
                md.update(("\u0000" + dir.relativize(listing.files().get(i)).toString().replace('\\', '/') + "\u0000"
                        + hashes.get(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            // the lock decides the publishing rules and the states on the tracking-plan page
            md.update(("\u0000lock\u0000").getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(c.lockFile())) {
                md.update(Files.readAllBytes(c.lockFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        md.update(defaultTemplatesStamp());
        return HexFormat.of().formatHex(md.digest());
    }

    /** The jar of default templates, so a plugin upgrade invalidates the previous output. */
    private static byte[] defaultTemplatesStamp() {
        try (InputStream in = Fingerprint.class.getClassLoader()
                .getResourceAsStream("trackplan/tracking/bundle.js.mustache")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
