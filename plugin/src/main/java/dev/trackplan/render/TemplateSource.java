package dev.trackplan.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.trackplan.io.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a template by name: a site's override folder first, then the defaults of the
 * trackplan-templates jar ({@code trackplan/<group>/<name>} on the class path).
 */
public final class TemplateSource {
    private final String group;
    private final Path overrideDir;
    private final Path displayBase;
    private final ProjectFiles files;

    /**
     * @param group       "tracking" or "site"
     * @param overrideDir the site's folder of overrides (may not exist)
     * @param displayBase paths shown in diagnostics are relative to it
     */
    public TemplateSource(String group, Path overrideDir, Path displayBase) {
        this.group = group;
        this.overrideDir = overrideDir;
        this.displayBase = displayBase;
        this.files = new ProjectFiles(displayBase);
    }

    /** A template's text and where it came from (for diagnostics). */
    public record Template(String name, String text, String origin, boolean overridden) {}

    /**
     * The template of that name, or null if there is none. A name that does not stay inside the
     * templates folder ({@code /etc/passwd}, {@code ../../x}, a NUL) and an override that is a link
     * out of the project throw {@link ProjectFiles.BadNameException}: templates name files, never paths.
     */
    public Template find(String name) {
        if (overrideDir != null) {
            Path p = ProjectFiles.resolveName(overrideDir, name);
            if (Files.isRegularFile(p)) {
                String outside = files.outside(p);
                if (outside != null) {
                    throw new ProjectFiles.BadNameException(display(p), outside);
                }
                try {
                    return new Template(name, Files.readString(p, StandardCharsets.UTF_8), display(p), true);
                } catch (IOException e) {
                    throw new ProjectFiles.BadNameException(display(p), "cannot be read as UTF-8 text ("
                            + dev.trackplan.io.Failures.describe(e) + ")");
                }
            }
        } else {
            ProjectFiles.resolveName(Path.of(""), name);
        }
        String resource = "trackplan/" + group + "/" + name;
        try (InputStream in = TemplateSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "trackplan-templates:" + resource, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Template require(String name) {
        Template t = find(name);
        if (t == null) {
            throw new IllegalStateException("template '" + name + "' is missing from trackplan-templates");
        }
        return t;
    }

    /** Override files that are links out of the project: refused, for the build to report. */
    public List<ProjectFiles.Refused> refusedOverrides() {
        return overrideDir == null ? List.of() : files.walk(overrideDir, n -> true).refused();
    }

    public Path overrideDir() {
        return overrideDir;
    }

    private String display(Path p) {
        return dev.trackplan.io.DisplayPaths.of(displayBase, p);
    }
}
