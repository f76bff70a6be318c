package dev.trackplan.testing;

import dev.trackplan.pipeline.TrackplanConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Builds small site projects on disk for pipeline tests. */
public final class TestSites {
    private final Path root;

    public TestSites(Path root) {
        this.root = root;
    }

    public TestSites file(String path, String content) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestSites spec(String name, String yaml) {
        return file("src/main/tracking/events/" + name, yaml);
    }

    public TestSites page(String name, String content) {
        return file("src/main/site/pages/" + name, content);
    }

    public TestSites template(String name, String content) {
        return file("src/main/tracking/templates/" + name, content);
    }

    public Path root() {
        return root;
    }

    public TrackplanConfig config() {
        return config("hubspot", 5);
    }

    public TrackplanConfig config(String consent, int timeoutSeconds) {
        return config(consent, timeoutSeconds, true);
    }

    public TrackplanConfig config(String consent, int timeoutSeconds, boolean respectGlobalPrivacyControl) {
        return config(consent, timeoutSeconds, respectGlobalPrivacyControl, true);
    }

    public TrackplanConfig config(String consent, int timeoutSeconds, boolean respectGlobalPrivacyControl,
            boolean verify) {
        return new TrackplanConfig(root, root.resolve("src/main/tracking/events"), root.resolve("src/main/tracking/trackplan.lock.json"),
                root.resolve("src/main/tracking/templates"), root.resolve("src/main/site/pages"),
                root.resolve("src/main/site/layouts"), root.resolve("src/main/site/assets"),
                root.resolve("target/site"), root.resolve("target/trackplan"), root.resolve("target/reports"),
                "123", "na1", consent, true, respectGlobalPrivacyControl, "https://t.example", "Test site", true, false, verify,
                Duration.ofSeconds(timeoutSeconds), "test");
    }

    /** The read-only default templates, for tests that override one. */
    public static String defaultTemplate(String name) {
        try (var in = TestSites.class.getClassLoader().getResourceAsStream("trackplan/tracking/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
