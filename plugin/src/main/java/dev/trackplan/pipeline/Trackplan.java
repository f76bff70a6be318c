package dev.trackplan.pipeline;

import dev.trackplan.bundle.Bundle;
import dev.trackplan.bundle.BundleAssembler;
import dev.trackplan.bundle.BundleSettings;
import dev.trackplan.check.PlanChecker;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.io.AtomicFiles;
import dev.trackplan.js.JsEngine;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.render.SnippetRenderer;
import dev.trackplan.render.TemplateSource;
import dev.trackplan.site.GeneratedSite;
import dev.trackplan.site.Page;
import dev.trackplan.site.PageLoader;
import dev.trackplan.site.SiteGenerator;
import dev.trackplan.site.SiteSettings;
import dev.trackplan.verify.JUnitReport;
import dev.trackplan.verify.VerifyReport;
import dev.trackplan.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

/**
 * The pipeline, one direction: load, check, render, bundle, site, verify, write. Stages collect
 * diagnostics; the first stage with errors ends the build, and nothing is written unless all
 * stages passed.
 */
public final class Trackplan implements AutoCloseable {
    private final boolean keepWarm;
    private JsEngine warmEngine;
    private String cachedTrackingKey;
    private Checked cachedChecked;
    private Bundle cachedBundle;
    private TrackingPlan lastValidPlan;

    public Trackplan() {
        this(false);
    }

    private Trackplan(boolean keepWarm) {
        this.keepWarm = keepWarm;
    }

    /** The plan of a site with the problems found loading and checking it. */
    public record Checked(TrackingPlan plan, Diagnostics diagnostics) {}

    public Checked check(TrackplanConfig c) {
        Diagnostics d = new Diagnostics();
        List<EventSpec> events = new SpecLoader(c.projectDir()).load(c.eventsDir(), d);
        new PlanChecker().check(events, d);
        return new Checked(new TrackingPlan(events), d);
    }

