package dev.trackplan.maven;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.DiagnosticReports;
import dev.trackplan.diag.DiagnosticsFormat;
import dev.trackplan.diag.GithubAnnotations;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.site.SiteOptions;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters both goals share, mapped onto a {@link TrackplanConfig}; diagnostics mapped back out. */
abstract class AbstractTrackplanMojo extends AbstractMojo {

    /** The HubSpot account id (digits): used for pe&lt;hubId&gt;_&lt;name&gt; and the loader URL. */
    @Parameter(property = "trackplan.hubId", required = true)
    String hubId;

    /** The HubSpot data centre: na1 (js.hs-scripts.com) or eu1 (js-eu1.hs-scripts.com). */
    @Parameter(property = "trackplan.region", defaultValue = "na1")
    String region;

    /** Skip Trackplan entirely. */
    @Parameter(property = "trackplan.skip", defaultValue = "false")
    boolean skip;

    /** Consent policy: hubspot (HubSpot's own banner) or banner (Trackplan's banner hands the choice to HubSpot). */
    @Parameter(property = "trackplan.consent", defaultValue = "hubspot")
    String consent;

    /** With navigator.doNotTrack set, push ['doNotTrack'] and send nothing. */
    @Parameter(property = "trackplan.respectDoNotTrack", defaultValue = "true")
    boolean respectDoNotTrack;

    /** With navigator.globalPrivacyControl true, the same as Do Not Track: push ['doNotTrack'] and send nothing. */
    @Parameter(property = "trackplan.respectGlobalPrivacyControl", defaultValue = "true")
    boolean respectGlobalPrivacyControl;

    /** The tracking plan: every .yaml and .yml file below this folder holds event specs. */
    @Parameter(property = "trackplan.eventsDirectory", defaultValue = "${project.basedir}/src/main/tracking/events")
    File eventsDirectory;

    /**
     * What has been published to HubSpot (written by apply, import and lock; commit it with the specs).
     * check and build fail when the specs break a published name, object or type.
     */
    @Parameter(property = "trackplan.lockFile", defaultValue = "${project.basedir}/src/main/tracking/trackplan.lock.json")
    File lockFile;

    /** Overrides of the JavaScript snippet and bundle templates (a file here replaces the default of the same name). */
    @Parameter(property = "trackplan.templatesDirectory", defaultValue = "${project.basedir}/src/main/tracking/templates")
    File templatesDirectory;

    /** The site's pages: Markdown (.md) and HTML (.html) files with optional YAML front matter. */
    @Parameter(property = "trackplan.pagesDirectory", defaultValue = "${project.basedir}/src/main/site/pages")
    File pagesDirectory;

    /** Overrides of the HTML layouts and partials (a file here replaces the default of the same name). */
    @Parameter(property = "trackplan.layoutsDirectory", defaultValue = "${project.basedir}/src/main/site/layouts")
    File layoutsDirectory;

    /** Files copied into the site as they are: images, CSS, fonts, CNAME, ... */
    @Parameter(property = "trackplan.assetsDirectory", defaultValue = "${project.basedir}/src/main/site/assets")
    File assetsDirectory;

    /** Where the generated site is written (moved into place only when the whole build passed). */
    @Parameter(property = "trackplan.outputDirectory", defaultValue = "${project.build.directory}/site")
    File outputDirectory;

    /** Where the reports are written: trackplan.sarif and TEST-trackplan-check.xml of every goal, the verification's TEST-trackplan-verify.xml. */
    @Parameter(property = "trackplan.reportsDirectory", defaultValue = "${project.build.directory}/trackplan-reports")
    File reportsDirectory;

    /** Trackplan's own working folder: the staging folder and the up-to-date fingerprint. */
    @Parameter(defaultValue = "${project.build.directory}/trackplan", readonly = true)
    File workDirectory;

    /** The site's public address, used in sitemap.xml and robots.txt. */
    @Parameter(property = "trackplan.baseUrl", defaultValue = "")
    String baseUrl;

    /** The site's name, shown in page titles and the header. */
    @Parameter(property = "trackplan.siteTitle", defaultValue = "${project.name}")
    String siteTitle;

    /** Publish /tracking-plan/ and tracking-plan.json. */
    @Parameter(property = "trackplan.trackingPlanPage", defaultValue = "true")
    boolean trackingPlanPage;

    /** Include pages with draft: true. */
    @Parameter(property = "trackplan.includeDrafts", defaultValue = "false")
    boolean includeDrafts;

