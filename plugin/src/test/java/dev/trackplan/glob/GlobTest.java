package dev.trackplan.glob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Globs match as their regular expression does (the one the browser runs), without backtracking. */
class GlobTest {
    static final List<String> GLOBS = List.of("/", "/pricing/**", "/blog/*/", "/blog/**/comments/", "/a?c/",
            "/{about,team}/", "/docs/**", "/**", "/*.html", "/x/{a,b*}/**/y/", "/**/z/", "/*/*/");
    static final List<String> PATHS = List.of("/", "/pricing/", "/pricing/team/", "/pricing", "/blog/post/",
            "/blog/a/b/", "/blog/comments/", "/blog/x/y/comments/", "/abc/", "/a/c/", "/about/", "/team/",
            "/docs/a/b/c.html", "/404.html", "/x/a/y/", "/x/bbb/q/r/y/", "/z/", "/q/z/", "/q/r/", "/a?c/", "/a#/",
            "/pricing/?x=1", "");

    @Test
    void agreesWithTheBrowsersRegex() throws Exception {
        for (String g : GLOBS) {
            Glob glob = Glob.compile(g);
            Pattern re = Pattern.compile(glob.regex());
            for (String p : PATHS) {
                assertThat(glob.matches(p)).as("%s on %s", g, p).isEqualTo(re.matcher(p).matches());
            }
        }
    }

    /** java.util.regex backtracks exponentially here (hours); the matcher takes steps proportional to the sizes. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a speed assertion
    void pathologicalGlobDoesNotBacktrack() throws Exception {
        Glob g = Glob.compile("/" + "*a".repeat(12) + "*b/");
        assertThat(g.matches("/" + "a".repeat(5_000) + "/")).isFalse();
        assertThat(g.matches("/" + "a".repeat(12) + "b/")).isTrue();
    }

    @Test
    void limitsSizeAndAlternatives() {
        assertThatThrownBy(() -> Glob.compile("/" + "a".repeat(1100))).hasMessageContaining("over the limit of 1024");
        assertThatThrownBy(() -> Glob.compile("/" + "{a,b}".repeat(9))).hasMessageContaining("more than 256 alternatives");
    }
}
