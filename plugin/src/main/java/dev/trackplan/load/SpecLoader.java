package dev.trackplan.load;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.model.EventSpec;
import dev.trackplan.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the spec files ({@code **}{@code /*.yaml}, {@code *.yml}) under the events folder and maps
 * each onto the model. A broken file never hides the problems of the others.
 */
public final class SpecLoader {
    private final YamlReader reader = new YamlReader();
    private final Path displayBase;

    /** @param displayBase paths in diagnostics are shown relative to this folder (the project). */
    public SpecLoader(Path displayBase) {
        this.displayBase = displayBase;
    }

    public List<EventSpec> load(Path eventsDir, Diagnostics diagnostics) {
        List<EventSpec> all = new ArrayList<>();
        for (Path file : specFiles(eventsDir)) {
            all.addAll(loadFile(file, diagnostics));
        }
        return all;
    }

    public List<EventSpec> loadFile(Path file, Diagnostics diagnostics) {
        String shown = display(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.error(SourcePos.of(shown), "TP001", "cannot read file: " + e.getMessage());
            return List.of();
        }
        return loadBytes(shown, bytes, diagnostics);
    }

    public List<EventSpec> loadBytes(String shownName, byte[] bytes, Diagnostics diagnostics) {
        YamlReader.Result r = reader.read(shownName, bytes);
        diagnostics.addAll(r.diagnostics());
        if (r.root() == null && !r.ok()) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>();
        List<EventSpec> events = new SpecMapper(out).map(r.root(), shownName);
        diagnostics.addAll(out);
        return events;
    }

    /** All spec files below {@code dir}, sorted by path so that output never depends on file order. */
    public static List<Path> specFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String display(Path file) {
        return dev.trackplan.io.DisplayPaths.of(displayBase, file);
    }
}