    /** Run the GraalJS verification of the bundle against the pages and examples. */
    @Parameter(property = "trackplan.verify", defaultValue = "true")
    boolean verify;

    /** Wall-clock limit, in seconds, for one verification scenario. */
    @Parameter(property = "trackplan.verifyTimeout", defaultValue = "10")
    int verifyTimeout;

    /**
     * Wall-clock limit, in seconds, for each event's own code over the whole verification: all the
     * page views and examples that run it together.
     */
    @Parameter(property = "trackplan.verifyEventBudget", defaultValue = "60")
    int verifyEventBudget = 60; // the default also for a mojo made by hand

    /** The language of the pages, for {@code <html lang>} and the feeds (a BCP 47 tag: en, de, pt-BR). */
    @Parameter(property = "trackplan.lang", defaultValue = "en")
    String lang;

    /** The logo shown in the header: a file in the assets folder (default: logo.svg when there is one). */
    @Parameter(property = "trackplan.logo")
    String logo;

    /** Publish pages whose publishDate (or date) is after the build date. */
    @Parameter(property = "trackplan.includeFuture", defaultValue = "false")
    boolean includeFuture;

    /** Publish pages whose expiryDate has passed. */
    @Parameter(property = "trackplan.includeExpired", defaultValue = "false")
    boolean includeExpired;

    /**
     * The date publishDate and expiryDate are compared with (ISO 8601, e.g. 2026-11-23 or
     * 2026-11-23T09:00:00Z); default: the time of the build.
     */
    @Parameter(property = "trackplan.buildDate")
    String buildDate;

    /**
     * How problems are printed: text (file:[line,col] RULE message log lines) or github (GitHub
     * Actions annotations on the pull request's diff). Default: github when GITHUB_ACTIONS=true,
     * text otherwise.
     */
    @Parameter(property = "trackplan.diagnosticsFormat")
    String diagnosticsFormat;

    /** Fail the build on warnings too, not only on errors. */
    @Parameter(property = "trackplan.failOnWarnings", defaultValue = "false")
    boolean failOnWarnings;

