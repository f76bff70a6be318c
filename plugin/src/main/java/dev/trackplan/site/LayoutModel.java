package dev.trackplan.site;

import dev.trackplan.bundle.Bundle;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a layout sees (README, "Layouts"): {@code site}, {@code page}, {@code nav},
 * {@code list} and {@code tracking}. Built from strings and maps only, so equal pages give equal
 * models and the rendering stays deterministic.
 */
final class LayoutModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private final SiteSettings settings;
    private final Map<String, Object> site;
    private final Map<String, Object> tracking;
    private final List<Map<String, Object>> nav;

    /**
     * @param logoUrl the logo's site path or null
     * @param cssUrl  the stylesheet's site path
     * @param feedUrl the site-wide feed's path or null
     * @param tagsUrl "/tags/" when the site has tags, else null
     */
    LayoutModel(SiteSettings settings, Bundle bundle, List<Map<String, Object>> nav, String logoUrl, String cssUrl,
            String feedUrl, String tagsUrl) {
        this.settings = settings;
        this.nav = nav;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", settings.siteTitle());
        s.put("baseUrl", settings.baseUrl());
        s.put("lang", settings.options().lang());
        s.put("logo", logoUrl == null ? "" : logoUrl);
        s.put("css", cssUrl);
        s.put("feed", feedUrl == null ? "" : feedUrl);
        s.put("tags", tagsUrl == null ? "" : tagsUrl);
        this.site = Map.copyOf(s);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("loaderSrc", settings.loaderSrc());
        t.put("bundleSrc", bundle == null ? "" : bundle.url());
        t.put("banner", settings.banner());
        t.put("planPage", settings.trackingPlan());
        this.tracking = Map.copyOf(t);
    }

    Map<String, Object> of(PageView v) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("page", page(v));
        model.put("nav", marked(v.url()));
        model.put("list", v.list());
        model.put("tracking", tracking);
        return model;
    }

    private Map<String, Object> page(PageView v) {
        Map<String, Object> page = new LinkedHashMap<>();
        String description = first(v.description(), v.summary());
        String image = v.image() == null ? "" : absoluteImage(v.image());
        page.put("kind", v.kind());
        page.put("title", v.title());
        page.put("description", description);
        page.put("summary", first(v.summary(), v.description()));
        page.put("url", v.url());
        page.put("permalink", settings.absolute(v.url()));
        page.put("date", day(v.date()));
        page.put("dateTime", instant(v.date()));
        page.put("lastmod", instant(v.lastmod()));
        page.put("content", v.content());
        page.put("isHome", "/".equals(v.url()));
        page.put("ownH1", v.ownH1() || "/".equals(v.url()));
        page.put("image", image);
        page.put("ogType", v.date() != null ? "article" : "website");
        page.put("twitterCard", image.isEmpty() ? "summary" : "summary_large_image");
        page.put("tags", tagLinks(v.tags()));
        page.put("hasTags", !tagLinks(v.tags()).isEmpty());
        page.put("author", v.meta().getOrDefault("author", ""));
        page.put("params", v.params());
        List<Map<String, Object>> meta = new ArrayList<>();
        v.meta().forEach((name, content) -> meta.add(Map.of("name", name, "content", content,
                "property", name.contains(":"))));
        page.put("meta", meta);
        page.put("feed", v.feedUrl() == null ? "" : v.feedUrl());
        page.put("feedTitle", v.feedTitle() == null ? "" : v.feedTitle());
        return page;
    }

    static List<Map<String, Object>> tagLinks(List<String> tags) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String t : tags) {
            String slug = Tags.slug(t);
            if (!slug.isEmpty()) {
                out.add(Map.of("name", t, "url", "/tags/" + slug + "/"));
            }
        }
        return out;
    }

    private List<Map<String, Object>> marked(String url) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> n : nav) {
            Map<String, Object> copy = new LinkedHashMap<>(n);
            String nu = (String) n.get("url");
            copy.put("current", nu.equals(url) || (!"/".equals(nu) && url.startsWith(nu)));
            out.add(copy);
        }
        return out;
    }

    private String absoluteImage(String image) {
        return image.startsWith("http://") || image.startsWith("https://") ? image
                : settings.absolute(image.startsWith("/") ? image : "/" + image);
    }

    /** "2026-11-02" for any ISO 8601 date or date-time, in UTC. */
    static String day(String date) {
        Long ms = millis(date);
        return ms == null ? "" : DAY.format(Instant.ofEpochMilli(ms));
    }

    static String instant(String date) {
        Long ms = millis(date);
        return ms == null ? "" : AtomFeed.rfc3339(ms);
    }

    private static Long millis(String date) {
        if (date == null) {
            return null;
        }
        var v = dev.trackplan.model.Values.datetime(date);
        return v.isPresent() ? v.getAsLong() : null;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b == null ? "" : b;
    }
}
