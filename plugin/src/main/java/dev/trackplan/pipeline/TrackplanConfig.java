package dev.trackplan.pipeline;

import dev.trackplan.site.SiteOptions;
import java.nio.file.Path;
import dev.trackplan.verify.Verifier;
import java.time.Duration;

/** Everything a build needs, already validated by the caller (the mojo). */
public record TrackplanConfig(
        Path projectDir,
        Path eventsDir,
        Path lockFile,
        Path trackingTemplatesDir,
        Path pagesDir,
        Path layoutsDir,
        Path assetsDir,
        Path outputDir,
        Path workDir,
        Path reportsDir,
        String hubId,
        String region,
        String consent,
        boolean respectDoNotTrack,
        boolean respectGlobalPrivacyControl,
        String baseUrl,
        String siteTitle,
        boolean trackingPlanPage,
        boolean includeDrafts,
        boolean verify,
        Duration verifyTimeout,
        String version,
        SiteOptions siteOptions,
        Duration verifyEventBudget) {

    public TrackplanConfig {
        siteOptions = siteOptions == null ? SiteOptions.defaults() : siteOptions;
        verifyEventBudget = verifyEventBudget == null ? Verifier.DEFAULT_EVENT_BUDGET : verifyEventBudget;
    }

    /** A configuration with the default time budget per event ({@link Verifier#DEFAULT_EVENT_BUDGET}). */
    public TrackplanConfig(Path projectDir, Path eventsDir, Path lockFile, Path trackingTemplatesDir, Path pagesDir,
            Path layoutsDir, Path assetsDir, Path outputDir, Path workDir, Path reportsDir, String hubId, String region,
            String consent, boolean respectDoNotTrack, boolean respectGlobalPrivacyControl, String baseUrl,
            String siteTitle, boolean trackingPlanPage, boolean includeDrafts, boolean verify, Duration verifyTimeout,
            String version, SiteOptions siteOptions) {
        this(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir, outputDir, workDir,
                reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl, baseUrl, siteTitle,
                trackingPlanPage, includeDrafts, verify, verifyTimeout, version, siteOptions, null);
    }

    /** A configuration with the site generator's defaults (language en, no logo setting, clock as build date). */
    public TrackplanConfig(Path projectDir, Path eventsDir, Path lockFile, Path trackingTemplatesDir, Path pagesDir,
            Path layoutsDir, Path assetsDir, Path outputDir, Path workDir, Path reportsDir, String hubId, String region,
            String consent, boolean respectDoNotTrack, boolean respectGlobalPrivacyControl, String baseUrl,
            String siteTitle, boolean trackingPlanPage, boolean includeDrafts, boolean verify, Duration verifyTimeout,
            String version) {
        this(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir, outputDir, workDir,
                reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl, baseUrl, siteTitle,
                trackingPlanPage, includeDrafts, verify, verifyTimeout, version, null);
    }

    /** The settings that change the output, for the up-to-date fingerprint. */
    String settingsKey() {
        return String.join("|", hubId, region, consent, String.valueOf(respectDoNotTrack),
                String.valueOf(respectGlobalPrivacyControl), baseUrl, siteTitle,
                String.valueOf(trackingPlanPage), String.valueOf(includeDrafts), String.valueOf(verify),
                String.valueOf(verifyTimeout.toMillis()), String.valueOf(verifyEventBudget.toMillis()), version, outputDir.toAbsolutePath().toString(),
                siteOptions.toString());
    }

    /** The same configuration with the verification on or off (tests about files turn it off). */
    public TrackplanConfig withVerify(boolean on) {
        return new TrackplanConfig(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir,
                outputDir, workDir, reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl, baseUrl, siteTitle,
                trackingPlanPage, includeDrafts, on, verifyTimeout, version, siteOptions, verifyEventBudget);
    }

    /** The same configuration writing the site to {@code dir}. */
    public TrackplanConfig withOutputDir(Path dir) {
        return new TrackplanConfig(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir,
                dir, workDir, reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl, baseUrl, siteTitle,
                trackingPlanPage, includeDrafts, verify, verifyTimeout, version, siteOptions, verifyEventBudget);
    }

    /** The same configuration with another time budget per event for the verification. */
    public TrackplanConfig withVerifyEventBudget(Duration budget) {
        return new TrackplanConfig(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir,
                outputDir, workDir, reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl,
                baseUrl, siteTitle, trackingPlanPage, includeDrafts, verify, verifyTimeout, version, siteOptions, budget);
    }

    /** The same configuration with other site generator settings. */
    public TrackplanConfig withSiteOptions(SiteOptions options) {
        return new TrackplanConfig(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir,
                outputDir, workDir, reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl,
                baseUrl, siteTitle, trackingPlanPage, includeDrafts, verify, verifyTimeout, version, options, verifyEventBudget);
    }
}
