package dev.trackplan.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** How spec texts are read as typed values, the same way at check time and in verification. */
public final class Values {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern EPOCH_MS = Pattern.compile("-?\\d{1,15}");

    private Values() {}

    /** A finite decimal number, or null. Underscores and hex are not numbers in the browser either. */
    public static BigDecimal number(String text) {
        String t = text.trim();
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Texts read by {@link #datetime} already, with their value: a site's pages share few dates, and
     * each page's date is read by several stages (publication, lists, feeds, layout, sitemap). Bounded.
     */
    private static final java.util.Map<String, OptionalLong> DATETIMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int DATETIMES_KEPT = 50_000;

    /** Epoch milliseconds from epoch ms digits or an ISO 8601 date/time (UTC unless an offset is given). */
    public static OptionalLong datetime(String text) {
        OptionalLong known = DATETIMES.get(text);
        if (known != null) {
            return known;
        }
        OptionalLong v = parseDatetime(text);
        if (DATETIMES.size() < DATETIMES_KEPT) {
            DATETIMES.put(text, v);
        }
        return v;
    }

    private static OptionalLong parseDatetime(String text) {
        String t = text.trim();
        if (EPOCH_MS.matcher(t).matches()) {
            return OptionalLong.of(Long.parseLong(t));
        }
        if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            // a plain date (the usual front matter): parsed at once, not after three forms fail with exceptions
            try {
                return OptionalLong.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
            } catch (DateTimeParseException e) {
                return OptionalLong.empty(); // no other form has ten characters with these dashes
            }
        }
        try {
            return OptionalLong.of(OffsetDateTime.parse(t).toInstant().toEpochMilli());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OptionalLong.of(Instant.parse(t).toEpochMilli());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OptionalLong.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        return localDate(t);
    }

    private static OptionalLong localDate(String t) {
        try {
            return OptionalLong.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
