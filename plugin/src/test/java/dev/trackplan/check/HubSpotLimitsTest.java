package dev.trackplan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.load.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HubSpot's limits that span a whole plan or depend on the browser's numbers. */
class HubSpotLimitsTest {
    @TempDir
    Path dir;

    private Diagnostics check(int events, String extra) throws IOException {
        StringBuilder a = new StringBuilder("events:\n"), b = new StringBuilder("events:\n");
        for (int i = 1; i <= events; i++) {
            StringBuilder into = i % 2 == 0 ? a : b; // two files: the limit is per account, not per file
            into.append(String.format("  event_%03d:\n    label: Event %d\n    trigger: { visit: \"/\" }\n", i, i));
        }
        Files.writeString(dir.resolve("a.yaml"), a + extra);
        Files.writeString(dir.resolve("b.yaml"), b.toString());
        Diagnostics d = new Diagnostics();
        new PlanChecker().check(new SpecLoader(dir).load(dir, d), d);
        return d;
    }

    @Test
    void fiveHundredEventDefinitionsFitOneMoreDoesNot() throws IOException {
        assertThat(check(500, "").errors()).isEmpty();
        Diagnostics d = check(501, "");
        assertThat(d.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TP113");
            assertThat(e.file()).isEqualTo("b.yaml");
            assertThat(e.line()).as("the 501st event by name, event_501").isEqualTo(3 * 250 + 2);
            assertThat(e.message()).contains("501 events").contains("500");
        });
    }

    @Test
    void aNumberConstantBeyondTheBrowsersRangeIsRefused() throws IOException {
        Diagnostics d = check(2, """
                  big_number:
                    label: Big number
                    trigger: { visit: "/" }
                    properties:
                      amount:
                        type: number
                        from: { value: 1e999 }
                      fine:
                        type: number
                        from: { value: 1.7976931348623157e308 }
                """);
        assertThat(d.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TP153");
            assertThat(e.message()).contains("Infinity");
        });
    }
}
