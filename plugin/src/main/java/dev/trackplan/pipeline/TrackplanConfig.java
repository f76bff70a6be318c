package dev.trackplan.pipeline;

import java.nio.file.Path;
import java.time.Duration;

/** Everything a build needs, already validated by the caller (the mojo). */
public record TrackplanConfig(
        Path projectDir,
        Path eventsDir,
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
        String version) {

    /** The settings that change the output, for the up-to-date fingerprint. */
    String settingsKey() {
        return String.join("|", hubId, region, consent, String.valueOf(respectDoNotTrack),
                String.valueOf(respectGlobalPrivacyControl), baseUrl, siteTitle,
                String.valueOf(trackingPlanPage), String.valueOf(includeDrafts), String.valueOf(verify),
                String.valueOf(verifyTimeout.toMillis()), version, outputDir.toAbsolutePath().toString());
    }
}
