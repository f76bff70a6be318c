package dev.trackplan.css;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Selectors are the CSS both browsers and jsoup take alike, and matching them is bounded. */
class BrowserSelectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"a.plan-cta", "form#signup", "[data-plan]", "[data-plan=\"pro\"]", "a[href^='/pricing']",
            "a[href$=\".pdf\"]", "a[title*=go]", "nav > a:not(.active)", "li:nth-child(2n+1)", "li:nth-of-type(odd)",
            "tr:nth-last-child(-n+3)", "div:has(> a.cta)", "section:is(.a, .b) p", "h2 + p", "h2 ~ p", "*",
            "a, button", ":root", "p:empty", "ul li:first-child", "a.\\31 0x", "[data-x=_a]"})
    void acceptsTheSharedSubset(String css) {
        assertThat(BrowserSelector.problem(css)).as(css).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "a:contains(Buy)¦':contains' is a jsoup extension",
            "a:containsOwn(Buy)¦':containsOwn' is a jsoup extension",
            "a:matches(^Buy$)¦':matches' is a jsoup extension",
            "li:eq(2)¦':eq' is a jsoup extension",
            "[x~=^(a+){2,60}$]¦'~=' means a regular expression to jsoup",
            "a[data-plan!=pro]¦'!=' is a jsoup extension",
            "[^data-]¦jsoup extension",
            "> a¦cannot start with '>'",
            "p::text¦'::' pseudo-elements",
            "a:hover¦not a pseudo-class supported by both",
            "div:has(a:has(b))¦':has()' inside ':has()'",
            "svg|rect¦namespaces",
            "[x=a i]¦attribute flags",
            "a[href¦is never closed",
            "1abc¦unexpected '1'",
            "a.¦expected class name",
            "a:nth-child(foo)¦is not an+b"})
    void refusesWhatBrowsersOrJsoupTakeDifferently(String css, String message) {
        assertThat(BrowserSelector.problem(css)).as(css).contains(message);
    }

    @Test
    void locatesTheCharacterAtFault() {
        assertThatThrownBy(() -> BrowserSelector.parse("nav a:contains(Buy)"))
                .isInstanceOfSatisfying(BrowserSelector.InvalidSelectorException.class,
                        e -> assertThat(e.index()).isEqualTo(5))
                .hasMessageContaining("(at character 6)");
    }

    /** jsoup parses a long selector in quadratic time: minutes for this one. Refused by its size first. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a speed assertion
    void hugeSelectorIsRefusedBySizeNotParsed() {
        String huge = "a" + ", a.x".repeat(120_000);
        assertThat(huge.length()).isGreaterThan(600_000);
        assertThat(BrowserSelector.problem(huge)).contains("over the limit of 1024");
    }

    @Test
    void matchingStopsAtTheDeadline() throws Exception {
        Document doc = Jsoup.parse("<div><a class=cta>x</a></div>".repeat(100));
        BrowserSelector s = BrowserSelector.parse("div:has(a.cta)");
        assertThat(s.select(doc, Deadline.after(Duration.ofMinutes(1)))).hasSize(100);
        Deadline gone = Deadline.after(Duration.ZERO);
        assertThatThrownBy(() -> s.select(doc, gone)).isInstanceOf(Deadline.Exceeded.class);
        assertThatThrownBy(() -> s.closest(doc.selectFirst("a"), gone)).isInstanceOf(Deadline.Exceeded.class);
        assertThatThrownBy(() -> s.matches(doc.selectFirst("div"), gone)).isInstanceOf(Deadline.Exceeded.class);
    }

    @Test
    void matchesAsTheBrowserWould() throws Exception {
        Document doc = Jsoup.parse("<main><p><a class=cta id=one>x</a></p><a id=two></a></main>");
        assertThat(BrowserSelector.parse("p a.cta").first(doc, Deadline.NONE).id()).isEqualTo("one");
        assertThat(BrowserSelector.parse("p").closest(doc.getElementById("one"), Deadline.NONE).tagName()).isEqualTo("p");
        assertThat(BrowserSelector.parse("main > a").matches(doc.getElementById("two"), Deadline.NONE)).isTrue();
    }
}
