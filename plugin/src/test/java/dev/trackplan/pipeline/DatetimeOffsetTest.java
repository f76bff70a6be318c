package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.nio.file.Path;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A date-time without an offset is UTC for the checker and for the browser alike, whatever the machine's zone. */
class DatetimeOffsetTest {

    @Test
    void offsetLessDatetimesAreUtcInTheBundleAsInTheChecker(@TempDir Path dir) {
        TestSites s = new TestSites(dir).spec("e.yaml", """
                events:
                  webinar_clicked:
                    label: Webinar clicked
                    trigger: { click: a.webinar }
                    properties:
                      starts_at:
                        type: datetime
                        from: { attribute: data-starts }
                      launch_at:
                        type: datetime
                        from: { value: "2026-03-01T09:30" }
                    examples:
                      - element: '<a class="webinar" data-starts="2026-01-01T10:00:00">Join</a>'
                        expect: { starts_at: 1767261600000, launch_at: "2026-03-01T09:30:00Z" }
                """).page("index.md", "<a class=\"webinar\" data-starts=\"2026-01-01T10:00\" href=\"/\">Join</a>\n");
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            BuildResult r = new Trackplan().build(s.config("hubspot", 30));
            assertThat(r.errors()).isEmpty();
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
