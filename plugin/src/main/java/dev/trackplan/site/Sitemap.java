package dev.trackplan.site;

import java.util.List;
import org.jsoup.nodes.Entities;

/** sitemap.xml and robots.txt. */
final class Sitemap {
    private Sitemap() {}

    /** @param lastmods the last change of a page by URL (RFC 3339), where its dates tell */
    static String xml(String baseUrl, List<GeneratedSite.HtmlPage> pages, java.util.Map<String, String> lastmods) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        pages.stream().map(GeneratedSite.HtmlPage::url).filter(u -> !u.endsWith(".html")).sorted().forEach(u -> {
            sb.append("  <url><loc>").append(Entities.escape(baseUrl + u)).append("</loc>");
            String lastmod = lastmods.get(u);
            if (lastmod != null && !lastmod.isEmpty()) {
                sb.append("<lastmod>").append(lastmod).append("</lastmod>");
            }
            sb.append("</url>\n");
        });
        return sb.append("</urlset>\n").toString();
    }

    static String robots(String baseUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + "/sitemap.xml\n";
    }
}
