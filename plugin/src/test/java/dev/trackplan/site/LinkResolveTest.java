package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcut for plain site-absolute links resolves them exactly as the URI resolution does. */
class LinkResolveTest {
    private static String byUri(String pageUrl, String ref) throws Exception {
        URI u = new URI(ref);
        return u.getScheme() != null || u.getAuthority() != null ? null
                : new URI("http", "site", pageUrl, null).resolve(u).getPath();
    }

    @Test
    void plainAbsolutePathsResolveToThemselvesAsTheUriDoes() throws Exception {
        for (String ref : List.of("/", "/posts/", "/posts/post-1/", "/a.b/c~d_e-f", "/style.css", "/x/..y/", "/x/y..",
                "/.well-known/a", "/A/B/")) {
            assertThat(LinkChecker.plainAbsolutePath(ref)).as(ref).isTrue();
            for (String page : List.of("/", "/posts/post-1/", "/404.html")) {
                assertThat(LinkChecker.resolve(page, ref)).as(ref).isEqualTo(byUri(page, ref)).isEqualTo(ref);
            }
        }
    }

    @Test
    void everythingElseTakesTheUriPath() throws Exception {
        for (String ref : List.of("/a/../b/", "/a/./b", "/a/.", "/a/..", "/a//b", "/a%20b/", "/a?b", "/a#b", "/a b",
                "/ä/", "a/b", "../x", "", "//host/x")) {
            assertThat(LinkChecker.plainAbsolutePath(ref)).as(ref).isFalse();
        }
        assertThat(LinkChecker.resolve("/posts/post-1/", "/a/../b/")).isEqualTo(byUri("/posts/post-1/", "/a/../b/"));
        assertThat(LinkChecker.resolve("/posts/post-1/", "../x")).isEqualTo("/posts/x");
        assertThat(LinkChecker.resolve("/posts/post-1/", "/a%20b/")).isEqualTo("/a b/");
    }
}
