package dev.trackplan.site;

import dev.trackplan.model.Values;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which pages are published at the build date: not drafts (unless includeDrafts), not before their
 * {@code publishDate} (or, without one, their {@code date}) unless includeFuture, not from their
 * {@code expiryDate} on unless includeExpired.
 */
final class Publication {
    private final SiteSettings settings;
    private final long now;

    Publication(SiteSettings settings, Instant now) {
        this.settings = settings;
        this.now = now.toEpochMilli();
    }

    boolean published(Page p) {
        if (p.draft() && !settings.includeDrafts()) {
            return false;
        }
        OptionalLong from = publishMillis(p);
        if (from.isPresent() && from.getAsLong() > now && !settings.options().includeFuture()) {
            return false;
        }
        OptionalLong until = millis(p.extras().expiryDate());
        return until.isEmpty() || until.getAsLong() > now || settings.options().includeExpired();
    }

    /**
     * The first moment after the build date at which a page appears or expires, or null: until then
     * a rebuild of unchanged sources gives the same site.
     */
    Instant nextChange(List<Page> pages) {
        long next = Long.MAX_VALUE;
        for (Page p : pages) {
            for (OptionalLong t : List.of(publishMillis(p), millis(p.extras().expiryDate()))) {
                if (t.isPresent() && t.getAsLong() > now) {
                    next = Math.min(next, t.getAsLong());
                }
            }
        }
        return next == Long.MAX_VALUE ? null : Instant.ofEpochMilli(next);
    }

    private static OptionalLong publishMillis(Page p) {
        OptionalLong explicit = millis(p.extras().publishDate());
        return explicit.isPresent() ? explicit : p.dateMillis();
    }

    private static OptionalLong millis(String date) {
        return date == null ? OptionalLong.empty() : Values.datetime(date);
    }
}
