package dev.trackplan.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.site.ContentFacts;
import dev.trackplan.site.PageLink;
import dev.trackplan.site.RenderCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFilesTest {
    @Test
    void keysTellValuesApartThatPrintAlike() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", "A, description=B");
        a.put("description", "C");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("title", "A");
        b.put("description", "B, description=C");
        assertThat(a.toString()).hasSameSizeAs(b.toString());
        assertThat(Canonical.hash(a)).isNotEqualTo(Canonical.hash(b));
        assertThat(Canonical.hash(List.of("ab", "c"))).isNotEqualTo(Canonical.hash(List.of("a", "bc")));
        assertThat(Canonical.hash("1")).isNotEqualTo(Canonical.hash(1));
        assertThat(Canonical.hash(a)).isEqualTo(Canonical.hash(new LinkedHashMap<>(a)));
    }

    @Test
    void entriesSurviveAndOnlyTheirOwnHeaderReadsThem(@TempDir Path dir) throws Exception {
        Shards s = new Shards(dir, "x", "h1");
        s.put("a", "one".getBytes(StandardCharsets.UTF_8));
        s.put("b", new byte[0]);
        s.save();
        assertThat(new Shards(dir, "x", "h1").get("a")).asString(StandardCharsets.UTF_8).isEqualTo("one");
        assertThat(new Shards(dir, "x", "h1").get("b")).isEmpty();
        assertThat(new Shards(dir, "x", "h2").get("a")).as("another identity or layouts").isNull();
        Shards again = new Shards(dir, "x", "h1");
        again.retain(Set.of("b"));
        again.save();
        assertThat(new Shards(dir, "x", "h1").all()).containsOnlyKeys("b");
    }

    @Test
    void aTruncatedShardReadsAsEmpty(@TempDir Path dir) throws Exception {
        Shards s = new Shards(dir, "x", "h");
        s.put("a", "one".getBytes(StandardCharsets.UTF_8));
        s.save();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                byte[] b = Files.readAllBytes(f);
                Files.write(f, java.util.Arrays.copyOf(b, b.length - 3));
            }
        }
        assertThat(new Shards(dir, "x", "h").get("a")).isNull();
    }

    @Test
    void pagesFactsAndVerificationsRoundTrip() {
        RenderCache.Entry e = new RenderCache.Entry("k", "<html>é</html>", List.of(new PageLink("a", "/x/", "X")), "p",
                List.of("e1", "e2"));
        assertThat(BuildCache.decodePage(BuildCache.encodePage(e))).isEqualTo(e);
        ContentFacts f = new ContentFacts("<p>x</p>", true, "x");
        assertThat(BuildCache.decodeFacts(BuildCache.encodeFacts(f))).isEqualTo(f);
        BuildCache.Verified v = new BuildCache.Verified("k", Map.of("e1", Set.of("a", "b")));
        assertThat(BuildCache.decodeVerified(BuildCache.encodeVerified(v))).isEqualTo(v);
        byte[] cut = java.util.Arrays.copyOf(BuildCache.encodePage(e), 10);
        assertThat(BuildCache.decodePage(cut)).isNull();
    }

    @Test
    void aParsedPageRoundTripsWithItsWholeFrontMatterAndOnlyForItsOwnBytesAndPath() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("hero", true);
        params.put("cta", new LinkedHashMap<>(Map.of("label", "Try")));
        params.put("list", List.of("a", "b"));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("author", "Dana");
        meta.put("og:locale", "de_DE");
        dev.trackplan.diag.SourcePos at = new dev.trackplan.diag.SourcePos("pages/a.md", 3, 7);
        dev.trackplan.site.Page p = new dev.trackplan.site.Page("pages/a.md", "/a/", "a/index.html", "Ä title", null,
                "wide", false, "2026-01-02", -5, "Body é\n", true, at, new dev.trackplan.site.Page.Extras("Sum",
                new dev.trackplan.site.Page.Located("/i.png", at), List.of("T1", "T2"), params, meta,
                List.of(new dev.trackplan.site.Page.Located("/old/", at)), Boolean.FALSE, 3, "2026-01-03", null, null, 4));
        byte[] b = ParsedPages.encode("h", "pages/a.md", p);
        assertThat(ParsedPages.decode(b, "h", "pages/a.md")).isEqualTo(p);
        assertThat(ParsedPages.decode(b, "other", "pages/a.md")).as("other bytes").isNull();
        assertThat(ParsedPages.decode(b, "h", "elsewhere/a.md")).as("shown elsewhere").isNull();
        assertThat(ParsedPages.decode(java.util.Arrays.copyOf(b, b.length - 2), "h", "pages/a.md")).isNull();
        dev.trackplan.site.Page plain = new dev.trackplan.site.Page("b.md", "/b/", "b/index.html", "B", null, null, true,
                null, 0, "", false, at, null);
        assertThat(ParsedPages.decode(ParsedPages.encode("h", "b.md", plain), "h", "b.md")).isEqualTo(plain);
    }
}
