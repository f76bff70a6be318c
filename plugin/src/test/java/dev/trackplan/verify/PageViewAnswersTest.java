package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.js.JsEngine;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DOM shim asks the host a question once per page view while its answer cannot change (a
 * node's type and parent, a selector's validity; which element a selector matches until an
 * attribute changes), so a page view's record of questions stays short; the answers the page sees
 * are the same as when it asked every time, and pages that answer differently are still told apart.
 */
class PageViewAnswersTest {
    static final Duration T = Duration.ofSeconds(30);
    static JsEngine engine;

    @BeforeAll
    static void start() {
        engine = new JsEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static BrowserSession session(String body) {
        return new BrowserSession(engine, Jsoup.parse("<html><head><title>T</title></head><body>" + body + "</body></html>"),
                "https://www.acme.example/a/", false, T);
    }

    static long asked(BrowserSession s, String method) {
        return s.trace().stream().filter(q -> q.method().equals(method)).count();
    }

    @Test
    void anAnswerIsAskedAgainOnlyAfterThePageChangedAnAttribute() {
        try (BrowserSession s = session("<p><a class=cta>Go</a></p>")) {
            s.eval("""
                    var a = document.querySelector('a.cta');
                    console.log(String(a.closest('p.hot')), a.nodeType, a.nodeType, a.parentNode === a.parentNode);
                    console.log(String(a.closest('p.hot')), a.matches('p.hot a'));
                    a.parentNode.setAttribute('class', 'hot');
                    console.log(a.closest('p.hot') === a.parentNode, a.matches('p.hot a'));
                    a.parentNode.removeAttribute('class');
                    console.log(String(a.closest('p.hot')), a.matches('p.hot a'));
                    """);
            assertThat(s.console()).isEqualTo("null 1 1 true\nnull false\ntrue true\nnull false\n");
            assertThat(asked(s, "closest")).as("once, then again after each change").isEqualTo(3);
            assertThat(asked(s, "matches")).isEqualTo(3);
            assertThat(asked(s, "nodeType")).isEqualTo(1);
            assertThat(asked(s, "parent")).isEqualTo(1);
            assertThat(s.trace().stream().filter(q -> q.method().equals("selectorError")
                    && q.args().equals(List.of("p.hot"))).count()).isEqualTo(1);
        }
    }

    @Test
    void anInvalidSelectorThrowsEveryTime() {
        try (BrowserSession s = session("<p><a class=cta>Go</a></p>")) {
            s.eval("""
                    var a = document.querySelector('a.cta'), n = 0;
                    for (var i = 0; i < 3; i++) { try { a.closest('p:contains(x)'); } catch (e) { if (e instanceof SyntaxError) n++; } }
                    console.log(n);
                    """);
            assertThat(s.console()).isEqualTo("3\n");
        }
    }

    /** What a click event's code asks, twice (the second time from the shim's memory): the page's answers decide. */
    static List<DomStep> trace(String body) {
        try (BrowserSession s = session(body)) {
            s.eval("""
                    var a = document.querySelector('a.cta');
                    for (var i = 0; i < 2; i++) if (a.closest('p.hot')) a.getAttribute('data-plan');
                    """);
            return List.copyOf(s.trace());
        }
    }

    @Test
    void pagesThatAnswerARememberedQuestionDifferentlyAreNotShared() {
        Situations seen = new Situations();
        seen.remember("k", trace("<p class=hot><a class=cta data-plan=pro>Go</a></p><p>one</p>"));
        try (BrowserSession other = session("<p><a class=cta data-plan=pro>Go</a></p><p>one</p>")) {
            assertThat(seen.seenBefore("k", new HostDom(other.page(), "https://www.acme.example/a/",
                    dev.trackplan.css.Deadline.after(T)))).as("not in p.hot").isFalse();
        }
        try (BrowserSession same = session("<p class=hot><a class=cta data-plan=pro>Go</a></p><p>two</p>")) {
            assertThat(seen.seenBefore("k", new HostDom(same.page(), "https://www.acme.example/b/",
                    dev.trackplan.css.Deadline.after(T)))).as("only unread text and address differ").isTrue();
        }
    }

    @Test
    void aListenerIsRegisteredOncePerPhaseAndCanBeRegisteredAgainAfterRemoval() {
        try (BrowserSession s = session("<a class=cta>Go</a>")) {
            s.eval("""
                    var n = 0, a = document.querySelector('a.cta');
                    function f() { n++; }
                    var o = { handleEvent: function () { n += 10; } };
                    document.addEventListener('click', f);
                    document.addEventListener('click', f);
                    document.addEventListener('click', f, true);
                    document.addEventListener('click', o);
                    document.addEventListener('click', o);
                    a.click();
                    console.log(n);
                    document.removeEventListener('click', f);
                    a.click();
                    console.log(n);
                    document.addEventListener('click', f);
                    document.addEventListener('click', f);
                    a.click();
                    console.log(n);
                    """);
            assertThat(s.console()).isEqualTo("12\n23\n35\n");
        }
    }
}