    public BuildResult build(TrackplanConfig c) {
        List<String> summary = new ArrayList<>();
        long t0 = System.nanoTime();
        String fingerprint = Fingerprint.of(c);
        Path stamp = c.workDir().resolve("fingerprint.txt");
        SiteWriter writer = new SiteWriter(c.outputDir(), c.workDir());
        if (fingerprint.equals(read(stamp)) && writer.intact()) {
            if (keepWarm && lastValidPlan == null) {
                Checked current = check(c); // an up-to-date start still needs the plan it serves
                lastValidPlan = current.diagnostics().hasErrors() ? null : current.plan();
            }
            summary.add("Site is up to date (no input changed), nothing rendered or written; checked in "
                    + ms(t0) + " ms");
            return new BuildResult(List.of(), true, summary);
        }
        // GraalJS takes a moment to start: warm it up while the specs are read and checked
        CompletableFuture<JsEngine> engine = warmEngine != null ? CompletableFuture.completedFuture(warmEngine)
                : CompletableFuture.supplyAsync(JsEngine::new);
        String trackingKey = keepWarm ? Fingerprint.ofTracking(c) : null;
        boolean reuse = trackingKey != null && trackingKey.equals(cachedTrackingKey);
        Checked checked = reuse ? cachedChecked : check(c);
        Diagnostics d = new Diagnostics();
        d.addAll(checked.diagnostics().sorted());
        TrackingPlan plan = checked.plan();
        long tCheck = System.nanoTime();
        if (d.hasErrors()) {
            if (!keepWarm) {
                engine.thenAccept(JsEngine::close);
            }
            return new BuildResult(d.sorted(), false, summary);
        }
        lastValidPlan = plan;
        JsEngine js = engine.join();
        try {
            Bundle bundle;
            if (reuse) {
                bundle = cachedBundle;
                summary.add("Specs and tracking templates unchanged: reused the checked plan and the bundle");
            } else {
                TemplateSource tracking = new TemplateSource("tracking", c.trackingTemplatesDir(), c.projectDir());
                Map<String, String> snippets = new SnippetRenderer(tracking, js).renderAll(plan.events(), c.hubId(), d);
                bundle = d.hasErrors() ? null : new BundleAssembler(tracking, js).assemble(
                        new BundleSettings(c.hubId(), c.consent(), c.respectDoNotTrack(), BundleSettings.DEFAULT_CONSENT_COOKIE),
                        snippets, c.version(), d);
            }
            long tBundle = System.nanoTime();
            if (d.hasErrors()) {
                return new BuildResult(d.sorted(), false, summary);
            }
            if (keepWarm) {
                warmEngine = js;
                cachedTrackingKey = trackingKey;
                cachedChecked = checked;
                cachedBundle = bundle;
            }
            PageLoader pages = new PageLoader(c.projectDir());
            List<Page> pageList = pages.load(c.pagesDir(), d);
            TemplateSource layouts = new TemplateSource("site", c.layoutsDir(), c.projectDir());
            SiteSettings ss = new SiteSettings(c.hubId(), c.region(), c.consent(), c.baseUrl(), c.siteTitle(),
                    c.trackingPlanPage(), c.includeDrafts());
            GeneratedSite site = d.hasErrors() ? null
                    : new SiteGenerator(layouts, ss).generate(pageList, plan, bundle, c.assetsDir(), d);
            long tSite = System.nanoTime();
            if (d.hasErrors()) {
                return new BuildResult(d.sorted(), false, summary);
            }
            VerifyReport report = null;
            if (c.verify()) {
                report = new Verifier(js, c.hubId(), ss.banner(), c.respectDoNotTrack(), c.verifyTimeout())
                        .verify(plan, site, bundle.content(), d);
                JUnitReport.write(report, c.reportsDir().resolve("TEST-trackplan-verify.xml"));
            }
            long tVerify = System.nanoTime();
            if (d.hasErrors()) {
                return new BuildResult(d.sorted(), false, summary);
            }
            writer.write(site.files());
            AtomicFiles.write(stamp, fingerprint + "\n");
            long tEnd = System.nanoTime();
            summary.add(String.format(Locale.ROOT, "%d events, %d pages, bundle %s: %d bytes (%d gzipped)",
                    plan.events().size(), site.pages().size(), bundle.path(), bundle.bytes().length,
                    gzipSize(bundle.bytes())));
            if (report != null) {
                summary.add(String.format(Locale.ROOT, "Verified %d events in %d scenarios under GraalJS in %d ms",
                        plan.events().size(), report.scenarios(), report.millis()));
            } else {
                summary.add("Verification skipped (trackplan.verify=false)");
            }
            summary.add(String.format(Locale.ROOT, "Site written to %s: %d files", c.outputDir(), site.files().size()));
            summary.add(String.format(Locale.ROOT, "Timing: load+check %d ms, render+bundle %d ms, site %d ms, "
                    + "verify %d ms, write %d ms, total %d ms", (tCheck - t0) / 1_000_000, (tBundle - tCheck) / 1_000_000,
                    (tSite - tBundle) / 1_000_000, (tVerify - tSite) / 1_000_000, (tEnd - tVerify) / 1_000_000,
                    (tEnd - t0) / 1_000_000));
            return new BuildResult(d.sorted(), false, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!keepWarm) {
                js.close();
            }
        }
    }

    /**
     * A pipeline for repeated builds (the dev server): keeps GraalJS running between builds and
     * skips loading, checking, rendering and bundling when no spec or tracking template changed.
     * Close it when done.
     */
    public static Trackplan keptWarm() {
        return new Trackplan(true);
    }

    /** The plan of the last build whose specs had no errors, or null. */
    public TrackingPlan lastValidPlan() {
        return lastValidPlan;
    }

    @Override
    public void close() {
        if (warmEngine != null) {
            warmEngine.close();
            warmEngine = null;
        }
    }

    /** The size of {@code bytes} gzipped, as a browser would download the bundle. */
    public static int gzipSize(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