    /** The project folder: every path in a message is shown relative to it, and no file is read outside it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** The goal being run, to name its report files. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    /** The plugin's version, written into the bundle's header. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    /** The project being built: remembers which diagnostics this Maven run has printed already. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    private static final String PRINTED = "trackplan.printedDiagnostics";

    @SuppressWarnings("unchecked")
    private Set<String> printedThisRun() {
        if (project == null) {
            return new HashSet<>();
        }
        synchronized (project) {
            Object seen = project.getContextValue(PRINTED);
            if (!(seen instanceof Set)) {
                seen = ConcurrentHashMap.newKeySet();
                project.setContextValue(PRINTED, seen);
            }
            return (Set<String>) seen;
        }
    }

    TrackplanConfig config() throws MojoFailureException {
        if (hubId == null || !hubId.matches("[0-9]{1,12}")) {
            throw new MojoFailureException("<hubId> must be your HubSpot account id, digits only (found '" + hubId
                    + "'); set it in the plugin configuration or with -Dtrackplan.hubId=");
        }
        if (!"na1".equals(region) && !"eu1".equals(region)) {
            throw new MojoFailureException("<region> must be na1 or eu1 (found '" + region + "')");
        }
        if (!"hubspot".equals(consent) && !"banner".equals(consent)) {
            throw new MojoFailureException("<consent> must be hubspot (HubSpot's banner) or banner (Trackplan's "
                    + "banner), found '" + consent + "'");
        }
        if (verifyTimeout < 1 || verifyTimeout > 600) {
            throw new MojoFailureException("<verifyTimeout> must be between 1 and 600 seconds (found " + verifyTimeout + ")");
        }
        if (verifyEventBudget < 1 || verifyEventBudget > 3600) {
            throw new MojoFailureException("<verifyEventBudget> must be between 1 and 3600 seconds (found "
                    + verifyEventBudget + ")");
        }
        String language = lang == null ? "en" : lang; // null only where a mojo is made by hand, not by Maven
        if (!language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            throw new MojoFailureException("<lang> must be a language tag like en, de or pt-BR (found '" + lang + "')");
        }
        java.time.Instant date = null;
        if (buildDate != null && !buildDate.isBlank()) {
            java.util.OptionalLong ms = dev.trackplan.model.Values.datetime(buildDate);
            if (ms.isEmpty()) {
                throw new MojoFailureException("<buildDate> must be an ISO 8601 date like 2026-11-23 or "
                        + "2026-11-23T09:00:00Z (found '" + buildDate + "')");
            }
            date = java.time.Instant.ofEpochMilli(ms.getAsLong());
        }
        SiteOptions site = new SiteOptions(language, logo == null || logo.isBlank() ? null : logo, includeFuture,
                includeExpired, date);
        return new TrackplanConfig(basedir.toPath(), eventsDirectory.toPath(), lockFile.toPath(), templatesDirectory.toPath(),
                pagesDirectory.toPath(), layoutsDirectory.toPath(), assetsDirectory.toPath(), outputDirectory.toPath(),
                workDirectory.toPath(), reportsDirectory.toPath(), hubId, region, consent, respectDoNotTrack,
                respectGlobalPrivacyControl,
                baseUrl == null ? "" : baseUrl, siteTitle == null ? "Site" : siteTitle, trackingPlanPage, includeDrafts,
                verify, Duration.ofSeconds(verifyTimeout), pluginVersion == null ? "dev" : pluginVersion, site,
                Duration.ofSeconds(verifyEventBudget));
    }

    /**
     * Writes the reports (SARIF and JUnit XML in the reports folder), prints the diagnostics in the
     * chosen format, and fails once if there are errors, or warnings under failOnWarnings. Every
     * goal that produces diagnostics ends with this. A warning an earlier Trackplan goal already
     * printed for this project in the same Maven run (check, then build in one {@code mvn package})
     * is not printed again.
     */
    void report(List<Diagnostic> diagnostics) throws MojoFailureException {
        DiagnosticsFormat format;
        try {
            format = DiagnosticsFormat.resolve(diagnosticsFormat, System.getenv("GITHUB_ACTIONS"));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        DiagnosticReports reports = new DiagnosticReports(reportsDirectory.toPath(), basedir.toPath(),
                pluginVersion == null ? "dev" : pluginVersion);
        try {
            reports.write(goal(), diagnostics, failOnWarnings);
        } catch (IOException e) {
            // the findings are printed all the same: a full disk must not hide what the build found
            diagnostics = new java.util.ArrayList<>(diagnostics);
            java.nio.file.Path where = e instanceof java.nio.file.FileSystemException f && f.getFile() != null
                    ? java.nio.file.Path.of(f.getFile()) : reportsDirectory.toPath();
            diagnostics.add(Diagnostic.error(dev.trackplan.diag.SourcePos.of(
                    dev.trackplan.io.DisplayPaths.of(basedir.toPath(), where)), dev.trackplan.io.FileRules.WRITE_FAILED,
                    "the reports could not be written: " + dev.trackplan.io.Failures.describe(e, basedir.toPath())
                    + " (a full disk, a read-only folder or missing permissions?)"));
        }
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        List<Diagnostic> warnings = diagnostics.stream().filter(d -> !d.isError()).toList();
        Set<String> printed = printedThisRun();
        if (format == DiagnosticsFormat.GITHUB) {
            // workflow commands must start their line: they bypass Maven's "[ERROR] " prefix, and
            // Maven 4's "[INFO] [stdout] " on System.out, by writing to the process's standard output
            System.out.flush();
            PrintStream out = annotations != null ? annotations
                    : new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
            String workspace = System.getenv("GITHUB_WORKSPACE");
            for (Diagnostic d : warnings) {
                if (printed.add(d.format())) {
                    out.println(GithubAnnotations.command(d, reports.repositoryPath(d.file(), workspace)));
                }
            }
            for (Diagnostic d : errors) {
                out.println(GithubAnnotations.command(d, reports.repositoryPath(d.file(), workspace)));
            }
            out.flush();
        } else {
            for (Diagnostic d : warnings) {
                if (printed.add(d.format())) {
                    getLog().warn(d.format());
                }
            }
            for (Diagnostic d : errors) {
                getLog().error(d.format());
            }
        }
        if (!errors.isEmpty()) {
            throw new MojoFailureException("Trackplan found " + count(errors.size(), "error")
                    + " (listed above as file:[line,column] rule message)");
        }
        if (failOnWarnings && !warnings.isEmpty()) {
            throw new MojoFailureException("Trackplan found " + count(warnings.size(), "warning")
                    + " and failOnWarnings is set (listed above as file:[line,column] rule message)");
        }
    }

    /** Where GitHub annotations go; null for the process's standard output (tests set a stream). */
    PrintStream annotations;

    /** The goal being run ({@code check} when unknown, as in a bare unit test). */
    String goal() {
        return mojoExecution == null || mojoExecution.getGoal() == null ? "check" : mojoExecution.getGoal();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
