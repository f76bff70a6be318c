package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A required value that is missing on a generated page: the bundle skips the call, the verification says so. */
class RequiredValuesTest {
    static final String SPEC = """
            events:
              price_clicked:
                label: Price clicked
                trigger:
                  click: "a.cta"
                properties:
                  plan:
                    type: enumeration
                    options: { basic: Basic, pro: Pro }
                    required: true
                    from: { attribute: data-plan }
                  price:
                    type: number
                    from: { attribute: data-price }
                examples:
                  - element: '<a class="cta" data-plan="pro" data-price="49">Go</a>'
                    expect: { plan: pro, price: 49 }
            """;

    @Test
    void aPageWhereTheRequiredValueIsThereVerifies(@TempDir Path dir) throws Exception {
        BuildResult r = new Trackplan().build(new TestSites(dir).spec("p.yaml", SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"cta\" data-plan=\"basic\" href=\"/\">Go</a>\n").config());
        assertThat(r.errors()).isEmpty();
        String bundle;
        try (var files = Files.walk(dir.resolve("target/site"))) {
            Path js = files.filter(p -> p.getFileName().toString().matches("trackplan\\..*\\.js")).findFirst().orElseThrow();
            bundle = Files.readString(js);
        }
        assertThat(bundle).contains("[\"basic\",\"pro\",],1]").contains("not sent: required ");
    }

    @Test
    void aPageWhereItDoesNotConvertFailsTheVerification(@TempDir Path dir) {
        // "gold" is not an option: the value does not convert, so the call is skipped
        BuildResult r = new Trackplan().build(new TestSites(dir).spec("p.yaml", SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"cta\" data-plan=\"gold\" data-price=\"9\" href=\"/\">Go</a>\n")
                .config());
        List<Diagnostic> errors = r.errors();
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.REQUIRED_MISSING)
                && e.format().equals("src/main/tracking/events/p.yaml:[5,14] TP320 price_clicked on /: not sent: required plan missing or not "
                        + "convertible (the bundle skipped the call)"));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.CALL_COUNT) && e.message().contains("got 0"));
    }
}
