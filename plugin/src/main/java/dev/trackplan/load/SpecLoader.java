package dev.trackplan.load;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.io.FileRules;
import dev.trackplan.io.ProjectFiles;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PlanSettings;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.check.PlanPolicies;
import dev.trackplan.check.Rule;
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
    private PlanSettings settings = PlanSettings.DEFAULTS;

    /** @param displayBase paths in diagnostics are shown relative to this folder (the project). */
    public SpecLoader(Path displayBase) {
        this.displayBase = displayBase;
    }

    public List<EventSpec> load(Path eventsDir, Diagnostics diagnostics) {
        Parsed parsed = new Parsed();
        ProjectFiles.Listing specs = new ProjectFiles(displayBase).walk(eventsDir, SpecLoader::isSpecName);
        for (ProjectFiles.Refused r : specs.refused()) {
            diagnostics.error(SourcePos.of(display(r.file())), FileRules.OUTSIDE_PROJECT, "spec file " + r.reason());
        }
        for (Path file : specs.files()) {
            parseFile(file, parsed, diagnostics);
        }
        return finish(parsed, diagnostics);
    }

    /** One file on its own: its references resolve against its own top-level {@code properties:}. */
    public List<EventSpec> loadFile(Path file, Diagnostics diagnostics) {
        Parsed parsed = new Parsed();
        parseFile(file, parsed, diagnostics);
        return finish(parsed, diagnostics);
    }

    public List<EventSpec> loadBytes(String shownName, byte[] bytes, Diagnostics diagnostics) {
        Parsed parsed = new Parsed();
        parse(shownName, bytes, parsed, diagnostics);
        return finish(parsed, diagnostics);
    }

    /** The plan's conventions and privacy choice, from the last load (the defaults when no file has them). */
    public PlanSettings settings() {
        return settings;
    }

    /** What the files of one load hold together: events, shared definitions, plan settings. */
    private static final class Parsed {
        final List<EventSpec> events = new ArrayList<>();
        final List<PropertySpec> library = new ArrayList<>();
        final List<PlanSettings> settings = new ArrayList<>();
    }

    private List<EventSpec> finish(Parsed parsed, Diagnostics diagnostics) {
        List<EventSpec> events = new SharedProperties(parsed.library, diagnostics).resolve(parsed.events, diagnostics);
        settings = parsed.settings.isEmpty() ? PlanSettings.DEFAULTS : parsed.settings.get(0);
        for (PlanSettings more : parsed.settings.subList(Math.min(1, parsed.settings.size()), parsed.settings.size())) {
            diagnostics.error(more.privacyPos(), Rule.CONVENTION_SETTINGS.code(), "the plan's conventions and privacy "
                    + "are already set at " + settings.privacyPos() + "; keep them in one file");
        }
        new PlanPolicies(settings).check(events, diagnostics);
        return events;
    }

    private void parseFile(Path file, Parsed parsed, Diagnostics diagnostics) {
        String shown = display(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.error(SourcePos.of(shown), "TP001", "cannot read file: " + e.getMessage());
            return;
        }
        parse(shown, bytes, parsed, diagnostics);
    }

    private void parse(String shownName, byte[] bytes, Parsed parsed, Diagnostics diagnostics) {
        YamlReader.Result r = reader.read(shownName, bytes);
        diagnostics.addAll(r.diagnostics());
        if (r.root() == null && !r.ok()) {
            return;
        }
        List<Diagnostic> out = new ArrayList<>();
        SpecMapper mapper = new SpecMapper(out);
        parsed.events.addAll(mapper.map(r.root(), shownName));
        parsed.library.addAll(mapper.library());
        if (mapper.settings() != null) {
            parsed.settings.add(mapper.settings());
        }
        diagnostics.addAll(out);
    }

    private static boolean isSpecName(String n) {
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    public String display(Path file) {
        return dev.trackplan.io.DisplayPaths.of(displayBase, file);
    }
}
