package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.js.JsEngine;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.graalvm.polyglot.Source;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's consent gate, page view by page view: it keys on the analytics category (allowed
 * only where a consent has no categories), Trackplan's banner offers each category and hands the
 * choice over on every page view, a withdrawal stops sending at once (and, with Trackplan's banner,
 * pushes revokeCookieConsent), Global Privacy Control counts as Do Not Track.
 */
class ConsentCategoriesTest {
    static final String SPEC = """
            events:
              cta_clicked:
                label: CTA clicked
                trigger:
                  click: "a.cta"
            """;
    static final String PAGE = "---\ntitle: Home\n---\n<a class=\"cta\" href=\"/\">Go</a>\n";

    @TempDir
    static Path dir;
    static JsEngine engine;
    static String hubspotBundle, bannerBundle, noGpcBundle, hubspotPage, bannerPage;

    @BeforeAll
    static void build() throws IOException {
        engine = new JsEngine();
        hubspotBundle = bundle(dir.resolve("hubspot"), "hubspot", true);
        hubspotPage = Files.readString(dir.resolve("hubspot/target/site/index.html"));
        bannerBundle = bundle(dir.resolve("banner"), "banner", true);
        bannerPage = Files.readString(dir.resolve("banner/target/site/index.html"));
        noGpcBundle = bundle(dir.resolve("nogpc"), "hubspot", false);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static String bundle(Path root, String consent, boolean gpc) throws IOException {
        TestSites s = new TestSites(root).page("index.md", PAGE).spec("e.yaml", SPEC);
        TrackplanConfig c = s.config(consent, 10, gpc, false); // the bundle alone; the verification has its own tests
        assertThat(new Trackplan().build(c).errors()).isEmpty();
        try (Stream<Path> js = Files.list(root.resolve("target/site/js"))) {
            return Files.readString(js.findFirst().orElseThrow());
        }
    }

    BrowserSession open(String page, String bundle, String beforeBundle) {
        BrowserSession s = new BrowserSession(engine, Jsoup.parse(page), "https://www.example.com/", false, Duration.ofSeconds(10));
        if (beforeBundle != null) {
            s.eval(beforeBundle);
        }
        s.runBundle(Source.create("js", bundle));
        s.loadHubSpot();
        return s;
    }

    static void click(BrowserSession s, String selector) {
        s.fire(s.page().selectFirst(selector), "click");
    }

    static long tracks(BrowserSession s) {
        return s.recorder().tracksSince(0).size();
    }

    static List<JsonNode> hsp(BrowserSession s, String method) {
        return s.recorder().all().stream().filter(c -> "hsp".equals(c.queue()) && method.equals(c.method()))
                .map(Recorder.Command::command).toList();
    }

    @Test
    void analyticsDeclinedButAdvertisementAcceptedSendsNothingEvenThoughAllowedIsTrue() {
        try (BrowserSession s = open(hubspotPage, hubspotBundle, null)) {
            click(s, "a.cta");
            s.decide(false, true, true);
            click(s, "a.cta");
            assertThat(tracks(s)).as("neither the waiting click nor a later one").isZero();
        }
    }

    @Test
    void waitingEventsAreSentWhenAnalyticsIsGranted() {
        try (BrowserSession s = open(hubspotPage, hubspotBundle, null)) {
            click(s, "a.cta");
            assertThat(tracks(s)).isZero();
            s.decide(true, false, false);
            assertThat(tracks(s)).isEqualTo(1);
        }
    }

    @Test
    void withoutCategoriesTheBackwardCompatibleAllowedDecides() {
        try (BrowserSession s = open(hubspotPage, hubspotBundle, null)) {
            s.decideLegacy(true);
            click(s, "a.cta");
            assertThat(tracks(s)).isEqualTo(1);
        }
        try (BrowserSession s = open(hubspotPage, hubspotBundle, null)) {
            s.decideLegacy(false);
            click(s, "a.cta");
            assertThat(tracks(s)).isZero();
        }
    }

    @Test
    void withHubSpotsBannerAWithdrawalStopsSendingAtOnce() {
        try (BrowserSession s = open(hubspotPage, hubspotBundle, null)) {
            s.decide(true);
            click(s, "a.cta");
            assertThat(tracks(s)).isEqualTo(1);
            s.decide(false);
            click(s, "a.cta");
            assertThat(tracks(s)).isEqualTo(1);
            assertThat(hsp(s, "revokeCookieConsent")).as("HubSpot's own banner records its withdrawal").isEmpty();
        }
    }

    @Test
    void withHubSpotsBannerTheFooterLinkReopensIt() {
        try (BrowserSession s = open(hubspotPage, hubspotBundle, null)) {
            assertThat(s.page().select("footer a[data-trackplan-consent=settings]").text()).isEqualTo("Cookie settings");
            assertThat(hsp(s, "showBanner")).isEmpty();
            click(s, "footer a[data-trackplan-consent=settings]");
            assertThat(hsp(s, "showBanner")).hasSize(1);
        }
    }

    @Test
    void trackplansBannerOffersEachCategoryAndHandsTheChoiceOver() {
        try (BrowserSession s = open(bannerPage, bannerBundle, null)) {
            assertThat(s.page().select("[data-trackplan-banner] input[type=checkbox][data-trackplan-category]")
                    .eachAttr("data-trackplan-category")).containsExactly("analytics", "advertisement", "functionality");
            s.eval("document.querySelector('[data-trackplan-category=advertisement]').checked = true");
            click(s, "[data-trackplan-consent=save]");
            assertThat(hsp(s, "setHubSpotConsent")).singleElement().hasToString(
                    "[\"setHubSpotConsent\",{\"analytics\":false,\"advertisement\":true,\"functionality\":false}]");
            click(s, "a.cta");
            assertThat(tracks(s)).isZero();
            assertThat(s.page().selectFirst("[data-trackplan-banner]").hasAttr("hidden")).isTrue();
        }
    }

    @Test
    void theChoiceIsRememberedAndHandedOverOnTheNextPageView() {
        String cookie;
        try (BrowserSession s = open(bannerPage, bannerBundle, null)) {
            s.eval("document.querySelector('[data-trackplan-category=analytics]').checked = true");
            s.eval("document.querySelector('[data-trackplan-category=functionality]').checked = true");
            click(s, "[data-trackplan-consent=save]");
            s.eval("document.body.setAttribute('data-cookie', document.cookie)");
            cookie = s.page().body().attr("data-cookie");
        }
        assertThat(cookie).isEqualTo("trackplan_consent=analytics.functionality");
        try (BrowserSession s = open(bannerPage, bannerBundle, "document.cookie = '" + cookie + "; path=/'")) {
            assertThat(hsp(s, "setHubSpotConsent")).singleElement().hasToString(
                    "[\"setHubSpotConsent\",{\"analytics\":true,\"advertisement\":false,\"functionality\":true}]");
            assertThat(s.page().selectFirst("[data-trackplan-banner]").hasAttr("hidden")).as("not asked again").isTrue();
            click(s, "a.cta");
            assertThat(tracks(s)).isEqualTo(1);
        }
        try (BrowserSession s = open(bannerPage, bannerBundle, "document.cookie = 'trackplan_consent=granted; path=/'")) {
            assertThat(hsp(s, "setHubSpotConsent")).as("a single-choice cookie of an earlier version").singleElement()
                    .hasToString("[\"setHubSpotConsent\",{\"analytics\":true,\"advertisement\":true,\"functionality\":true}]");
        }
    }

    @Test
    void acceptAllAndDeclineAllAreOneClickAndAWithdrawalIsRevokedAtOnce() {
        try (BrowserSession s = open(bannerPage, bannerBundle, null)) {
            click(s, "[data-trackplan-consent=accept]");
            click(s, "a.cta");
            assertThat(tracks(s)).isEqualTo(1);
            click(s, "footer [data-trackplan-consent=settings]");
            assertThat(s.page().selectFirst("[data-trackplan-banner]").hasAttr("hidden")).as("reopened").isFalse();
            s.eval("document.body.setAttribute('data-checked', document.querySelector('[data-trackplan-category=analytics]').checked)");
            assertThat(s.page().body().attr("data-checked")).as("the banner shows the current choice").isEqualTo("true");
            int before = s.recorder().mark();
            click(s, "[data-trackplan-consent=decline]");
            List<Recorder.Command> after = s.recorder().since(before);
            assertThat(after).extracting(Recorder.Command::method).containsExactly("revokeCookieConsent", "setHubSpotConsent");
            click(s, "a.cta");
            assertThat(tracks(s)).as("nothing after the withdrawal").isEqualTo(1);
        }
    }

    @Test
    void globalPrivacyControlIsDoNotTrack() {
        try (BrowserSession s = open(hubspotPage, hubspotBundle, "navigator.globalPrivacyControl = true")) {
            s.decide(true);
            click(s, "a.cta");
            assertThat(tracks(s)).isZero();
            assertThat(s.recorder().all()).anyMatch(c -> "hsq".equals(c.queue()) && "doNotTrack".equals(c.method()));
        }
        try (BrowserSession s = open(hubspotPage, noGpcBundle, "navigator.globalPrivacyControl = true")) {
            s.decide(true);
            click(s, "a.cta");
            assertThat(tracks(s)).as("respectGlobalPrivacyControl=false").isEqualTo(1);
        }
    }
}
