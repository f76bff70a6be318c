package dev.trackplan.pipeline;

import dev.trackplan.bundle.Bundle;
import dev.trackplan.bundle.BundleAssembler;
import dev.trackplan.bundle.BundleSettings;
import dev.trackplan.check.CustomCodeSyntax;
import dev.trackplan.check.PlanChecker;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.incremental.BuildCache;
import dev.trackplan.incremental.Canonical;
import dev.trackplan.incremental.InputStamps;
import dev.trackplan.incremental.ParsedPages;
import dev.trackplan.incremental.SyntaxChecks;
import dev.trackplan.incremental.VerifiedPages;
import dev.trackplan.io.AtomicFiles;
import dev.trackplan.io.DisplayPaths;
import dev.trackplan.io.Failures;
import dev.trackplan.io.FileRules;
import dev.trackplan.io.ProjectFiles;
import dev.trackplan.js.JsEngine;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PublishState;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.publish.Lock;
import dev.trackplan.publish.LockFile;
import dev.trackplan.publish.LockRules;
import dev.trackplan.render.SnippetRenderer;
import dev.trackplan.render.TemplateSource;
import dev.trackplan.site.ContentFacts;
import dev.trackplan.site.GeneratedSite;
import dev.trackplan.site.Page;
import dev.trackplan.site.PageLoader;
import dev.trackplan.site.RenderCache;
import dev.trackplan.site.SiteGenerator;
import dev.trackplan.site.SiteRules;
import dev.trackplan.site.SiteSettings;
import dev.trackplan.verify.JUnitReport;
import dev.trackplan.verify.Verifier;
import dev.trackplan.verify.VerifyReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The pipeline, one direction: load, check, render, bundle, site, verify, write. Stages collect
 * diagnostics and every stage runs on what is still valid (an invalid event is left out of the
 * later stages, a broken page out of the site), so one build reports every independent problem;
 * nothing is written unless all stages passed.
 */
public final class Trackplan implements AutoCloseable {
    private final boolean keepWarm;
    private JsEngine warmEngine;
    private String cachedTrackingKey;
    private Checked cachedChecked;
    private Bundle cachedBundle;
    private TrackingPlan cachedPlan;
    private TrackingPlan cachedVerified;
    private List<Diagnostic> cachedRenderProblems = List.of();
    private TrackingPlan lastValidPlan;
    /** How long a build waits for another build of the project to finish (shorter in tests). */
    java.time.Duration lockWait = BuildLock.WAIT;
    /**
     * Whether builds keep their results in {@code target/trackplan/incremental} for the next build
     * ({@code -Dtrackplan.incremental=false} turns it off).
     */
    static final boolean INCREMENTAL = !"false".equals(System.getProperty("trackplan.incremental"));
    /** {@link #INCREMENTAL} for this pipeline (tests build both ways in one JVM). */
    boolean incremental = INCREMENTAL;
    /** Tests: sees the site each build verifies and writes. */
    java.util.function.Consumer<GeneratedSite> siteUsed = site -> {};
    /** Kept warm only: the pages of the last build, so unchanged pages are not rendered again. */
    private final RenderCache renderCache;

    public Trackplan() {
        this(false);
    }

    private Trackplan(boolean keepWarm) {
        this.keepWarm = keepWarm;
        this.renderCache = keepWarm ? new RenderCache() : null;
    }

    /** The plan of a site with the problems found loading and checking it. */
    public record Checked(TrackingPlan plan, Lock lock, Diagnostics diagnostics) {}

    /**
     * For {@code trackplan:check} when {@code trackplan:build} follows in the same JVM: a build
     * without a build cache (the first, a clean one, or the cache turned off) parses the snippets
     * and the bundle, so GraalJS starts now in the background, while Maven runs the goals between
     * the two; a build with a cache may not need it at all and starts it itself when it does.
     * The starting thread, or null when it was not started. {@code workDir}: the build's work folder
     * ({@code target/trackplan}).
     */
    public static Thread startGraalJsForBuild(Path workDir) {
        if (INCREMENTAL && java.nio.file.Files.isDirectory(cacheDir(workDir))) {
            return null;
        }
        return JsEngine.startInBackground();
    }

    /** The build cache's folder in the work folder ({@code target/trackplan/incremental}). */
    private static Path cacheDir(Path workDir) {
        return workDir.resolve("incremental");
    }

