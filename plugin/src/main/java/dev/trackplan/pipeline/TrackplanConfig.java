package dev.trackplan.pipeline;

import dev.trackplan.site.SiteOptions;
import java.nio.file.Path;
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
        SiteOptions siteOptions) {

    public TrackplanConfig {
        siteOptions = siteOptions == null ? SiteOptions.defaults() : siteOptions;
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
                String.valueOf(verifyTimeout.toMillis()), version, outputDir.toAbsolutePath().toString(),
                siteOptions.toString());
    }

    /** The same configuration with the verification on or off (tests about files turn it off). */
    public TrackplanConfig withVerify(boolean on) {
        return new TrackplanConfig(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir,
                outputDir, workDir, reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl, baseUrl, siteTitle,
                trackingPlanPage, includeDrafts, on, verifyTimeout, version, siteOptions);
    }

    /** The same configuration writing the site to {@code dir}. */
    public TrackplanConfig withOutputDir(Path dir) {
        return new TrackplanConfig(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir,
                dir, workDir, reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl, baseUrl, siteTitle,
                trackingPlanPage, includeDrafts, verify, verifyTimeout, version, siteOptions);
    }

    /** The same configuration with other site generator settings. */
    public TrackplanConfig withSiteOptions(SiteOptions options) {
        return new TrackplanConfig(projectDir, eventsDir, lockFile, trackingTemplatesDir, pagesDir, layoutsDir, assetsDir,
                outputDir, workDir, reportsDir, hubId, region, consent, respectDoNotTrack, respectGlobalPrivacyControl,
                baseUrl, siteTitle, trackingPlanPage, includeDrafts, verify, verifyTimeout, version, options);
    }
}
