package dev.trackplan.incremental;

import dev.trackplan.io.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the cached results of a build were made by: the cache format, the plugin's code and the
 * default templates (the bytes of their jars, so a rebuilt SNAPSHOT with the same version still
 * invalidates everything). A class folder (tests, an IDE) is hashed by its files' names, sizes and
 * modification times. Computed once per JVM.
 */
public final class BuildIdentity {
    /** Bumped whenever what the cache stores changes meaning. */
    static final int FORMAT = 2;
    private static volatile String value;

    private BuildIdentity() {}

    public static String get() {
        String v = value;
        if (v == null) {
            v = compute();
            value = v;
        }
        return v;
    }

    private static String compute() {
        MessageDigest md = Hashing.digest();
        md.update(("trackplan-cache-" + FORMAT + "\u0000").getBytes(StandardCharsets.UTF_8));
        // the plugin's classes, and the jar that carries the default layouts and tracking templates
        for (Class<?> c : List.<Class<?>>of(BuildIdentity.class)) {
            origin(md, c.getProtectionDomain().getCodeSource());
        }
        java.net.URL templates = BuildIdentity.class.getClassLoader().getResource("trackplan/tracking/bundle.js.mustache");
        md.update(("\u0000templates:" + templates).getBytes(StandardCharsets.UTF_8));
        if (templates != null && "jar".equals(templates.getProtocol())) {
            String s = templates.toString();
            try {
                origin(md, Path.of(new java.net.URI(s.substring("jar:".length(), s.indexOf("!/")))));
            } catch (URISyntaxException | RuntimeException e) {
                md.update(("\u0000unknown:" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            }
        } else if (templates != null && "file".equals(templates.getProtocol())) {
            try {
                origin(md, Path.of(templates.toURI()).getParent().getParent().getParent());
            } catch (URISyntaxException | RuntimeException e) {
                md.update(("\u0000unknown:" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void origin(MessageDigest md, CodeSource source) {
        try {
            origin(md, source == null ? null : Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            origin(md, (Path) null);
        }
    }

    /** A jar by its bytes, a folder by its files' names, sizes and times; unknown: never equal twice. */
    private static void origin(MessageDigest md, Path p) {
        try {
            if (p != null && Files.isRegularFile(p)) {
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0;) {
                        md.update(buf, 0, n);
                    }
                }
                return;
            }
            if (p != null && Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        md.update((p.relativize(f) + "\u0000" + Files.size(f) + "\u0000"
                                + Files.getLastModifiedTime(f).toMillis() + "\u0000").getBytes(StandardCharsets.UTF_8));
                    }
                }
                return;
            }
        } catch (IOException e) {
            // fall through: unknown
        }
        md.update(("\u0000unknown:" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
    }
}
