package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EnumOption;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.HubSpotDefinitionTest;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the example site and checks the published tracking plan (page and JSON) against its specs. */
class TrackingPlanPageTest {
    static final Path EXAMPLE = Path.of("../example-site").toAbsolutePath().normalize();

    @Test
    void publishedPlanMatchesTheSpecs(@TempDir Path out) throws Exception {
        TrackplanConfig c = new TrackplanConfig(EXAMPLE, EXAMPLE.resolve("src/main/tracking/events"), EXAMPLE.resolve("src/main/tracking/trackplan.lock.json"),
                EXAMPLE.resolve("src/main/tracking/templates"), EXAMPLE.resolve("src/main/site/pages"),
                EXAMPLE.resolve("src/main/site/layouts"), EXAMPLE.resolve("src/main/site/assets"), out.resolve("site"),
                out.resolve("work"), out.resolve("reports"), "123456", "na1", "banner", true, true, "https://www.acme-analytics.example",
                "Acme Analytics", true, false, true, Duration.ofSeconds(10), "test");
        BuildResult r = new Trackplan().build(c);
        assertThat(r.errors()).isEmpty();
        Diagnostics d = new Diagnostics();
        TrackingPlan plan = new TrackingPlan(new SpecLoader(EXAMPLE).load(c.eventsDir(), d));
        assertThat(plan.events()).hasSizeGreaterThanOrEqualTo(4);

        Document page = Jsoup.parse(out.resolve("site/tracking-plan/index.html").toFile());
        JsonNode json = new ObjectMapper().readTree(out.resolve("site/tracking-plan.json").toFile());
        assertThat(page.select("section.event")).hasSize(plan.events().size());
        assertThat(json.path("eventDefinitions")).hasSize(plan.events().size());
        int i = 0;
        for (EventSpec e : plan.events()) {
            Element section = page.getElementById("event-" + e.name());
            assertThat(section).as(e.name()).isNotNull();
            assertThat(section.selectFirst("h2").text()).isEqualTo(e.label());
            assertThat(section.text()).contains(e.fullName("123456"));
            if (e.description() != null) {
                assertThat(section.text()).contains(e.description());
            }
            assertThat(section.select("tbody tr")).hasSize(e.properties().size());
            JsonNode def = json.path("eventDefinitions").get(i++);
            HubSpotDefinitionTest.assertBody(def, e);
            assertThat(json.path("trackplan").path("fullyQualifiedNames").path(e.name()).asText())
                    .isEqualTo(e.fullName("123456"));
            assertThat(def.path("name").asText()).isEqualTo(e.name());
            assertThat(def.path("label").asText()).isEqualTo(e.label());
            assertThat(def.path("primaryObject").asText()).isEqualTo(e.object().toUpperCase());
            assertThat(def.has("description")).isEqualTo(e.description() != null);
            int j = 0;
            for (PropertySpec p : e.properties()) {
                Element row = section.select("tbody tr").get(j);
                assertThat(row.select("td").get(0).text()).contains(p.name());
                assertThat(row.select("td").get(1).text()).isEqualTo(p.type().id());
                assertThat(row.select("td").get(3).text()).isEqualTo(p.maxLength() + " characters");
                JsonNode pd = def.path("propertyDefinitions").get(j++);
                assertThat(pd.path("name").asText()).isEqualTo(p.name());
                assertThat(pd.path("type").asText()).isEqualTo(p.type().id());
                // a shared property's options are shown once, in its row of the shared table
                Element options = p.shared() ? page.getElementById("shared-" + p.use()) : row.select("td").get(4);
                if (p.shared()) {
                    assertThat(row.select("td").get(4).select("a").attr("href")).as(row.outerHtml()).isEqualTo("#shared-" + p.use());
                    assertThat(options.text()).contains(e.name() + " as " + p.name());
                }
                for (EnumOption o : p.options()) {
                    assertThat(options.text()).contains(o.value()).contains(o.label());
                }
                assertThat(pd.path("options").size()).isEqualTo(p.options().size());
            }
        }
        // the shared 'plan' is shown once, with the three events that use it (and where json says so too)
        assertThat(page.select("#shared-properties tbody tr")).hasSize(1);
        assertThat(page.getElementById("shared-plan").select("a").eachAttr("href"))
                .containsExactly("#event-pricing_cta_clicked", "#event-signup_clicked", "#event-subscription_renewed");
        assertThat(json.path("trackplan").path("sharedProperties").path("plan").path("usedBy").findValuesAsText("event"))
                .containsExactly("pricing_cta_clicked", "signup_clicked", "subscription_renewed");
        assertThat(json.path("eventDefinitions").toString()).doesNotContain("usedBy").doesNotContain("\"use\"");
        Element demo = page.getElementById("event-company_demo_requested");
        assertThat(demo.selectFirst("p").text()).contains("associated with the company record whose domain equals "
                + "the event's company_domain");
        assertThat(json.path("eventDefinitions").findValues("customMatchingId")).singleElement()
                .hasToString("{\"primaryObjectRule\":{\"eventPropertyName\":\"company_domain\","
                        + "\"targetObjectPropertyName\":\"domain\"}}");
        Element cta = page.getElementById("event-pricing_cta_clicked");
        assertThat(cta.select("a[href=/pricing/]")).as("fires on /pricing/").hasSize(1);
        assertThat(Files.exists(out.resolve("site/pricing/index.html"))).isTrue();
    }
}