    /** Loads and checks the specs; GraalJS is started only when there is custom code to parse. */
    public Checked check(TrackplanConfig c) {
        JsEngine[] started = new JsEngine[1];
        try {
            return check(c, () -> {
                if (warmEngine != null) {
                    return warmEngine;
                }
                if (started[0] == null) {
                    started[0] = new JsEngine();
                }
                return started[0];
            });
        } finally {
            if (started[0] != null) {
                started[0].close();
            }
        }
    }

    private Checked check(TrackplanConfig c, Supplier<JsEngine> engine) {
        Diagnostics d = new Diagnostics();
        List<EventSpec> events = new SpecLoader(c.projectDir()).load(c.eventsDir(), d);
        new PlanChecker().check(events, d);
        String lockShown = DisplayPaths.of(c.projectDir(), c.lockFile());
        String outside = new ProjectFiles(c.projectDir()).outside(c.lockFile());
        Lock lock = Lock.EMPTY;
        if (outside != null && Files.exists(c.lockFile())) {
            d.error(SourcePos.of(lockShown), FileRules.OUTSIDE_PROJECT, "the lock file " + outside);
        } else {
            lock = LockFile.read(c.lockFile(), lockShown, d);
        }
        LockRules.check(events, lock, lockShown, d);
        CustomCodeSyntax.check(events, engine, d);
        Map<String, PublishState> states = new TreeMap<>();
        lock.events().values().forEach(l -> states.put(l.name(), l.retired() ? PublishState.RETIRED : PublishState.PUBLISHED));
        return new Checked(new TrackingPlan(events, states), lock, d);
    }

    /**
     * Builds the site. One build per project at a time (a lock in the work folder); a file that
     * cannot be read or written is reported as a diagnostic naming it, never as a stack trace.
     */
    public BuildResult build(TrackplanConfig c) {
        try (BuildLock lock = BuildLock.acquire(c.workDir(), lockWait)) {
            return buildLocked(c);
        } catch (BuildLock.Busy e) {
            return failure(SourcePos.of(DisplayPaths.of(c.projectDir(), c.workDir().resolve("build.lock"))),
                    FileRules.BUILD_LOCKED, "another Trackplan build of this project is running (it holds this lock "
                    + "file; waited " + lockWait.toSeconds() + " s); let it finish or stop it, then build again");
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            String file = io instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : null;
            return failure(SourcePos.of(file == null ? "pom.xml" : DisplayPaths.of(c.projectDir(), Path.of(file))),
                    FileRules.WRITE_FAILED, "the build could not read or write a file: " + Failures.describe(io, c.projectDir())
                    + " (a full disk, a read-only folder or missing permissions?)");
        }
    }

    private static BuildResult failure(SourcePos at, String rule, String message) {
        return new BuildResult(List.of(Diagnostic.error(at, rule, message)), false, List.of());
    }

    private BuildResult buildLocked(TrackplanConfig c) throws IOException {
        List<String> summary = new ArrayList<>();
        long t0 = System.nanoTime();
        // inputs whose size, time and file id are those the last build recorded are not read again
        InputStamps stamps = incremental ? InputStamps.open(cacheDir(c.workDir())) : InputStamps.none();
        try {
            return buildLocked(c, t0, summary, stamps);
        } finally {
            try {
                stamps.save();
            } catch (IOException e) {
                // only a cache: the next build reads the files again
            }
        }
    }

