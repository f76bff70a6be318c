package dev.trackplan.bench;

import dev.trackplan.bundle.Bundle;
import dev.trackplan.bundle.BundleAssembler;
import dev.trackplan.bundle.BundleSettings;
import dev.trackplan.bundle.RuntimeFeatures;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.js.JsEngine;
import dev.trackplan.model.PropertyType;
import dev.trackplan.model.SourceKind;
import dev.trackplan.model.TriggerKind;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.render.SnippetRenderer;
import dev.trackplan.render.TemplateSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark suite ({@code mvn -Pbench verify}): generates synthetic inputs, runs every
 * measurement after a warm-up, and prints a table of medians (wall, CPU, peak memory) with the
 * ratios taken in the same run. Writes the table to {@code target/benchmarks.md}.
 */
public final class Benchmarks {
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final Path WORK = Path.of(System.getProperty("bench.work", "target/bench"));
    private static final Path ROOT = Path.of(System.getProperty("bench.root", ".."));
    private static final String VERSION = System.getProperty("bench.pluginVersion", "0.1.0-SNAPSHOT");
    private final List<String> rows = new ArrayList<>();

    /** One measurement's medians: seconds of wall and CPU time, peak memory in MiB. */
    record Sample(double wall, double cpu, double peakMiB, String output) {}

