package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.SourcePos;
import dev.trackplan.model.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Listing.sorted reads each date once and still gives the NEWEST_FIRST order. */
class ListingOrderTest {
    private static Page page(int i, String date, int weight, String title) {
        return new Page("p" + i + ".md", "/p" + i + "/", "p" + i + "/index.html", title, null, null, false, date,
                weight, "", true, SourcePos.of("p" + i + ".md"), null);
    }

    @Test
    void sortedIsTheNewestFirstOrder() {
        String[] dates = {null, "2026-01-05", "2026-01-05T10:00:00", "2026-01-05T10:00:00Z", "2026-01-05t09:00:00+01:00",
            "1767607200000", "not a date", "2025-12-31"};
        List<Page> pages = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            pages.add(page(i, dates[r.nextInt(dates.length)], r.nextInt(3), "T" + r.nextInt(5)));
        }
        Collections.shuffle(pages, r);
        List<Page> expected = new ArrayList<>(pages);
        expected.sort(Listing.NEWEST_FIRST);
        assertThat(Listing.sorted(pages)).containsExactlyElementsOf(expected);
    }

    @Test
    void datesWithoutATimeParseAsBefore() {
        assertThat(Values.datetime("2026-01-05").getAsLong()).isEqualTo(1767571200000L);
        assertThat(Values.datetime(" 2026-01-05 ").getAsLong()).isEqualTo(1767571200000L);
        assertThat(Values.datetime("2026-01-05t00:00:00Z").getAsLong()).isEqualTo(1767571200000L);
        assertThat(Values.datetime("2026-01-05 10:00")).isEmpty();
        assertThat(Values.datetime("2026-13-05")).isEmpty();
        assertThat(Values.datetime("+12026-01-05")).isPresent();
    }
}