    private BuildResult buildLocked(TrackplanConfig c, long t0, List<String> summary, InputStamps stamps)
            throws IOException {
        String fingerprint = Fingerprint.of(c, stamps);
        Path stamp = c.workDir().resolve("fingerprint.txt");
        SiteWriter writer = new SiteWriter(c.outputDir(), c.workDir());
        String notOwned = writer.notOwned(c.projectDir());
        if (notOwned != null) {
            return failure(SourcePos.of("pom.xml"), FileRules.OUTPUT_NOT_OWNED, notOwned);
        }
        if (upToDate(fingerprint, read(stamp)) && writer.intact()) {
            if (keepWarm && lastValidPlan == null) {
                Checked current = check(c); // an up-to-date start still needs the plan it serves
                lastValidPlan = current.diagnostics().hasErrors() ? null : current.plan();
            }
            summary.add("Site is up to date (no input changed), nothing rendered or written; checked in "
                    + ms(t0) + " ms" + String.format(Locale.ROOT, " (input files read: %d, unchanged by size, time and "
                    + "file id and not read: %d)", stamps.read(), stamps.trusted()));
            return new BuildResult(List.of(), true, summary);
        }
        // the site the last build replaced is deleted meanwhile, on a thread of its own
        Thread emptying = new Trash(c.workDir()).emptyInBackground();
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "trackplan-build");
            t.setDaemon(true);
            return t;
        });
        try {
            return buildStarted(c, t0, summary, fingerprint, stamp, writer, background, stamps);
        } finally {
            background.shutdown();
            try {
                emptying.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private BuildResult buildStarted(TrackplanConfig c, long t0, List<String> summary, String fingerprint, Path stamp,
            SiteWriter writer, ExecutorService background, InputStamps stamps) throws IOException {
        // GraalJS is started only when something must be parsed or run (threads of their own: the
        // shared pool has one thread on two cores, and the pages' work uses it); without the build
        // cache every build needs it: warm it up at once, while the specs are read and checked
        EngineOnDemand engine = new EngineOnDemand(background, warmEngine);
        if (!incremental) {
            engine.start();
        }
        // the persistent cache (target/trackplan/incremental) is read meanwhile
        String layoutsKey = Fingerprint.ofLayouts(c, stamps);
        CompletableFuture<BuildCache> diskCache = incremental ? CompletableFuture.supplyAsync(
                () -> BuildCache.open(cacheDir(c.workDir()), layoutsKey), background) : null;
        // the pages do not depend on the plan: read them and render their Markdown on all cores meanwhile
        Diagnostics pageDiagnostics = new Diagnostics();
        // a page whose bytes an earlier build read is not read or parsed again (its front matter kept)
        ParsedPages parsed = incremental ? ParsedPages.open(cacheDir(c.workDir()), stamps) : null;
        PageLoader pages = new PageLoader(c.projectDir()).cache(parsed);
        Map<String, ContentFacts> facts = new java.util.concurrent.ConcurrentHashMap<>();
        CompletableFuture<List<Page>> loadedPages = CompletableFuture.supplyAsync(() -> {
            List<Page> loaded = pages.load(c.pagesDir(), pageDiagnostics);
            if (parsed != null) {
                try {
                    parsed.save();
                } catch (IOException e) {
                    // only a cache: the next build reads the pages again
                }
            }
            ContentFacts.prepare(loaded, diskCache == null ? facts : diskCache.join().facts());
            return loaded;
        }, background);
        String planKey = Fingerprint.ofTracking(c, stamps);
        String trackingKey = keepWarm ? planKey : null;
        boolean reuse = trackingKey != null && trackingKey.equals(cachedTrackingKey);
        CompletableFuture<SiteRun> early = null;
        CompletableFuture<Void> cacheSaved = null;
        Staging staging = null; // the staging folder the render workers fill, until it is swapped in
        List<Staging> dropped = new ArrayList<>();
        boolean threw = false;
        try {
            Checked checked = reuse ? cachedChecked : check(c, engine::get);
            Diagnostics d = new Diagnostics();
            d.addAll(checked.diagnostics().sorted());
            if (!checked.diagnostics().hasErrors()) {
                lastValidPlan = checked.plan();
            }
            long tCheck = System.nanoTime();
            // every later stage works on what is valid, so one build reports every stage's problems
            TrackingPlan plan = reuse ? cachedPlan // the valid events: the site lists them
                    : new TrackingPlan(ValidEvents.of(checked.plan().events(), d.sorted()), checked.plan().states());
            // what the site stage needs besides the bundle
            List<Page> pageList = joined(loadedPages);
            d.addAll(pageDiagnostics.sorted());
            TemplateSource layouts = new TemplateSource("site", c.layoutsDir(), c.projectDir());
            boolean layoutsRefused = refuse(layouts, c, d);
            SiteSettings ss = new SiteSettings(c.hubId(), c.region(), c.consent(), c.baseUrl(), c.siteTitle(),
                    c.trackingPlanPage(), c.includeDrafts(), c.siteOptions());
            if (pageList.stream().noneMatch(Page::isHome) && !pages.unbuilt().contains("index.html")) {
                d.warning(SourcePos.of(pages.display(c.pagesDir().resolve("index.md"))),
                        SiteRules.NO_HOME_PAGE, "the site has no home page; a placeholder was "
                        + "generated at / until you add this file");
            }
            BuildCache cache = diskCache == null ? null : joined(diskCache);
            RenderCache pagesCache = renderCache;
            if (cache != null && (pagesCache == null || pagesCache.layoutsKey() == null)) {
                pagesCache = pagesCache == null ? new RenderCache() : pagesCache;
                cache.restorePages(pagesCache);
            }
            SiteInputs siteInputs = new SiteInputs(pageList, layouts, ss, pagesCache, layoutsKey, planKey,
                    cache == null ? facts : cache.facts(), pages.unbuilt(), plan, c.assetsDir(), c.projectDir());
            TemplateSource tracking = new TemplateSource("tracking", c.trackingTemplatesDir(), c.projectDir());
            BundleSettings bundleSettings = new BundleSettings(c.hubId(), c.consent(), c.respectDoNotTrack(),
                    c.respectGlobalPrivacyControl(), BundleSettings.DEFAULT_CONSENT_COOKIE);
            if (!keepWarm && !layoutsRefused && writer.staged(incremental)) {
                // the write is staged whatever the site holds: the render workers write each page into the
                // staging folder as they render it, and no page is held in memory for the write (the dev
                // server keeps its pages in memory between builds, so it does not)
                staging = writer.startStaging();
            }
            // the syntax checks of snippets and bundle as they will be, when the same passed before: not again
            String syntaxKey = null;
            Diagnostics unchecked = new Diagnostics();
            Map<String, String> expectedSnippets = null;
            Bundle expected = null;
            if (!reuse && !layoutsRefused && tracking.refusedOverrides().isEmpty()) {
                // the site needs only the bundle's bytes: they are what they will be if every snippet and
                // the bundle parse (the usual case), so the site stage starts on them while GraalJS
                // starts and checks them; should one not parse, the site is generated again
                expectedSnippets = new SnippetRenderer(tracking, null)
                        .renderAll(plan.bundled().events(), c.hubId(), unchecked);
                expected = unchecked.hasErrors() ? null : new BundleAssembler(tracking, null).assemble(
                        bundleSettings, plan.bundled().events(), expectedSnippets, c.version(), unchecked);
                if (expected != null && !unchecked.hasErrors()) {
                    Staging sink = staging;
                    Bundle siteBundle = expected;
                    early = CompletableFuture.supplyAsync(() -> generateSite(siteInputs, siteBundle, sink), background);
                    syntaxKey = SyntaxChecks.key(expectedSnippets, expected);
                }
            }
            boolean syntaxPassedBefore = syntaxKey != null && cache != null && cache.syntaxPassed(syntaxKey);
            if (!reuse && !syntaxPassedBefore) {
                engine.start(); // the snippets and the bundle are parsed now
            } else if (c.verify() && cache != null && !VerifiedPages.examplesRecorded(cache, plan.bundled())) {
                engine.start(); // an example will run: GraalJS starts while the site is generated
            }
            Bundle bundle;
            TrackingPlan verified; // the events the bundle carries: the verification proves them
            if (reuse) {
                bundle = cachedBundle;
                verified = cachedVerified;
                d.addAll(cachedRenderProblems);
                summary.add("Specs and tracking templates unchanged: reused the checked plan and the bundle");
            } else {
                Diagnostics renderProblems = new Diagnostics();
                if (syntaxPassedBefore) {
                    // the same snippets and bundle parsed in an earlier build: the result is the same
                    renderProblems.addAll(unchecked.sorted());
                    bundle = expected;
                    Map<String, String> snippets = expectedSnippets;
                    verified = new TrackingPlan(plan.bundled().events().stream()
                            .filter(e -> snippets.containsKey(e.name())).toList(), plan.states());
                } else if (refuse(tracking, c, renderProblems)) {
                    verified = new TrackingPlan(List.of(), plan.states());
                    bundle = null;
                } else {
                    JsEngine js = engine.get();
                    Map<String, String> snippets = new SnippetRenderer(tracking, js).renderAll(plan.bundled().events(),
                            c.hubId(), renderProblems);
                    verified = new TrackingPlan(plan.bundled().events().stream()
                            .filter(e -> snippets.containsKey(e.name())).toList(), plan.states());
                    // a broken template leaves no bundle: the site is still generated and checked without it
                    bundle = new BundleAssembler(tracking, js).assemble(bundleSettings, verified.events(), snippets,
                            c.version(), renderProblems);
                    if (syntaxKey != null && cache != null && sameBundle(bundle, expected)
                            && snippets.equals(expectedSnippets) && renderProblems.sorted().equals(unchecked.sorted())) {
                        cache.syntaxPassed(syntaxKey, true); // parsed as expected: the next build need not parse it
                    }
                }
                d.addAll(renderProblems.sorted());
                cachedRenderProblems = renderProblems.sorted();
            }
            long tBundle = System.nanoTime();
            if (keepWarm) {
                cachedTrackingKey = trackingKey;
                cachedChecked = checked;
                cachedBundle = bundle;
                cachedPlan = plan;
                cachedVerified = verified;
            }
            SiteRun run = early == null ? null : joined(early);
            early = null;
            if (run != null && !sameBundle(run.bundle(), bundle)) {
                run = null; // a snippet or the bundle did not parse: its bytes differ from the expected ones
                if (staging != null) {
                    // generated again in memory; the pages cached meanwhile are read from this folder
                    // until the build ends
                    dropped.add(staging);
                    staging = null;
                }
            }
            if (run == null && !layoutsRefused) {
                run = generateSite(siteInputs, bundle, staging);
            }
            GeneratedSite site = run == null ? null : run.site();
            if (site != null) {
                siteUsed.accept(site);
            }
            if (run != null) {
                d.addAll(run.diagnostics().sorted());
            }
            if (pagesCache != null && site != null) {
                pagesCache.finish();
                summary.add(String.format(Locale.ROOT, "Pages rendered: %d, unchanged and reused: %d",
                        pagesCache.rendered(), pagesCache.reused()));
            }
            if (cache != null && site != null) {
                Set<String> liveFacts = new HashSet<>();
                pageList.forEach(p -> liveFacts.add(ContentFacts.key(p)));
                RenderCache saving = pagesCache;
                // keyed by content: valid whatever the later stages find; written while the site is verified
                // (the verification uses GraalJS on one thread; the cache's verified pages are a section of their own)
                cacheSaved = CompletableFuture.runAsync(() -> {
                    try {
                        cache.save(liveFacts, saving);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, background);
            }
            if (site == null) {
                return new BuildResult(d.sorted(), false, summary);
            }
            // a page that is missing may be the one a selector or glob matches: no drift reported then
            boolean siteComplete = run.complete();
            long tSite = System.nanoTime();
            // how the site will be written (the last build's site updated in place, or staged and
            // swapped), with each file's hash, which also keys the pages verified before
            SiteWriter.Plan writing = run.staging() != null ? writer.plan(site.files(), run.staging())
                    : writer.plan(site.files(), incremental);
            long planned = System.nanoTime() - tSite; // counted in the write stage
            VerifyReport report = null;
            if (c.verify() && bundle != null) {
                // GraalJS is asked for by the first scenario that runs: none when every page and example
                // passed before with the same inputs
                Verifier verifier = new Verifier(null, c.hubId(), c.baseUrl(), ss.banner(), c.respectDoNotTrack(),
                        c.respectGlobalPrivacyControl(), c.verifyTimeout()).engine(engine::get)
                        .eventBudget(c.verifyEventBudget())
                        .siteComplete(siteComplete)
                        .bundleTemplate(projectBundleTemplate(c));
                VerifiedPages verifiedPages = cache == null ? null
                        : new VerifiedPages(cache, Canonical.hash(planKey, c.settingsKey(), bundle.url(), bundle.bytes()),
                        writing.hashes());
                if (verifiedPages != null) {
                    Map<String, Map<String, Set<String>>> passed = verifiedPages.passed(site, verified);
                    if (verifiedPages.needsScenarios(site, verified, passed)) {
                        engine.start(); // a page or example to verify: GraalJS starts while the scenarios are listed
                    }
                    verifier.passedBefore(passed);
                }
                int errorsBefore = d.errorCount();
                report = verifier.verify(verified, site, bundle, d);
                if (verifiedPages != null) {
                    // only a verification without errors vouches for its pages
                    verifiedPages.record(site, verified, d.errorCount() == errorsBefore ? verifier.sentByPage() : null);
                    if (verifier.skipped() > 0) {
                        summary.add(String.format(Locale.ROOT, "Pages verified before with the same HTML and bundle, "
                                + "not verified again: %d", verifier.skipped()));
                    }
                }
                JUnitReport.write(report, c.reportsDir().resolve("TEST-trackplan-verify.xml"));
            }
            long tVerify = System.nanoTime();
            if (cacheSaved != null) {
                joined(cacheSaved); // a cache that cannot be written fails the build, as any file that cannot
            }
            if (d.hasErrors()) {
                return new BuildResult(d.sorted(), false, summary);
            }
            for (Path special : writing.inPlace() ? List.<Path>of() : writer.uncopyable()) {
                d.error(SourcePos.of(DisplayPaths.of(c.projectDir(), special)), FileRules.OUTPUT_NOT_OWNED,
                        "is a special file (a FIFO, socket or device) in the output folder, which Trackplan replaces "
                                + "and cannot copy it into; move it elsewhere");
            }
            if (d.hasErrors()) {
                return new BuildResult(d.sorted(), false, summary);
            }
            // no stamp while the site is being swapped: a build killed midway is not "up to date" next time
            Files.deleteIfExists(stamp);
            writer.write(site.files(), writing);
            staging = null; // swapped in
            // a page due to appear or expire makes the same sources another site from then on
            AtomicFiles.write(stamp, fingerprint + (site.validUntil() == null ? "" : " " + site.validUntil()) + "\n");
            long tEnd = System.nanoTime();
            summary.add(String.format(Locale.ROOT, "%d events, %d pages, bundle %s: %d bytes (%d gzipped)",
                    plan.events().size(), site.pages().size(), bundle.path(), bundle.bytes().length,
                    gzipSize(bundle.bytes())));
            String notBundled = notBundled(plan);
            if (!notBundled.isEmpty()) {
                summary.add(notBundled); // check leaves this line to the build when both run
            }
            if (report != null) {
                summary.add(String.format(Locale.ROOT, "Verified %d events in %d scenarios under GraalJS in %d ms%s",
                        verified.events().size(), report.scenarios(), report.millis(), report.sharedPageViews() == 0 ? ""
                        : String.format(Locale.ROOT, " (%d page views not run again: their page was in the same "
                        + "situation as one verified before)", report.sharedPageViews())));
            } else {
                summary.add("Verification skipped (trackplan.verify=false)");
            }
            summary.add(String.format(Locale.ROOT, "Site written to %s: %d files%s", c.outputDir(), site.files().size(),
                    writing.inPlace() ? String.format(Locale.ROOT, " (in place: %d written, %d removed, the others "
                    + "untouched)", writing.changed().size(), writing.removed().size()) : ""));
            summary.add(String.format(Locale.ROOT, "Timing: load+check %d ms, render+bundle %d ms, site %d ms, "
                    + "verify %d ms, write %d ms, total %d ms", (tCheck - t0) / 1_000_000, (tBundle - tCheck) / 1_000_000,
                    (tSite - tBundle) / 1_000_000, (tVerify - tSite - planned) / 1_000_000,
                    (tEnd - tVerify + planned) / 1_000_000,
                    (tEnd - t0) / 1_000_000));
            summary.add(String.format(Locale.ROOT, "Input files read: %d, unchanged by size, time and file id and not "
                    + "read: %d", stamps.read(), stamps.trusted()));
            if (parsed != null) {
                summary.add(String.format(Locale.ROOT, "Pages read and parsed: %d, unchanged and taken from the build "
                        + "cache: %d", parsed.misses(), parsed.hits()));
            }
            if (!engine.wasStarted()) {
                // with the verification off, only the syntax checks could have needed it
                summary.add(c.verify() ? "GraalJS not started: nothing to parse or run that an earlier build did not "
                        + "pass with the same inputs" : "GraalJS not started: the snippets and the bundle parsed in an "
                        + "earlier build with the same texts (verification off)");
            }
            return new BuildResult(d.sorted(), false, summary);
        } catch (IOException | RuntimeException | Error e) {
            threw = true;
            throw e;
        } finally {
            if (cacheSaved != null) {
                cacheSaved.handle((r, e) -> null).join(); // the build's files are its own until it returns
            }
            if (early != null) {
                // a build that failed before the site was needed: the early site stage ends before it returns
                early.handle((r, e) -> null).join();
            }
            if (staging != null) {
                dropped.add(staging);
            }
            for (Staging s : dropped) {
                // a build that did not swap its staging folder in leaves no file of it: at once after an
                // error writing (its space back), else into the trash (deleted during the next build)
                writer.abandon(s, threw);
            }
            if (keepWarm) {
                warmEngine = engine.ifStarted();
            } else {
                engine.close();
            }
        }
    }

    /** What the site stage needs besides the bundle. */
    private record SiteInputs(List<Page> pages, TemplateSource layouts, SiteSettings settings, RenderCache pagesCache,
            String layoutsKey, String planKey, Map<String, ContentFacts> facts, Set<String> unbuilt, TrackingPlan plan,
            Path assetsDir, Path projectDir) {}

    /**
     * One generation of the site for {@code bundle}, with its own diagnostics; {@code staging}: where
     * its pages were written as they were rendered, or null (held in memory).
     */
    private record SiteRun(Bundle bundle, GeneratedSite site, boolean complete, Diagnostics diagnostics,
            Staging staging) {}

    private SiteRun generateSite(SiteInputs in, Bundle bundle, Staging staging) {
        if (in.pagesCache() != null) {
            in.pagesCache().start(in.layoutsKey(), in.planKey());
        }
        Diagnostics d = new Diagnostics();
        SiteGenerator generator = new SiteGenerator(in.layouts(), in.settings(), in.projectDir(),
                in.pagesCache()).unbuiltPages(in.unbuilt()).factsCache(in.facts()).pagesTo(staging);
        GeneratedSite site = generator.generate(in.pages(), in.plan(), bundle, in.assetsDir(), d);
        return new SiteRun(bundle, site, generator.complete(), d, staging);
    }

    /** Whether the two bundles are the same file (or both missing). */
    private static boolean sameBundle(Bundle a, Bundle b) {
        return a == null ? b == null : b != null && a.path().equals(b.path()) && a.content().equals(b.content());
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

    /** Reports template overrides that are links out of the project; true if there were any. */
    private static boolean refuse(TemplateSource templates, TrackplanConfig c, Diagnostics d) {
        List<ProjectFiles.Refused> refused = templates.refusedOverrides();
        for (ProjectFiles.Refused r : refused) {
            d.error(SourcePos.of(DisplayPaths.of(c.projectDir(), r.file())), FileRules.OUTSIDE_PROJECT,
                    "template " + r.reason());
        }
        return !refused.isEmpty();
    }

    /** Which events the bundle leaves out and why ("" when it carries them all), for the log. */
    public static String notBundled(TrackingPlan plan) {
        List<String> elsewhere = plan.events().stream().filter(e -> e.sentElsewhere() && !e.retired())
                .map(EventSpec::name).toList();
        List<String> retired = plan.events().stream().filter(EventSpec::retired).map(EventSpec::name).toList();
        List<String> parts = new ArrayList<>();
        if (!elsewhere.isEmpty()) {
            parts.add("sent from elsewhere (no trigger): " + String.join(", ", elsewhere));
        }
        if (!retired.isEmpty()) {
            parts.add("retired: " + String.join(", ", retired));
        }
        return parts.isEmpty() ? "" : "Not bundled, " + String.join("; ", parts);
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

    /** The stamp is "fingerprint" or "fingerprint validUntil" (an instant after which it is stale). */
    private static boolean upToDate(String fingerprint, String stamp) {
        if (stamp == null) {
            return false;
        }
        String[] parts = stamp.split(" ");
        if (!parts[0].equals(fingerprint)) {
            return false;
        }
        try {
            return parts.length < 2 || java.time.Instant.now().isBefore(java.time.Instant.parse(parts[1]));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The future's value; its failure rethrown as it was thrown (a read error stays an UncheckedIOException). */
    private static <T> T joined(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
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

    /** The project's own bundle template, when it overrides Trackplan's (failures of its runtime are located there). */
    private static String projectBundleTemplate(TrackplanConfig c) {
        try {
            TemplateSource.Template t = new TemplateSource("tracking", c.trackingTemplatesDir(), c.projectDir())
                    .find(dev.trackplan.bundle.BundleAssembler.TEMPLATE);
            return t != null && t.overridden() ? t.origin() : null;
        } catch (RuntimeException e) { // refused earlier, with its own error
            return null;
        }
    }
}
