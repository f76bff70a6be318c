package dev.trackplan.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.glob.Glob;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.model.Trigger;
import dev.trackplan.model.TriggerKind;
import dev.trackplan.pipeline.TrackplanConfig;
import dev.trackplan.serve.DevServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The example site in a real browser: Debian's headless Chromium, the built site served on
 * 127.0.0.1, HubSpot's loader replaced by a local stand-in that records every command. The
 * scenarios are driven by the tracking plan itself, so a site and a plan that drift apart fail.
 */
class BrowserSuiteIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SITE = Path.of(System.getProperty("trackplan.site", "target/site"));
    static final Path SHOTS = Path.of(System.getProperty("trackplan.screenshots", "target/screenshots"));
    static final String HUB = System.getProperty("trackplan.hubId", "123456");
    /** Selenium warns on every start when Debian's Chromium is newer than its CDP bindings: noise here. */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    static SiteServer server;
    static TrackingPlan plan;
    static List<String> pages;
    ChromeDriver driver;
    /** The Chromium profiles this test started (under target/, removed after each test). */
    final List<Path> profiles = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("\n*****************************************************************\n"
                    + "* BROWSER SUITE SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver\n"
                    + "* is missing. Install them: apt-get install chromium chromium-driver\n"
                    + "*****************************************************************\n");
        }
        if (!present && Boolean.getBoolean("trackplan.requireBrowser")) {
            fail("Chromium is not installed, and -Dtrackplan.requireBrowser=true demands the browser suite: "
                    + "apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed: the browser suite did NOT run");
        assertThat(SITE.resolve("index.html")).as("run mvn package first").exists();
        Diagnostics d = new Diagnostics();
        plan = new TrackingPlan(new SpecLoader(Path.of(".")).load(Path.of(System.getProperty("trackplan.events",
                "src/main/tracking/events")), d)).bundled(); // retired and server-sent events never reach a browser
        assertThat(d.errors()).isEmpty();
        try (Stream<Path> s = Files.walk(SITE)) {
            pages = s.filter(p -> p.getFileName().toString().equals("index.html")).filter(p -> !redirect(p))
                    .map(p -> "/" + SITE.relativize(p.getParent()).toString().replace('\\', '/'))
                    .map(p -> p.equals("/") ? p : p + "/").sorted().toList();
        }
        server = new SiteServer(SITE);
        Files.createDirectories(SHOTS);
    }

    /** Alias pages only redirect to the page they stand for: no page of their own to test. */
    static boolean redirect(Path file) {
        try {
            return Files.readString(file).contains("http-equiv=\"refresh\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        driver = browser(false);
        server.clear();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        for (Path p : profiles) {
            deleteTree(p);
        }
        profiles.clear();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A browser that sends Global Privacy Control (Chromium has no setting for it; the signal is injected). */
    ChromeDriver gpcBrowser() throws IOException {
        ChromeDriver d = browser(false);
        d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: function () { return true; }});"));
        d.executeCdpCommand("Network.enable", Map.of());
        d.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
        return d;
    }

    ChromeDriver browser(boolean doNotTrack) throws IOException {
        Path parent = Files.createDirectories(Path.of("target", "chromium-profiles"));
        Path profile = Files.createTempDirectory(parent, "profile").toAbsolutePath();
        this.profiles.add(profile);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--window-size=1280,900", "--user-data-dir=" + profile,
                "--proxy-server=http://127.0.0.1:" + server.port());
        if (doNotTrack) {
            o.setExperimentalOption("prefs", Map.of("enable_do_not_track", true));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return d;
    }

    // helpers

    void open(String path) {
        driver.get(server.url(path));
    }

    /** Opens a page and waits until a navigation started by the previous click has settled on it. */
    List<WebElement> settledOn(String page, String selector, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Thread.sleep(100);
            open(page);
            List<WebElement> found = driver.findElements(By.cssSelector(selector));
            boolean settled = driver.getCurrentUrl().equals(server.url(page))
                    && "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
            if (settled && found.size() >= count || System.nanoTime() > until) {
                return found;
            }
        }
    }

    void accept() {
        driver.findElement(By.cssSelector("[data-trackplan-consent=accept]")).click();
    }

    void decline() {
        driver.findElement(By.cssSelector("[data-trackplan-consent=decline]")).click();
    }

    List<JsonNode> hsp(String method) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : server.commands()) {
            if ("hsp".equals(c.path("queue").asText()) && method.equals(c.path("command").path(0).asText())) {
                out.add(c.path("command"));
            }
        }
        return out;
    }

    List<JsonNode> tracks(Predicate<JsonNode> which) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : server.commands()) {
            JsonNode cmd = c.path("command");
            if ("hsq".equals(c.path("queue").asText()) && "trackCustomBehavioralEvent".equals(cmd.path(0).asText())
                    && which.test(cmd.path(1))) {
                out.add(cmd.path(1));
            }
        }
        return out;
    }

    List<JsonNode> tracksOf(EventSpec e) {
        return tracks(a -> a.path("name").asText().equals(e.fullName(HUB)));
    }

    List<JsonNode> awaitTracks(EventSpec e, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < until && tracksOf(e).size() < count) {
            Thread.sleep(50);
        }
        return tracksOf(e);
    }

    void shoot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    boolean bannerShown() {
        return driver.findElement(By.cssSelector("[data-trackplan-banner]")).isDisplayed();
    }

    static boolean allowed(EventSpec e, String path) throws Exception {
        if (e.trigger().pages().isEmpty()) {
            return true;
        }
        for (Trigger.PageGlob g : e.trigger().pages()) {
            if (Glob.compile(g.glob()).matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** The call is valid for the plan: declared properties, declared types, HubSpot's limits. */
    static void assertValid(EventSpec e, JsonNode call) {
        JsonNode props = call.path("properties");
        assertThat(props.size()).isLessThanOrEqualTo(50);
        props.fieldNames().forEachRemaining(name -> {
            PropertySpec p = e.property(name);
            assertThat(p).as("%s sent undeclared property %s", e.name(), name).isNotNull();
            JsonNode v = props.get(name);
            switch (p.type()) {
                case NUMBER -> assertThat(v.isNumber()).as("%s.%s is a number: %s", e.name(), name, v).isTrue();
                case DATETIME -> assertThat(v.isIntegralNumber()).as("%s.%s is epoch ms: %s", e.name(), name, v).isTrue();
                case ENUMERATION -> assertThat(p.options().stream().map(o -> o.value()).toList())
                        .as("%s.%s option", e.name(), name).contains(v.asText().split(";"));
                case STRING -> assertThat(v.isTextual() && v.asText().length() <= p.maxLength())
                        .as("%s.%s is text within the limit: %s", e.name(), name, v).isTrue();
                default -> fail("unknown type");
            }
        });
    }

    // scenarios

    @Test
    void declineMeansNothingIsSent() throws Exception {
        open("/");
        assertThat(bannerShown()).isTrue();
        shoot("home-banner");
        decline();
        assertThat(bannerShown()).isFalse();
        driver.findElement(By.cssSelector("[data-track=signup][data-location=hero]")).click();
        open("/pricing/");
        assertThat(bannerShown()).as("the decline is remembered").isFalse();
        Thread.sleep(300);
        assertThat(tracks(a -> true)).as("nothing sent after a decline").isEmpty();
        assertThat(server.commands()).anyMatch(c -> c.path("command").path(0).asText().equals("setHubSpotConsent")
                && !c.path("command").path(1).path("analytics").asBoolean(true));
    }

    @Test
    void nothingBeforeConsentThenAcceptSendsAndSurvivesReload() throws Exception {
        open("/pricing/");
        assertThat(bannerShown()).isTrue();
        shoot("pricing-banner");
        EventSpec shown = plan.event("pricing_plans_shown");
        Thread.sleep(300);
        assertThat(tracks(a -> true)).as("nothing before consent").isEmpty();
        accept();
        List<JsonNode> calls = awaitTracks(shown, 1);
        assertThat(calls).as("the waiting event is sent on accept").hasSize(1);
        assertThat(calls.get(0).path("properties").path("plan_count").asInt()).isEqualTo(3);
        assertThat(bannerShown()).isFalse();
        shoot("pricing-accepted");
        server.clear();
        driver.navigate().refresh();
        assertThat(bannerShown()).as("the choice survives a reload").isFalse();
        assertThat(awaitTracks(shown, 1)).as("sent on the reloaded page without asking again").hasSize(1);
        open("/");
        shoot("home-accepted");
    }

    @Test
    void everyClickAndSubmitOfThePlanFiresOnTheRealPages() throws Exception {
        open("/");
        accept();
        for (EventSpec e : plan.events()) {
            TriggerKind k = e.trigger().kind();
            if (k != TriggerKind.CLICK && k != TriggerKind.SUBMIT) {
                continue;
            }
            int fired = 0;
            for (String page : pages) {
                if (!allowed(e, page)) {
                    continue;
                }
                int n = settledOn(page, e.trigger().value(), 0).size();
                for (int i = 0; i < n; i++) {
                    WebElement el = settledOn(page, e.trigger().value(), n).get(i);
                    server.clear();
                    if (k == TriggerKind.CLICK) {
                        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", el);
                        el.click();
                    } else {
                        for (WebElement req : el.findElements(By.cssSelector("input[required]"))) {
                            req.sendKeys("email".equals(req.getAttribute("type")) ? "ada@example.com" : "Ada");
                        }
                        ((JavascriptExecutor) driver).executeScript("arguments[0].requestSubmit()", el);
                    }
                    List<JsonNode> calls = awaitTracks(e, 1);
                    assertThat(calls).as("%s on %s element #%d", e.name(), page, i + 1).hasSize(1);
                    assertValid(e, calls.get(0));
                    fired++;
                }
            }
            assertThat(fired).as("%s: selector '%s' matches an element on some page", e.name(), e.trigger().value())
                    .isPositive();
        }
    }

    @Test
    void theThemeAtDesktopAndPhoneWidthsNeverScrollsSideways() throws Exception {
        open("/");
        accept();
        List<String> showcase = List.of("/", "/blog/", "/blog/five-dashboards/", "/tags/");
        for (String page : showcase) {
            open(page);
            shoot(shotName(page) + "-1280");
        }
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/");
        assertThat((Long) js("return window.innerWidth")).as("the window really is phone-sized").isLessThanOrEqualTo(390L);
        for (String page : pages) {
            open(page);
            assertThat((Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .as("sideways scrolling on %s at 390 px", page).isEqualTo(0L);
        }
        for (String page : showcase) {
            open(page);
            shoot(shotName(page) + "-390");
        }
        open("/blog/five-dashboards/");
        WebElement table = driver.findElement(By.cssSelector("main table"));
        assertThat(js("return arguments[0].scrollWidth > arguments[0].clientWidth", table))
                .as("the wide table scrolls inside its own box").isEqualTo(true);
        open("/blog/");
        WebElement menu = driver.findElement(By.cssSelector(".menu-button"));
        WebElement pricing = driver.findElement(By.cssSelector("#site-menu a[href='/pricing/']"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(pricing.isDisplayed()).as("the menu is folded").isFalse();
        menu.click();
        assertThat(pricing.isDisplayed()).as("the menu button opens it").isTrue();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        shoot("menu-open-390");
    }

    static String shotName(String page) {
        return page.equals("/") ? "home" : page.replaceAll("^/|/$", "").replace('/', '-');
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void pricingCtaSendsTypedValues() throws Exception {
        open("/pricing/");
        accept();
        server.clear();
        driver.findElement(By.cssSelector("a.plan-cta[data-plan=pro]")).click();
        List<JsonNode> calls = awaitTracks(plan.event("pricing_cta_clicked"), 1);
        assertThat(calls).hasSize(1);
        JsonNode p = calls.get(0).path("properties");
        assertThat(p.path("plan").asText()).isEqualTo("pro");
        assertThat(p.path("price").isNumber()).isTrue();
        assertThat(p.path("price").asInt()).isEqualTo(49);
        assertThat(p.path("cta_text").asText()).isEqualTo("Go Pro");
        assertThat(p.path("page_url").asText()).isEqualTo(server.url("/pricing/"));
    }

    @Test
    void everyVisitOfThePlanFires() throws Exception {
        open("/");
        accept();
        for (EventSpec e : plan.events()) {
            if (e.trigger().kind() != TriggerKind.VISIT) {
                continue;
            }
            int matched = 0;
            for (String page : pages) {
                if (!Glob.compile(e.trigger().value()).matches(page) || !allowed(e, page)) {
                    continue;
                }
                matched++;
                server.clear();
                open(page);
                List<JsonNode> calls = awaitTracks(e, 1);
                assertThat(calls).as("%s on %s", e.name(), page).hasSize(1);
                assertValid(e, calls.get(0));
                assertThat(calls.get(0).path("properties").path("post_path").asText()).isEqualTo(page);
            }
            assertThat(matched).as("%s matches a page", e.name()).isPositive();
        }
    }

    @Test
    void devServerInspectorShowsTheClickedEvent() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        TrackplanConfig c = new TrackplanConfig(project, project.resolve("src/main/tracking/events"), project.resolve("src/main/tracking/trackplan.lock.json"),
                project.resolve("src/main/tracking/templates"), project.resolve("src/main/site/pages"),
                project.resolve("src/main/site/layouts"), project.resolve("src/main/site/assets"),
                project.resolve("target/serve-site"), project.resolve("target/serve-work"),
                project.resolve("target/serve-reports"), HUB, "na1", "banner", true, true,
                "https://www.acme-analytics.example", "Acme Analytics", true, false,
                true, Duration.ofSeconds(10), "it");
        try (DevServer dev = new DevServer(c, 0, line -> { })) {
            dev.start();
            driver.get(dev.url() + "pricing/");
            driver.findElement(By.cssSelector("#trackplan-inspector [data-inspector=accept]")).click();
            WebElement cta = driver.findElement(By.cssSelector("a.plan-cta[data-plan=pro]"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", cta);
            cta.click();
            // the inspector redraws its list on every change: read the row's text and problems in one script
            String row = "#trackplan-inspector li[data-event='pe" + HUB + "_pricing_cta_clicked']";
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Object seen = null;
            while (System.nanoTime() < until && seen == null) {
                Thread.sleep(100);
                seen = ((JavascriptExecutor) driver).executeScript("var li = document.querySelector(arguments[0]);"
                        + " return li ? [li.innerText, li.querySelectorAll('.tp-problem').length] : null;", row);
            }
            assertThat(seen).as("the click is listed in the inspector").isNotNull();
            List<?> found = (List<?>) seen;
            assertThat((String) found.get(0)).contains("Pricing CTA clicked").contains("\"price\": 49");
            assertThat(((Number) found.get(1)).intValue()).as("problems shown for the click").isZero();
            shoot("inspector");
        }
    }

    @Test
    void devServerOverlayIsReadableAndTheInspectorKeepsClearOfTheBanner() throws Exception {
        Path project = Files.createTempDirectory(Files.createDirectories(Path.of("target", "overlay-projects")), "project")
                .toAbsolutePath();
        copyTree(Path.of("src/main"), project.resolve("src/main"));
        TrackplanConfig c = new TrackplanConfig(project, project.resolve("src/main/tracking/events"),
                project.resolve("src/main/tracking/trackplan.lock.json"),
                project.resolve("src/main/tracking/templates"), project.resolve("src/main/site/pages"),
                project.resolve("src/main/site/layouts"), project.resolve("src/main/site/assets"),
                project.resolve("target/site"), project.resolve("target/work"), project.resolve("target/reports"), HUB,
                "na1", "banner", true, true, "https://www.acme-analytics.example", "Acme Analytics", true, false, true, Duration.ofSeconds(10), "it");
        try (DevServer dev = new DevServer(c, 0, line -> { })) {
            dev.start();
            driver.get(dev.url() + "pricing/");
            // the banner is asking: the inspector says so, and does not cover its buttons
            assertThat(bannerShown()).isTrue();
            WebElement inspector = driver.findElement(By.id("trackplan-inspector"));
            String state = "";
            for (int i = 0; i < 50 && !state.contains("banner is asking"); i++) {
                Thread.sleep(100); // the inspector looks at the banner twice a second
                state = inspector.findElement(By.cssSelector(".tp-state")).getText();
            }
            assertThat(state).contains("banner is asking");
            for (WebElement b : driver.findElements(By.cssSelector("[data-trackplan-consent]"))) {
                assertThat(overlaps(inspector, b)).as("inspector covers %s", b.getText()).isFalse();
            }
            shoot("inspector-and-banner");

            // a YAML mistake: the overlay tells it in plain words, over the page, readable
            Path spec = project.resolve("src/main/tracking/events/pricing.yaml");
            Files.writeString(spec, Files.readString(spec).replace("label: Pricing CTA clicked",
                    "label: \"Pricing CTA clicked"));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String text = "";
            while (System.nanoTime() < until && !text.contains("never closed")) {
                Thread.sleep(200);
                Object t = ((JavascriptExecutor) driver).executeScript("var o = document.getElementById('trackplan-overlay');"
                        + " return o && o.shadowRoot ? o.shadowRoot.textContent : '';");
                text = t == null ? "" : t.toString();
            }
            assertThat(text).contains("pricing.yaml:[4,12] TP001").contains("a quote opened here is never closed")
                    .contains("label: \"Pricing CTA clicked").contains("^");
            Object colours = ((JavascriptExecutor) driver).executeScript("var r = document.getElementById("
                    + "'trackplan-overlay').shadowRoot; var m = r.querySelector('.tp-msg'), c = r.querySelector('.tp-card');"
                    + " return [getComputedStyle(m).color, getComputedStyle(c).backgroundColor, getComputedStyle(m).whiteSpace,"
                    + " c.scrollWidth <= c.clientWidth];");
            assertThat(colours.toString()).as("dark text on white, wrapping, no sideways scrolling")
                    .isEqualTo("[rgb(26, 26, 26), rgb(255, 255, 255), pre-wrap, true]");
            shoot("overlay");
        }
    }

    static boolean overlaps(WebElement a, WebElement b) {
        var ra = a.getRect();
        var rb = b.getRect();
        return ra.x < rb.x + rb.width && rb.x < ra.x + ra.width && ra.y < rb.y + rb.height && rb.y < ra.y + ra.height;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void doNotTrackSendsNothingAndTellsHubSpot() throws Exception {
        driver.quit();
        driver = browser(true);
        open("/pricing/");
        accept();
        driver.findElement(By.cssSelector("a.plan-cta[data-plan=basic]")).click();
        Thread.sleep(500);
        assertThat(tracks(a -> true)).as("nothing with Do Not Track").isEmpty();
        assertThat(server.commands()).anyMatch(c -> c.path("command").path(0).asText().equals("doNotTrack"));
    }

    @Test
    void analyticsDeclinedButAdvertisementAcceptedSendsNothing() throws Exception {
        open("/pricing/");
        assertThat(bannerShown()).isTrue();
        List<WebElement> boxes = driver.findElements(By.cssSelector("[data-trackplan-banner] [data-trackplan-category]"));
        assertThat(boxes).extracting(b -> b.getAttribute("data-trackplan-category"))
                .containsExactly("analytics", "advertisement", "functionality");
        assertThat(boxes).noneMatch(WebElement::isSelected);
        driver.findElement(By.cssSelector("[data-trackplan-category=advertisement]")).click();
        shoot("pricing-banner-categories");
        driver.findElement(By.cssSelector("[data-trackplan-consent=save]")).click();
        assertThat(bannerShown()).isFalse();
        driver.findElement(By.cssSelector("a.plan-cta[data-plan=pro]")).click();
        open("/");
        driver.findElement(By.cssSelector("[data-track=signup][data-location=hero]")).click();
        Thread.sleep(500);
        assertThat(tracks(a -> true)).as("nothing without the analytics category").isEmpty();
        assertThat(hsp("setHubSpotConsent")).as("handed over on every page view").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> {
                    assertThat(c.path(1).path("analytics").asBoolean(true)).isFalse();
                    assertThat(c.path(1).path("advertisement").asBoolean(false)).isTrue();
                    assertThat(c.path(1).path("functionality").asBoolean(true)).isFalse();
                });
    }

    @Test
    void aWithdrawalStopsSendingAtOnceAndRevokesHubSpotsCookies() throws Exception {
        open("/pricing/");
        accept();
        EventSpec cta = plan.event("pricing_cta_clicked");
        WebElement pro = driver.findElement(By.cssSelector("a.plan-cta[data-plan=pro]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", pro);
        pro.click();
        assertThat(awaitTracks(cta, 1)).hasSize(1);
        open("/pricing/");
        WebElement settings = driver.findElement(By.cssSelector("footer [data-trackplan-consent=settings]"));
        assertThat(settings.getText()).isEqualTo("Cookie settings");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", settings);
        settings.click();
        assertThat(bannerShown()).as("Cookie settings reopens the banner").isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-trackplan-category=analytics]")).isSelected())
                .as("showing the current choice").isTrue();
        shoot("pricing-cookie-settings");
        server.clear();
        decline();
        Thread.sleep(300);
        assertThat(hsp("revokeCookieConsent")).as("the withdrawal is handed to HubSpot").hasSize(1);
        pro = driver.findElement(By.cssSelector("a.plan-cta[data-plan=pro]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", pro);
        pro.click();
        open("/pricing/");
        assertThat(bannerShown()).as("the withdrawal is remembered").isFalse();
        Thread.sleep(500);
        assertThat(tracks(a -> true)).as("nothing after the withdrawal, on this page or the next").isEmpty();
    }

    @Test
    void globalPrivacyControlSendsNothingAndTellsHubSpot() throws Exception {
        driver.quit();
        driver = gpcBrowser();
        open("/pricing/");
        assertThat(((JavascriptExecutor) driver).executeScript("return navigator.globalPrivacyControl")).isEqualTo(true);
        accept();
        driver.findElement(By.cssSelector("a.plan-cta[data-plan=basic]")).click();
        Thread.sleep(500);
        assertThat(tracks(a -> true)).as("nothing with Global Privacy Control").isEmpty();
        assertThat(server.commands()).anyMatch(c -> c.path("command").path(0).asText().equals("doNotTrack"));
    }
}
