package dev.trackplan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser events attach to the visitor's contact unless the spec declares HubSpot's custom matching rule. */
class ObjectMatchingTest {
    @TempDir
    Path dir;

    private Diagnostics check(String object, String matching) throws IOException {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, "events:\n  demo_requested:\n    label: Demo requested\n    object: " + object + "\n"
                + matching
                + "    trigger:\n      click: \"a.demo\"\n    properties:\n      company_domain:\n        type: string\n"
                + "        from: { attribute: data-domain }\n    examples:\n"
                + "      - element: '<a class=\"demo\" data-domain=\"acme.test\">Demo</a>'\n");
        Diagnostics d = new Diagnostics();
        List<EventSpec> events = new SpecLoader(dir).loadFile(f, d);
        new PlanChecker().check(events, d);
        return d;
    }

    @Test
    void aCompanyEventFromTheBrowserWithoutAMatchingRuleIsAWarningAtTheObject() throws IOException {
        Diagnostics d = check("company", "");
        assertThat(d.errors()).isEmpty();
        Diagnostic w = d.sorted().stream().filter(x -> x.code().equals("TP117")).findFirst().orElseThrow();
        assertThat(w.line()).isEqualTo(4);
        assertThat(w.column()).isEqualTo(13);
        assertThat(w.message()).contains("visitor's cookie").contains("contact").contains("customMatchingId");
    }

    @Test
    void customObjectsAreAcceptedInTheFormsHubSpotDocumentsAndWarnedTheSameWay() throws IOException {
        for (String o : List.of("2-1234567", "p_cars", "p1234567_cars")) {
            Diagnostics d = check(o, "");
            assertThat(d.errors()).as(o).isEmpty();
            assertThat(d.sorted()).as(o).anyMatch(x -> x.code().equals("TP117"));
        }
        for (String o : List.of("cars", "2-", "2-0x1", "P_cars", "p_", "Company")) {
            assertThat(check(o, "").errors()).as(o).singleElement()
                    .satisfies(e -> assertThat(e.code()).isEqualTo("TP116"));
        }
    }

    @Test
    void aMatchingRuleSilencesTheWarning() throws IOException {
        Diagnostics d = check("company", "    customMatchingId:\n      primaryObjectRule:\n"
                + "        eventPropertyName: company_domain\n        targetObjectPropertyName: domain\n");
        assertThat(d.sorted()).noneMatch(x -> x.code().equals("TP117"));
        assertThat(d.errors()).isEmpty();
    }

    @Test
    void contactEventsNeedNoRule() throws IOException {
        assertThat(check("contact", "").sorted()).noneMatch(x -> x.code().equals("TP117"));
    }

    @Test
    void aRuleWithoutItsPropertyNamesIsReportedOnce() throws IOException {
        Diagnostics d = check("deal", "    customMatchingId:\n      primaryObjectRule: {eventPropertyName: company_domain}\n");
        assertThat(d.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TP103");
            assertThat(e.message()).contains("targetObjectPropertyName");
        });
    }

    @Test
    void aRetiredEventIsNotWarnedAndARuleMayNotNameARetiredProperty() throws IOException {
        Diagnostics retired = check("company\n    retired: true", "");
        assertThat(retired.sorted()).noneMatch(x -> x.code().equals("TP117"));
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, Files.readString(f).replace("        type: string\n", "        type: string\n        retired: true\n"));
        Diagnostics d = new Diagnostics();
        new PlanChecker().check(new SpecLoader(dir).loadFile(f, d), d);
        assertThat(d.errors()).isEmpty();
        Diagnostics withRule = check("company", "    customMatchingId:\n      primaryObjectRule:\n"
                + "        eventPropertyName: company_domain\n        targetObjectPropertyName: domain\n");
        assertThat(withRule.errors()).isEmpty();
        Files.writeString(f, Files.readString(f).replace("        type: string\n", "        type: string\n        retired: true\n"));
        Diagnostics d2 = new Diagnostics();
        new PlanChecker().check(new SpecLoader(dir).loadFile(f, d2), d2);
        assertThat(d2.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TP118");
            assertThat(e.message()).contains("retired");
        });
    }
}
