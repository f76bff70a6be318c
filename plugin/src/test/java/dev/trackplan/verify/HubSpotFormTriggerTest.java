package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.testing.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hubspotForm: fired by HubSpot's form events, examples simulated from the stand-in, no drift reported. */
class HubSpotFormTriggerTest {
    static final String SPEC = """
            events:
              demo_form_submitted:
                label: Demo form submitted
                trigger:
                  hubspotForm: "78c2891f-ebdd-44c0-bd94-15c012bbbfbf"
                properties:
                  company_size:
                    type: enumeration
                    options: { small: Small, large: Large }
                    required: true
                  topic:
                    type: string
                    from: { field: what }
                examples:
                  - element: >-
                      <form><select name="company_size"><option value="large" selected>Large</option></select>
                      <input name="what" value="Pricing"></form>
                    expect: { company_size: large, topic: Pricing }
            """;
    static final String PAGE = "---\ntitle: Home\n---\n<p>The form is injected by HubSpot at run time.</p>\n";

    @Test
    void theExampleRunsOnTheSimulatedFormEventAndNoSelectorDriftIsReported(@TempDir Path dir) {
        BuildResult r = new Trackplan().build(new TestSites(dir).spec("f.yaml", SPEC).page("index.md", PAGE).config());
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).extracting(Diagnostic::code).doesNotContain(VerifyRules.SELECTOR_UNUSED);
    }

    @Test
    void aFormIdThatIsNoGuidIsRefusedAtItsLine(@TempDir Path dir) {
        BuildResult wrongId = new Trackplan().build(new TestSites(dir).spec("f.yaml", SPEC.replace(
                "\"78c2891f-ebdd-44c0-bd94-15c012bbbfbf\"", "\"not-a-form-id\"")).page("index.md", PAGE).config());
        assertThat(wrongId.errors()).extracting(Diagnostic::format)
                .anyMatch(f -> f.contains("f.yaml:[5,20] TP120 hubspotForm is a HubSpot form id"));
    }

    @Test
    void anyFormWithStar(@TempDir Path dir) {
        BuildResult r = new Trackplan().build(new TestSites(dir).spec("f.yaml", SPEC.replace(
                "\"78c2891f-ebdd-44c0-bd94-15c012bbbfbf\"", "\"*\"")).page("index.md", PAGE).config());
        assertThat(r.errors()).isEmpty();
    }
}
