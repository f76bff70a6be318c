package dev.trackplan.load;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.io.FileRules;
import dev.trackplan.io.ProjectFiles;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the spec files ({@code **}{@code /*.yaml}, {@code *.yml}) under the events folder and maps
 * each onto the model. A broken file never hides the problems of the others. The shared property
 * library (every file's top-level {@code properties:}) is gathered from all files first, then each
 * event's {@code {use: NAME}} references are resolved against it.
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
        ProjectFiles.Listing specs = new ProjectFiles(displayBase).walk(eventsDir, SpecLoader::isSpecName);
        for (ProjectFiles.Refused r : specs.refused()) {
            diagnostics.error(SourcePos.of(display(r.file())), FileRules.OUTSIDE_PROJECT, "spec file " + r.reason());
        }
        List<PropertySpec> library = new ArrayList<>();
        for (Path file : specs.files()) {
            all.addAll(parseFile(file, library, diagnostics));
        }
        return new SharedProperties(library, diagnostics).resolve(all, diagnostics);
    }

    /** One file on its own: its references resolve against its own top-level {@code properties:}. */
    public List<EventSpec> loadFile(Path file, Diagnostics diagnostics) {
        List<PropertySpec> library = new ArrayList<>();
        List<EventSpec> events = parseFile(file, library, diagnostics);
        return new SharedProperties(library, diagnostics).resolve(events, diagnostics);
    }

    public List<EventSpec> loadBytes(String shownName, byte[] bytes, Diagnostics diagnostics) {
        List<PropertySpec> library = new ArrayList<>();
        List<EventSpec> events = parse(shownName, bytes, library, diagnostics);
        return new SharedProperties(library, diagnostics).resolve(events, diagnostics);
    }

    private List<EventSpec> parseFile(Path file, List<PropertySpec> library, Diagnostics diagnostics) {
        String shown = display(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.error(SourcePos.of(shown), "TP001", "cannot read file: " + e.getMessage());
            return List.of();
        }
        return parse(shown, bytes, library, diagnostics);
    }

    private List<EventSpec> parse(String shownName, byte[] bytes, List<PropertySpec> library, Diagnostics diagnostics) {
        YamlReader.Result r = reader.read(shownName, bytes);
        diagnostics.addAll(r.diagnostics());
        if (r.root() == null && !r.ok()) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>();
        SpecMapper mapper = new SpecMapper(out);
        List<EventSpec> events = mapper.map(r.root(), shownName);
        library.addAll(mapper.library());
        diagnostics.addAll(out);
        return events;
    }

    private static boolean isSpecName(String n) {
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    public String display(Path file) {
        return dev.trackplan.io.DisplayPaths.of(displayBase, file);
    }
}
