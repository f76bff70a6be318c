package dev.trackplan.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.js.JsEngine;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.render.SnippetRenderer;
import dev.trackplan.render.TemplateSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle carries only the runtime parts its plan uses: asserted on the real bundle the
 * default templates assemble (the verification and the browser suite prove that it still works).
 */
class RuntimeFeaturesTest {
    static JsEngine js;

    @BeforeAll
    static void start() {
        js = new JsEngine();
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    static final String CLICK = """
            events:
              cta_clicked:
                label: CTA clicked
                trigger:
                  click: "a.cta"
                properties:
                  plan:
                    type: string
                    from: { attribute: data-plan }
            """;

    static String bundle(String consent, String yaml) {
        return assemble(consent, yaml).content();
    }

    static Bundle assemble(String consent, String yaml) {
        return assemble(js, consent, yaml);
    }

    /** The bundle the default templates assemble for a plan (given as one spec file). */
    static Bundle assemble(JsEngine js, String consent, String yaml) {
        Diagnostics d = new Diagnostics();
        List<EventSpec> events = new TrackingPlan(new SpecLoader(Path.of(".")).loadBytes("e.yaml",
                yaml.getBytes(StandardCharsets.UTF_8), d)).bundled().events();
        TemplateSource t = new TemplateSource("tracking", Path.of("no-overrides"), Path.of("."));
        Map<String, String> snippets = new SnippetRenderer(t, js).renderAll(events, "123", d);
        Bundle b = new BundleAssembler(t, js).assemble(new BundleSettings("123", consent, true, true,
                BundleSettings.DEFAULT_CONSENT_COOKIE), events, snippets, "test", d);
        assertThat(d.errors()).as("problems").isEmpty();
        return b;
    }

    @Test
    void aClickPlanCarriesNoFormReadingNavigationOrOtherSources() {
        String b = bundle("hubspot", CLICK);
        assertThat(b).contains("case\"attribute\"").contains("\"pe123_cta_clicked\"").contains("trackCustomBehavioralEvent");
        assertThat(b).doesNotContain("[name]", "submissionValues", "pushState", "popstate", "case\"meta\"",
                "case\"query\"", "case\"text\"", "case\"url\"", "keep", "case\"number\"", "case\"datetime\"",
                "case\"enumeration\"", "required", "console", "pages", "values");
        assertThat(b).as("HubSpot's banner: no banner code of Trackplan's").contains("showBanner")
                .doesNotContain("data-trackplan-banner", "setHubSpotConsent", "revokeCookieConsent");
    }

    @Test
    void formReadingComesWithASubmitTriggerThatReadsFields() {
        String b = bundle("hubspot", """
                events:
                  form_sent:
                    label: Form sent
                    trigger:
                      submit: "form.contact"
                    properties:
                      topic: string
                """);
        assertThat(b).contains("querySelectorAll(\"[name]\")").contains("case\"field\"").contains("password")
                .doesNotContain("submissionValues", "hasOwnProperty", "pushState");
    }

    @Test
    void hubspotFormsReadSubmittedValuesWithoutTheFormReader() {
        String b = bundle("hubspot", """
                events:
                  hs_form_sent:
                    label: HubSpot form sent
                    trigger:
                      hubspotForm: "*"
                    properties:
                      topic: string
                """);
        assertThat(b).contains("submissionValues").contains("e.fields").doesNotContain("[name]");
    }

    @Test
    void navigationHooksComeWithAVisitTrigger() {
        String visit = """
                events:
                  docs_viewed:
                    label: Docs viewed
                    trigger:
                      visit: "/docs/**"
                """;
        assertThat(bundle("hubspot", visit)).contains("pushState").contains("popstate").contains("onNavigate");
        assertThat(bundle("hubspot", CLICK)).doesNotContain("onNavigate");
    }

    @Test
    void eachValueSourceAndTypeIsCarriedOnlyWhenUsed() {
        String b = bundle("hubspot", """
                events:
                  post_viewed:
                    label: Post viewed
                    trigger:
                      visit: "/blog/*/"
                      pages: ["/blog/**", "/news/**"]
                    properties:
                      author: { type: string, from: { meta: author } }
                      page_url: { type: string, from: url, keepQuery: [utm_source] }
                      source: { type: string, from: { query: utm_source } }
                      seen_at: { type: datetime, from: now }
                      words: { type: number, from: { meta: words }, required: true }
                """);
        assertThat(b).contains("case\"meta\"", "case\"url\"", "[\"page_url\",\"string\",\"url\",0,0,0,[\"utm_source\",]]",
                "case\"query\"", "case\"now\"", "case\"datetime\"", "case\"number\"",
                "[\"words\",\"number\",\"meta\",\"words\",0,1]", "not sent: required ",
                "\"(?:^/blog/", "|(?:^/news/", "visit:");
        assertThat(b).doesNotContain("case\"text\"", "case\"attribute\"", "case\"title\"", "case\"referrer\"",
                "case\"value\"", "case\"enumeration\"");
    }

    @Test
    void trackplansBannerComesWithConsentBanner() {
        String b = bundle("banner", CLICK);
        assertThat(b).contains("data-trackplan-banner", "setHubSpotConsent", "revokeCookieConsent", "\"trackplan_consent\"")
                .doesNotContain("showBanner");
    }

    @Test
    void withoutEventsOnlyTheConsentPlumbingIsLeft() {
        String b = bundle("hubspot", "events: {}\n");
        assertThat(b).contains("addPrivacyConsentListener").contains("doNotTrack")
                .doesNotContain("trackCustomBehavioralEvent");
    }

    @Test
    void doNotTrackAndGlobalPrivacyControlAreCarriedOnlyWhenRespected() {
        Diagnostics d = new Diagnostics();
        TemplateSource t = new TemplateSource("tracking", Path.of("no-overrides"), Path.of("."));
        String neither = new BundleAssembler(t, js).assemble(new BundleSettings("123", "hubspot", false, false, "c"),
                RuntimeFeatures.of(List.of()), Map.of(), "test", d).content();
        assertThat(d.errors()).isEmpty();
        assertThat(neither).doesNotContain("msDoNotTrack", "globalPrivacyControl");
        assertThat(bundle("hubspot", CLICK)).contains("msDoNotTrack", "globalPrivacyControl");
    }

    @Test
    void everyPartTogetherIsValidJavaScript() {
        Diagnostics d = new Diagnostics();
        TemplateSource t = new TemplateSource("tracking", Path.of("no-overrides"), Path.of("."));
        for (String consent : List.of("hubspot", "banner")) {
            Bundle b = new BundleAssembler(t, js).assemble(new BundleSettings("123", consent, true, true, "c"),
                    RuntimeFeatures.all(), Map.of(), "test", d);
            assertThat(b).isNotNull();
            assertThat(b.content()).contains("[name]", "e.fields", "pushState", "case\"meta\"", "case\"query\"")
                    .doesNotContain("{{");
        }
        assertThat(d.errors()).isEmpty();
    }

    @Test
    void theSamePlanGivesTheSameBytes() {
        assertThat(assemble("banner", CLICK).path()).isEqualTo(assemble("banner", CLICK).path());
    }
}
