package dev.trackplan.site;

import java.time.Instant;

/**
 * The site generator's own settings beyond the tracking ones.
 *
 * @param lang           the {@code <html lang>} of every page, e.g. "en" or "de-CH"
 * @param logo           the logo's path in the assets folder ("img/logo.svg"); null: {@code logo.svg} when
 *                       the assets folder has one, else no logo
 * @param includeFuture  publish pages whose {@code publishDate} (or {@code date}) is after the build date
 * @param includeExpired publish pages whose {@code expiryDate} is before the build date
 * @param buildDate      the "now" that publishDate and expiryDate are compared with; null: the clock at
 *                       build time. Set it for a build that gives the same site whenever it runs.
 */
public record SiteOptions(String lang, String logo, boolean includeFuture, boolean includeExpired, Instant buildDate) {

    public static SiteOptions defaults() {
        return new SiteOptions("en", null, false, false, null);
    }

    /** The build date, or the clock's now when none was set. */
    public Instant now() {
        return buildDate != null ? buildDate : Instant.now();
    }
}