    public static void main(String[] args) throws Exception {
        Files.createDirectories(WORK);
        Benchmarks b = new Benchmarks();
        Map<String, Runnable> parts = new java.util.LinkedHashMap<>();
        // -Dbench.only=hugo or -Dbench.only=maven,hugo,large
        List<String> only = Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("[,\\s]+")))
                .filter(a -> !a.isBlank()).toList();
        parts.put("bundle", b::bundleSize);
        parts.put("scaling", b::scaling);
        parts.put("verify", b::verification);
        parts.put("maven", b::mavenOverhead);
        parts.put("coldverify", b::verificationCold); // after "verify", whose 500 x 50 site it builds
        parts.put("hugo", b::versusHugo);
        parts.put("large", b::largeSites);
        parts.put("every", b::everyPage); // the every-page rows of "large" alone
        parts.put("edit", b::editOnly);
        for (Map.Entry<String, Runnable> p : parts.entrySet()) {
            if (only.isEmpty() || only.contains(p.getKey())) {
                p.getValue().run();
            }
        }
        String table = b.table();
        System.out.println(table);
        Files.writeString(Path.of("target/benchmarks.md"), table);
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Measured %s on %d cores, %d GiB, Java %s (%s); medians of %d runs after a warm-up.%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / (1024.0 * 1024 * 1024)), System.getProperty("java.version"),
                System.getProperty("java.vendor"), RUNS));
        sb.append("| measurement | wall | CPU | peak memory | note |\n|---|---|---|---|---|\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        return sb.toString();
    }

    void row(String what, Sample s, String note) {
        rows.add(String.format(Locale.ROOT, "| %s | %.3f s | %.3f s | %s | %s |", what, s.wall(), s.cpu(),
                s.peakMiB() < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", s.peakMiB()), note));
        System.out.println(rows.get(rows.size() - 1));
    }

    void note(String what, String value, String note) {
        rows.add("| " + what + " | " + value + " | | | " + note + " |");
        System.out.println(rows.get(rows.size() - 1));
    }

    // 5. bundle size

    void bundleSize() {
        try (JsEngine js = new JsEngine()) {
            byte[] core = bundle(js, 0).bytes();
            byte[] one = bundle(js, 1).bytes();
            byte[] hundredOne = bundle(js, 101).bytes();
            byte[] every = everyPart(js).bytes();
            byte[] example = exampleSite(js).bytes();
            writeQuietly(WORK.resolve("bundle-example-site.js"), example); // to look at, part by part
            size("bundle: runtime core (no events)", core, 1500, "consent gate, Do Not Track, GPC");
            size("bundle: runtime plus one click event", one, 1200, "the runtime carries only the parts the plan uses");
            size("bundle: runtime with every part (no events)", every, 1500, "every value source, type, trigger, the banner");
            size("bundle: example site", example, 2000, "the example site's plan, consent=banner");
            note("bundle: each additional click event", String.format(Locale.ROOT, "%.0f B raw, %.0f B gzipped",
                    (hundredOne.length - one.length) / 100.0, (gzip(hundredOne) - gzip(one)) / 100.0),
                    "averaged over 100 varied events with 2-3 properties each; target < 100 B gzipped");
            note("bundle: example site, what each part adds", exampleParts(js),
                    "gzipped bytes the example's bundle loses without that part (each measured alone, so they do not "
                    + "add up exactly to the whole)");
        }
    }

    /** A size row: raw and gzipped bytes, and whether the gzipped size meets its target. */
    void size(String what, byte[] bytes, int target, String note) {
        int gz = gzip(bytes);
        note(what, bytes.length + " B raw, " + gz + " B gzipped", "target < " + target + " B gzipped: "
                + (gz < target ? "met" : "miss") + "; " + note);
    }

    Bundle bundle(JsEngine js, int events) {
        try {
            Path dir = WORK.resolve("bundle-" + events);
            deleteQuietly(dir);
            SyntheticSites.writeSpecs(dir, events);
            return bundle(js, dir, "hubspot");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Bundle exampleSite(JsEngine js) {
        return bundle(js, ROOT.resolve("example-site/src/main/tracking/events"), "banner");
    }

    Bundle bundle(JsEngine js, Path dir, String consent) {
        Diagnostics d = new Diagnostics();
        var plan = new dev.trackplan.model.TrackingPlan(new dev.trackplan.load.SpecLoader(dir).load(dir, d)).bundled();
        TemplateSource t = new TemplateSource("tracking", dir.resolve("none"), dir);
        var snippets = new SnippetRenderer(t, js).renderAll(plan.events(), "42", d);
        Bundle b = new BundleAssembler(t, js).assemble(new BundleSettings("42", consent, true, true,
                BundleSettings.DEFAULT_CONSENT_COOKIE), plan.events(), snippets, "bench", d);
        if (d.hasErrors()) {
            throw new IllegalStateException(d.errors().toString());
        }
        return b;
    }

    /**
     * The example site's bundle part by part: for each runtime part its plan uses (and for the
     * snippets with their descriptors), how many gzipped bytes the bundle has without it.
     */
    String exampleParts(JsEngine js) {
        Path dir = ROOT.resolve("example-site/src/main/tracking/events");
        Diagnostics d = new Diagnostics();
        var plan = new dev.trackplan.model.TrackingPlan(new dev.trackplan.load.SpecLoader(dir).load(dir, d)).bundled();
        TemplateSource t = new TemplateSource("tracking", dir.resolve("none"), dir);
        Map<String, String> snippets = new SnippetRenderer(t, js).renderAll(plan.events(), "42", d);
        RuntimeFeatures f = RuntimeFeatures.of(plan.events());
        BundleAssembler a = new BundleAssembler(t, js);
        java.util.function.BiFunction<RuntimeFeatures, String, Integer> size = (features, consent) -> {
            Bundle b = a.assemble(new BundleSettings("42", consent, true, true, BundleSettings.DEFAULT_CONSENT_COOKIE),
                    features, snippets, "bench", d);
            if (d.hasErrors()) {
                throw new IllegalStateException(d.errors().toString());
            }
            return gzip(b.bytes());
        };
        int whole = size.apply(f, "banner");
        Map<String, Integer> parts = new java.util.LinkedHashMap<>();
        Bundle bare = a.assemble(new BundleSettings("42", "banner", true, true, BundleSettings.DEFAULT_CONSENT_COOKIE),
                f, Map.of(), "bench", d);
        parts.put("the " + snippets.size() + " snippets with their descriptors", whole - gzip(bare.bytes()));
        parts.put("Trackplan's banner (against HubSpot's settings link)", whole - size.apply(f, "hubspot"));
        for (TriggerKind k : f.triggers()) {
            var triggers = java.util.EnumSet.copyOf(f.triggers());
            triggers.remove(k);
            parts.put("trigger " + k.id(), whole - size.apply(new RuntimeFeatures(true, triggers, f.sources(), f.types(),
                    f.pages(), f.required(), f.keepQuery(), f.formFields(), f.hubspotFields()), "banner"));
        }
        for (SourceKind s : f.sources()) {
            var sources = java.util.EnumSet.copyOf(f.sources());
            sources.remove(s);
            boolean field = s == SourceKind.FIELD;
            parts.put("source " + s.id() + (field ? " (form reading)" : ""), whole - size.apply(new RuntimeFeatures(true,
                    f.triggers(), sources, f.types(), f.pages(), f.required(), f.keepQuery(), f.formFields() && !field,
                    f.hubspotFields() && !field), "banner"));
        }
        for (PropertyType p : f.types()) {
            var types = java.util.EnumSet.copyOf(f.types());
            types.remove(p);
            parts.put("type " + p.id(), whole - size.apply(new RuntimeFeatures(true, f.triggers(), f.sources(), types,
                    f.pages(), f.required(), f.keepQuery(), f.formFields(), f.hubspotFields()), "banner"));
        }
        if (f.pages()) {
            parts.put("pages", whole - size.apply(new RuntimeFeatures(true, f.triggers(), f.sources(), f.types(), false,
                    f.required(), f.keepQuery(), f.formFields(), f.hubspotFields()), "banner"));
        }
        if (f.required()) {
            parts.put("required", whole - size.apply(new RuntimeFeatures(true, f.triggers(), f.sources(), f.types(),
                    f.pages(), false, f.keepQuery(), f.formFields(), f.hubspotFields()), "banner"));
        }
        if (f.keepQuery()) {
            parts.put("keepQuery", whole - size.apply(new RuntimeFeatures(true, f.triggers(), f.sources(), f.types(),
                    f.pages(), f.required(), false, f.formFields(), f.hubspotFields()), "banner"));
        }
        Bundle core = a.assemble(new BundleSettings("42", "banner", true, true, BundleSettings.DEFAULT_CONSENT_COOKIE),
                RuntimeFeatures.of(List.of()), Map.of(), "bench", d);
        int gate = gzip(core.bytes());
        int snippetBytes = whole - gzip(bare.bytes());
        StringBuilder sb = new StringBuilder(whole + " B in all: the consent gate with the banner and no event "
                + gate + " B; ");
        parts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append(e.getKey()).append(' ').append(e.getValue()).append(" B, "));
        // the target's budget: what the gate and the snippets leave for the event runtime
        return sb.substring(0, sb.length() - 2) + "; of the 2000 B target, the gate with the banner and the snippets "
                + "leave " + (2000 - gate - snippetBytes) + " B for the event runtime (value sources, types, triggers), "
                + "which takes " + (whole - gate - snippetBytes) + " B here";
    }

    Bundle everyPart(JsEngine js) {
        Diagnostics d = new Diagnostics();
        TemplateSource t = new TemplateSource("tracking", WORK.resolve("none"), WORK);
        Bundle b = new BundleAssembler(t, js).assemble(new BundleSettings("42", "banner", true, true,
                BundleSettings.DEFAULT_CONSENT_COOKIE), dev.trackplan.bundle.RuntimeFeatures.all(), Map.of(), "bench", d);
        if (d.hasErrors()) {
            throw new IllegalStateException(d.errors().toString());
        }
        return b;
    }

    static int gzip(byte[] bytes) {
        return Trackplan.gzipSize(bytes);
    }

    // 3. scaling of check and render

    void scaling() {
        double previous = 0;
        for (int n : new int[] {10, 100, 1000, 10000}) {
            Path dir = WORK.resolve("scale-" + n);
            try {
                deleteQuietly(dir);
                SyntheticSites.writeSpecs(dir.resolve("src/main/tracking/events"), n);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            TrackplanConfig c = config(dir, false);
            Sample check = inProcess(() -> {
                Trackplan.Checked r = new Trackplan().check(c);
                if (r.diagnostics().hasErrors()) {
                    throw new IllegalStateException(r.diagnostics().errors().toString());
                }
                return null;
            });
            row("check (load + check) of " + n + " events", check, n == 10000 ? "target < 1 s" : growth(previous, check.wall(), n));
            previous = check.wall();
        }
        try (JsEngine js = new JsEngine()) {
            double prev = 0;
            for (int n : new int[] {10, 100, 1000, 10000}) {
                Sample render = inProcess(() -> bundle(js, n));
                row("render + bundle of " + n + " events", render, growth(prev, render.wall(), n));
                prev = render.wall();
            }
        }
    }

    private static String growth(double previous, double now, int n) {
        return previous <= 0 ? "" : String.format(Locale.ROOT, "x%.1f for x10 events", now / previous);
    }

    // verification: events x pages

    void verification() {
        for (int[] ep : new int[][] {{50, 10}, {50, 50}, {500, 10}, {500, 50}}) {
            int events = ep[0];
            int pages = ep[1];
            Path dir = WORK.resolve("verify-" + events + "x" + pages);
            try {
                deleteQuietly(dir);
                Files.createDirectories(dir.resolve("src/main/site/pages"));
                SyntheticSites.writeSpecs(dir.resolve("src/main/tracking/events"), events);
                for (int p = 0; p < pages; p++) {
                    StringBuilder sb = new StringBuilder("---\ntitle: Page " + p + "\n---\n# Page " + p + "\n\n");
                    for (int e = p; e < events; e += pages) {
                        sb.append("<a class=\"cta-").append(e).append("\" data-plan=\"basic\" data-price=\"").append(e)
                                .append("\" href=\"/\">Go</a>\n");
                    }
                    Files.writeString(dir.resolve("src/main/site/pages/" + (p == 0 ? "index" : "page-" + p) + ".md"), sb.toString());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            TrackplanConfig c = config(dir, true);
            final String[] timing = new String[1];
            Sample s = inProcess(() -> {
                fullBuildNext(dir); // a full build, target/ kept
                BuildResult r = new Trackplan().build(c);
                if (r.failed()) {
                    throw new IllegalStateException(r.errors().subList(0, Math.min(3, r.errors().size())).toString());
                }
                // the summary's lines by what they say (their places move as the summary grows)
                timing[0] = r.summary().stream().filter(l -> l.startsWith("Verified ") || l.startsWith("Timing: "))
                        .collect(java.util.stream.Collectors.joining("; "));
                return null;
            });
            row("whole build incl. verification, " + events + " events x " + pages + " pages", s,
                    (events == 500 && pages == 50 ? "target: verification < 5 s; " : "") + stageOf(timing[0], "verify"));
        }
    }

    static String stageOf(String timing, String stage) {
        Matcher m = Pattern.compile(stage + " (\\d+) ms").matcher(timing == null ? "" : timing);
        String scenarios = "";
        Matcher sc = Pattern.compile("in (\\d+) scenarios").matcher(timing == null ? "" : timing);
        if (sc.find()) {
            scenarios = sc.group(1) + " scenarios, ";
        }
        return m.find() ? scenarios + stage + " stage " + m.group(1) + " ms" : "";
    }

    // 1. and 4. Maven overhead and no-op rebuild on the example site

    void mavenOverhead() {
        Path site = ROOT.resolve("example-site");
        List<String> base = List.of("mvn", "-o", "-B", "-ntp", "package", "-Dmaven.test.skip=true");
        Sample with = external(site, true, concat(base, List.of()));
        Sample without = external(site, true, concat(base, List.of("-Dtrackplan.skip=true")));
        row("example site: mvn package with Trackplan", with, stages(with.output()));
        row("example site: mvn package with -Dtrackplan.skip", without, "Maven's own floor");
        note("Trackplan's overhead on the example site", String.format(Locale.ROOT, "%.2f s", with.wall() - without.wall()),
                "target < 1.5 s over the floor");
        // the opt-in of the README ("Faster builds: JVM options"): a class-data-sharing archive and C1 only
        Map<String, String> optIn = optInJvm();
        Sample withOptIn = external(site, true, true, concat(base, List.of()), optIn);
        Sample floorOptIn = external(site, true, true, concat(base, List.of("-Dtrackplan.skip=true")), optIn);
        row("example site: mvn package with Trackplan, opt-in JVM options (CDS archive, C1 only)", withOptIn,
                String.format(Locale.ROOT, "%.2f x wall, %.2f x CPU of the run without; ", withOptIn.wall() / with.wall(),
                        withOptIn.cpu() / with.cpu()) + stages(withOptIn.output()));
        row("example site: mvn package with -Dtrackplan.skip, opt-in JVM options", floorOptIn, "");
        note("Trackplan's overhead on the example site, both with the opt-in JVM options", String.format(Locale.ROOT,
                "%.2f s", withOptIn.wall() - floorOptIn.wall()), "target < 1.5 s over the floor");
        // no-op: build once, then measure the rebuilds with nothing changed
        external(site, false, true, base);
        Sample noop = external(site, false, false, base);
        Matcher m = Pattern.compile("checked in (\\d+) ms").matcher(noop.output());
        row("example site: second mvn package, nothing changed", noop,
                (m.find() ? "plugin's own time " + m.group(1) + " ms" : "no up-to-date line found") + "; target < 200 ms");
    }

    /**
     * The 500 x 50 verification as a user runs it: one cold {@code mvn package} (the "verify" rows
     * measure warm runs in this JVM, where GraalJS and the JIT are warmed up by the runs before).
     */
    void verificationCold() {
        Path dir = WORK.resolve("verify-500x50");
        if (!Files.isDirectory(dir.resolve("src/main/tracking/events"))) {
            verification();
        }
        try {
            SyntheticSites.writePom(dir, VERSION);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Sample s = external(dir, false, true, List.of("mvn", "-o", "-B", "-ntp", "package"));
        row("whole build incl. verification, 500 events x 50 pages, one cold mvn package", s,
                "target: verification < 5 s; " + stages(s.output()));
    }

    /** What the edit path skipped, from the build's log: input files not read, files written in place. */
    static String editPath(String log) {
        StringBuilder sb = new StringBuilder();
        Matcher read = Pattern.compile("Input files read: (\\d+), unchanged by size, time and file id and not read: (\\d+)")
                .matcher(log);
        if (read.find()) {
            sb.append("; input files read ").append(read.group(1)).append(", not read ").append(read.group(2));
        }
        Matcher written = Pattern.compile("in place: (\\d+) written, (\\d+) removed").matcher(log);
        sb.append(written.find() ? "; written in place: " + written.group(1) + " files" : "; written staged");
        Matcher rendered = Pattern.compile("Pages rendered: (\\d+)").matcher(log);
        if (rendered.find()) {
            sb.append("; pages rendered ").append(rendered.group(1));
        }
        return sb.toString();
    }

    private static Path cds;

    /**
     * A class-data-sharing archive of Maven, the plugin and GraalJS as an example-site build loads
     * them, made once (JDK 17's two steps: {@code -XX:ArchiveClassesAtExit}, then
     * {@code -XX:SharedArchiveFile}; they work on later JDKs too).
     */
    static synchronized Path cdsArchive() {
        if (cds == null) {
            Path archive = WORK.resolve("trackplan-cds.jsa").toAbsolutePath();
            deleteQuietly(archive);
            external(ROOT.resolve("example-site"), false, true, List.of("mvn", "-o", "-B", "-ntp", "-q", "package",
                    "-Dmaven.test.skip=true"), Map.of("MAVEN_OPTS", "-XX:ArchiveClassesAtExit=" + archive));
            cds = archive;
        }
        return cds;
    }

    /** The opt-in JVM options of the README for big sites: the CDS archive and C1 only (no C2 compilation). */
    static Map<String, String> optInJvm() {
        return Map.of("MAVEN_OPTS", "-XX:SharedArchiveFile=" + cdsArchive() + " -XX:TieredStopAtLevel=1");
    }

    static String stages(String log) {
        Matcher m = Pattern.compile("Timing: (.*)").matcher(log);
        return m.find() ? m.group(1).trim() : "";
    }

    // 2. site generation against Hugo

    void versusHugo() {
        boolean hugo = ensureHugo();
        for (int pages : new int[] {1000, 10000}) {
            Path tp = WORK.resolve("site-" + pages + "/trackplan");
            Path hg = WORK.resolve("site-" + pages + "/hugo");
            try {
                deleteQuietly(tp);
                deleteQuietly(hg);
                SyntheticSites.trackplanProject(tp, pages, 1, VERSION);
                SyntheticSites.hugoProject(hg, pages);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Sample trackplan = external(tp, true, List.of("mvn", "-o", "-B", "-ntp", "package"));
            row(pages + " Markdown pages: Trackplan mvn package", trackplan, stages(trackplan.output()));
            Sample optIn = external(tp, true, true, List.of("mvn", "-o", "-B", "-ntp", "package"), optInJvm());
            row(pages + " Markdown pages: Trackplan mvn package, opt-in JVM options (CDS, C1 only)", optIn,
                    String.format(Locale.ROOT, "%.2f x wall, %.2f x CPU, %.2f x memory of the run without; ", optIn.wall()
                    / trackplan.wall(), optIn.cpu() / trackplan.cpu(), optIn.peakMiB() / trackplan.peakMiB())
                    + stages(optIn.output()));
            if (hugo) {
                Sample h = external(hg, true, List.of("hugo", "--quiet", "-d", "public"));
                row(pages + " Markdown pages: Hugo", h, String.format(Locale.ROOT, "Trackplan/Hugo = %.1f x wall, %.1f x memory",
                        trackplan.wall() / h.wall(), trackplan.peakMiB() / h.peakMiB()));
            }
        }
    }

    // 7. large sites: an edit in a big site, a flat site, an event on every page, 50,000 pages

    /** Part {@code edit}: the edit rows of {@code large} alone (one page edited in 10,000 pages, the rebuild with nothing changed). */
    void editOnly() {
        try {
            editInLargeSite(ensureHugo());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 10,000-page project built clean once (returned: a yardstick), then one page edited, and rebuilt. */
    Sample editInLargeSite(boolean hugo) throws IOException {
        Path tp = WORK.resolve("large-10000/trackplan");
        Path hg = WORK.resolve("large-10000/hugo");
        deleteQuietly(tp);
        deleteQuietly(hg);
        SyntheticSites.trackplanProject(tp, 10000, 1, VERSION);
        SyntheticSites.hugoProject(hg, 10000);
        // the site is built once (a clean build, one run: the 50,000-page row's yardstick); each
        // timed run then edits one page (a new paragraph) and builds again
        Sample clean10k = external(tp, false, true, List.of("mvn", "-o", "-B", "-ntp", "package"));
        Sample edited = external(tp, true, false, List.of("bash", "-c", "printf '\\nEdit %s.\\n' \"$RANDOM\" >> "
                + "src/main/site/pages/posts/post-5000.md && mvn -o -B -ntp package"));
        String ratio = "";
        if (hugo) {
            Sample h = external(hg, true, List.of("hugo", "--quiet", "-d", "public"));
            row("10000 Markdown pages: Hugo full build", h, "");
            ratio = String.format(Locale.ROOT, "; Trackplan edit / Hugo full build = %.2f x wall", edited.wall() / h.wall());
        }
        row("10000 pages, one page edited: Trackplan mvn package", edited, stages(edited.output())
                + editPath(edited.output()) + "; target: faster than Hugo's full build" + ratio);
        // the same build with no page changed: only the up-to-date stamp is removed before each run
        Sample again = external(tp, true, false, List.of("bash", "-c", "rm -f target/trackplan/fingerprint.txt"
                + " && mvn -o -B -ntp package"));
        row("10000 pages, rebuilt over its own site (nothing changed, stamp removed)", again, stages(again.output())
                + editPath(again.output()));
        return clean10k;
    }

    void largeSites() {
        boolean hugo = ensureHugo();
        try {
            Sample clean10k = editInLargeSite(hugo);
            Path flat = WORK.resolve("large-flat-4000");
            deleteQuietly(flat);
            SyntheticSites.trackplanProject(flat, 4000, 1, VERSION, true);
            Sample f = external(flat, true, List.of("mvn", "-o", "-B", "-ntp", "package"));
            row("4000 top-level pages (all in the nav): Trackplan mvn package", f, stages(f.output()));

            everyPage();

            Path big = WORK.resolve("large-50000/trackplan");
            Path bigHugo = WORK.resolve("large-50000/hugo");
            deleteQuietly(big);
            deleteQuietly(bigHugo);
            SyntheticSites.trackplanProject(big, 50000, 1, VERSION);
            // one run each: a 50,000-page build takes a minute or more
            Sample b = external(big, false, true, List.of("mvn", "-o", "-B", "-ntp", "package"));
            row("10000 Markdown pages: Trackplan mvn package (one run, same run as 50000)", clean10k,
                    stages(clean10k.output()));
            row("50000 Markdown pages: Trackplan mvn package (one run)", b, stages(b.output()) + "; target: linear in pages; "
                    + linearity(clean10k, b, 5));
            if (hugo) {
                SyntheticSites.hugoProject(bigHugo, 50000);
                Sample h = external(bigHugo, false, List.of("hugo", "--quiet", "-d", "public"));
                row("50000 Markdown pages: Hugo", h, String.format(Locale.ROOT, "Trackplan/Hugo = %.1f x wall, %.1f x memory",
                        b.wall() / h.wall(), b.peakMiB() / h.peakMiB()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An event on every page of 10,000 pages (one run each): pages in the same situation are
     * verified once (issue 14, item 3). The target's case is a header link whose properties come
     * from the element, the same on every page: one situation for all pages. The second row's event
     * reads the page's address ({@code from: url}), which differs on every page: a situation per
     * page by design, so every page is verified.
     */
    void everyPage() {
        try {
            Path header = WORK.resolve("large-every-page-header-10000");
            deleteQuietly(header);
            SyntheticSites.trackplanProject(header, 10000, 1, VERSION);
            SyntheticSites.headerLinkEvent(header);
            Sample h = external(header, false, true, List.of("mvn", "-o", "-B", "-ntp", "package"));
            row("10000 pages, a header-link click on every page, properties from the element (one situation): "
                    + "Trackplan mvn package (one run)", h, verified(h.output()) + stages(h.output())
                    + "; target: verify < 10 s");

            Path every = WORK.resolve("large-every-page-10000");
            deleteQuietly(every);
            SyntheticSites.trackplanProject(every, 10000, 1, VERSION);
            SyntheticSites.everyPageEvent(every);
            Sample e = external(every, false, true, List.of("mvn", "-o", "-B", "-ntp", "package"));
            row("10000 pages, a link on every page whose event reads the page's URL (from: url: a situation per "
                    + "page, every page verified): Trackplan mvn package (one run)", e, verified(e.output())
                    + stages(e.output()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How the larger build's time grows against {@code factor} times the pages: wall, CPU and the plugin's own total. */
    static String linearity(Sample small, Sample large, int factor) {
        Matcher a = Pattern.compile("total (\\d+) ms").matcher(small.output());
        Matcher b = Pattern.compile("total (\\d+) ms").matcher(large.output());
        String own = a.find() && b.find() ? String.format(Locale.ROOT, ", plugin's own total x%.1f",
                Double.parseDouble(b.group(1)) / Double.parseDouble(a.group(1))) : "";
        return String.format(Locale.ROOT, "x%d pages: wall x%.1f, CPU x%.1f%s, peak memory x%.1f", factor,
                large.wall() / small.wall(), large.cpu() / small.cpu(), own, large.peakMiB() / small.peakMiB());
    }

    /** The build's verification line: scenarios run and page views shared. */
    static String verified(String log) {
        Matcher m = Pattern.compile("Verified (\\d+) events in (\\d+) scenarios[^\\n]*?in (\\d+) ms( \\((\\d+) page views)?")
                .matcher(log);
        return m.find() ? m.group(2) + " scenarios in " + m.group(3) + " ms" + (m.group(5) == null ? "" : ", "
                + m.group(5) + " page views shared") + "; " : "";
    }

    static boolean ensureHugo() {
        if (onPath("hugo")) {
            return true;
        }
        System.out.println("bench: installing Hugo (Debian package hugo)");
        try {
            new ProcessBuilder("bash", "-c", "(apt-get install -y -qq hugo || (apt-get update -qq && apt-get install -y -qq hugo))"
                    + " >/dev/null 2>&1 || sudo -n apt-get install -y -qq hugo >/dev/null 2>&1").inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            return false;
        }
        return onPath("hugo");
    }

    static boolean onPath(String cmd) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + cmd).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // measurement machinery

    TrackplanConfig config(Path dir, boolean verify) {
        return new TrackplanConfig(dir, dir.resolve("src/main/tracking/events"), dir.resolve("src/main/tracking/trackplan.lock.json"), dir.resolve("src/main/tracking/templates"),
                dir.resolve("src/main/site/pages"), dir.resolve("src/main/site/layouts"), dir.resolve("src/main/site/assets"),
                dir.resolve("target/site"), dir.resolve("target/trackplan"), dir.resolve("target/reports"), "42", "na1",
                "hubspot", true, true, "https://bench.example", "Bench", true, false, verify, Duration.ofSeconds(30), "bench");
    }

    /** In this JVM: one warm-up, then RUNS runs; wall, the process's CPU (all threads), peak heap. */
    static Sample inProcess(Callable<?> work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<double[]> samples = new ArrayList<>();
        for (int i = 0; i <= RUNS; i++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try {
                work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024);
            if (i > 0) {
                samples.add(new double[] {wall, cpu, peak});
            }
        }
        return new Sample(median(samples, 0), median(samples, 1), median(samples, 2), "");
    }

    /**
     * A separate process under /usr/bin/time: one warm-up (when asked), then RUNS runs. With
     * {@code fresh}, Trackplan's up-to-date stamp is removed before each run, so no run is an
     * up-to-date no-op (each replaces the site the run before wrote); Hugo always builds in full.
     */
    static Sample external(Path dir, boolean warmUp, List<String> cmd) {
        return external(dir, warmUp, true, cmd);
    }

    static Sample external(Path dir, boolean warmUp, boolean fresh, List<String> cmd) {
        return external(dir, warmUp, fresh, cmd, Map.of());
    }

    /** As above, with {@code env} added to the process's environment (MAVEN_OPTS appended to any already set). */
    static Sample external(Path dir, boolean warmUp, boolean fresh, List<String> cmd, Map<String, String> env) {
        List<double[]> samples = new ArrayList<>();
        String lastOutput = "";
        int runs = warmUp ? RUNS + 1 : 1;
        for (int i = 0; i < runs; i++) {
            if (fresh) {
                // a full rebuild without deleting target/ just before the timed run (the deletion's
                // disk work would land in the measurement): the up-to-date stamp and the build cache go
                fullBuildNext(dir);
            }
            List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "__TIME__ %e %U %S %M"));
            full.addAll(withRepo(cmd));
            try {
                ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
                env.forEach((k, v) -> pb.environment().merge(k, v, (old, add) -> old + " " + add));
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int rc = p.waitFor();
                Matcher m = Pattern.compile("__TIME__ ([\\d.]+) ([\\d.]+) ([\\d.]+) (\\d+)").matcher(out);
                if (rc != 0 || !m.find()) {
                    throw new IllegalStateException(String.join(" ", cmd) + " in " + dir + " failed:\n" + out);
                }
                lastOutput = out;
                if (!warmUp || i > 0) {
                    samples.add(new double[] {Double.parseDouble(m.group(1)),
                        Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3)), Long.parseLong(m.group(4)) / 1024.0});
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Sample(median(samples, 0), median(samples, 1), median(samples, 2), lastOutput);
    }

    /**
     * The next build of the project at {@code dir} is a full one: no up-to-date stamp, no build cache,
     * no record of what was written (so the whole site is written, staged, not updated in place).
     */
    static void fullBuildNext(Path dir) {
        deleteQuietly(dir.resolve("target/trackplan/fingerprint.txt"));
        deleteQuietly(dir.resolve("target/trackplan/incremental"));
        deleteQuietly(dir.resolve("target/trackplan/written.txt"));
    }

    /** Maven commands use the local repository the suite runs with ({@code -Dbench.repo}), when given. */
    static List<String> withRepo(List<String> cmd) {
        String repo = System.getProperty("bench.repo", "");
        if (repo.isBlank()) {
            return cmd;
        }
        List<String> out = new ArrayList<>();
        for (String a : cmd) {
            out.add(a.equals("mvn") ? a : a.replace("mvn -o ", "mvn -Dmaven.repo.local=" + repo + " -o "));
            if (a.equals("mvn")) {
                out.add("-Dmaven.repo.local=" + repo);
            }
        }
        return out;
    }

    static double median(List<double[]> samples, int column) {
        double[] v = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static void writeQuietly(Path p, byte[] bytes) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            dev.trackplan.io.AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
