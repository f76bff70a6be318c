package dev.trackplan.site;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.io.FileRules;
import dev.trackplan.io.ProjectFiles;
import dev.trackplan.yaml.YamlNode;
import dev.trackplan.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the pages folder: Markdown ({@code .md}) and HTML ({@code .html}) files, each with an
 * optional YAML front matter between {@code ---} lines. Pretty URLs: {@code about.md} is
 * {@code /about/}, {@code pricing/index.html} is {@code /pricing/}, {@code index.md} is {@code /}.
 */
public final class PageLoader {
    private final YamlReader yaml = new YamlReader();
    private final Path displayBase;
    private final Set<String> unbuilt = new java.util.concurrent.ConcurrentSkipListSet<>(); // pages load on all cores
    private Cache cache;

    /**
     * Pages read by an earlier build from the same bytes ({@code dev.trackplan.incremental}): a page
     * it has is not read or parsed again. Only pages read without any diagnostic are put there.
     */
    public interface Cache {
        /**
         * The page as read before from {@code file}'s current bytes, at the same path {@code rel}
         * under the pages folder and shown as {@code shown}, or null.
         */
        Page get(Path file, String rel, String shown);

        /** Keeps the page read from {@code file} without any diagnostic. */
        void put(Path file, String rel, String shown, Page page);
    }

    /** Reads pages through {@code cache} (null: none). */
    public PageLoader cache(Cache cache) {
        this.cache = cache;
        return this;
    }

    public PageLoader(Path displayBase) {
        this.displayBase = displayBase;
    }

    /**
     * The site files of pages that could not be read (unreadable, broken front matter): links to
     * them are not reported as broken on top of the page's own error.
     */
    public Set<String> unbuilt() {
        return unbuilt;
    }

    public List<Page> load(Path pagesDir, Diagnostics d) {
        List<Page> pages = new ArrayList<>();
        if (!Files.isDirectory(pagesDir)) {
            return pages;
        }
        ProjectFiles.Listing listing = new ProjectFiles(displayBase).walk(pagesDir,
                n -> n.endsWith(".md") || n.endsWith(".html"));
        for (ProjectFiles.Refused r : listing.refused()) {
            d.error(SourcePos.of(display(r.file())), FileRules.OUTSIDE_PROJECT, "page " + r.reason());
        }
        // pages whose URLs differ only in case or accents are one folder on macOS and Windows
        Map<String, Page> byUrl = new HashMap<>();
        // pages are read and parsed on all cores, each with its own diagnostics, merged in file order
        record Loaded(Page page, Diagnostics diagnostics) {}
        List<Loaded> loaded = listing.files().parallelStream().map(f -> {
            Diagnostics own = new Diagnostics();
            String shown = cache == null ? null : display(f);
            String rel = cache == null ? null : pagesDir.relativize(f).toString().replace('\\', '/');
            Page kept = cache == null ? null : cache.get(f, rel, shown);
            if (kept != null) {
                return new Loaded(kept, own);
            }
            Page p = page(pagesDir, f, own);
            if (cache != null && p != null && own.sorted().isEmpty()) {
                cache.put(f, rel, shown, p);
            }
            return new Loaded(p, own);
        }).toList();
        for (Loaded l : loaded) {
            d.addAll(l.diagnostics().sorted());
            Page p = l.page();
            if (p == null) {
                continue;
            }
            String key = Normalizer.normalize(p.url(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            Page twin = byUrl.putIfAbsent(key, p);
            if (twin != null) {
                d.error(SourcePos.of(p.source()), SiteRules.DUPLICATE_URL, "page has the URL " + p.url()
                        + (twin.url().equals(p.url()) ? ", the same as " : ", which differs only in upper/lower "
                        + "case or accents from " + twin.url() + " of ") + twin.source() + "; rename one of them");
                continue;
            }
            pages.add(p);
        }
        return pages;
    }

    Page page(Path pagesDir, Path file, Diagnostics d) {
        String shown = display(file);
        String rel = pagesDir.relativize(file).toString().replace('\\', '/');
        String stem = rel.substring(0, rel.lastIndexOf('.'));
        String url;
        if (stem.equals("index")) {
            url = "/";
        } else if (stem.endsWith("/index")) {
            url = "/" + stem.substring(0, stem.length() - "index".length());
        } else if (stem.equals("404")) {
            url = "/404.html";
        } else {
            url = "/" + stem + "/";
        }
        String output = url.equals("/404.html") ? "404.html" : url.substring(1) + "index.html";
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            d.error(SourcePos.of(shown), SiteRules.FRONT_MATTER_VALUE, "cannot read page: " + e.getMessage());
            unbuilt.add(output);
            return null;
        }
        text = text.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String badName = badPageName(rel);
        if (badName != null) {
            d.error(SourcePos.of(shown), SiteRules.PAGE_NAME, "page file name " + badName + "; rename the file");
            return null;
        }
        boolean markdown = rel.endsWith(".md");
        Map<String, YamlNode.Entry> fm = Map.of();
        String body = text;
        int bodyLine = 1;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---\n", 3);
            int endAlt = text.endsWith("\n---") ? text.length() - 4 : -1;
            if (end < 0 && endAlt < 0) {
                d.error(new SourcePos(shown, 1, 1), SiteRules.FRONT_MATTER_UNCLOSED, "front matter starts with '---' "
                        + "but has no closing '---' line");
                unbuilt.add(output);
                return null;
            }
            int close = end >= 0 ? end : endAlt;
            String yamlText = text.substring(4, close + 1);
            body = end >= 0 ? text.substring(end + 5) : "";
            bodyLine = (int) text.substring(0, Math.min(text.length(), close + 5)).chars().filter(c -> c == '\n').count() + 1;
            YamlReader.Result r = yaml.read(shown, yamlText.getBytes(StandardCharsets.UTF_8), 1);
            d.addAll(r.diagnostics());
            if (!r.ok()) {
                unbuilt.add(output);
                return null;
            }
            if (r.root() instanceof YamlNode.Mapping m) {
                fm = m.entries();
            } else if (r.root() != null && !(r.root() instanceof YamlNode.Scalar s && s.isNull())) {
                d.error(r.root().pos(), SiteRules.FRONT_MATTER_VALUE, "front matter must be a map of keys like "
                        + "title: and description:");
                unbuilt.add(output);
                return null;
            }
        }
        FrontMatter f = new FrontMatter(fm, d);
        String title = f.text("title");
        String description = f.text("description");
        String layout = f.text("layout");
        if (layout != null && ProjectFiles.badName(layout + ".html.mustache") != null) {
            d.error(f.pos("layout"), SiteRules.LAYOUT, "layout '" + ProjectFiles.printable(layout)
                    + "' " + ProjectFiles.badName(layout + ".html.mustache") + " (a layout is a file name in "
                    + "src/main/site/layouts/, without .html.mustache)");
            layout = null; // reported; the page is still built with the default layout
        }
        Boolean draft = f.bool("draft");
        String date = f.date("date");
        Integer weight = f.integer("weight", Integer.MIN_VALUE);
        Page.Extras extras = extras(f, d);
        // a mistaken key or value is reported and the page still builds with the default, so the
        // rest of the site (links, verification) is checked in the same build
        if (title == null) {
            title = defaultTitle(stem);
        }
        return new Page(shown, url, output, title, description, layout, Boolean.TRUE.equals(draft), date,
                weight == null ? 0 : weight, body, markdown, new SourcePos(shown, bodyLine, 1), extras);
    }

    private static Page.Extras extras(FrontMatter f, Diagnostics d) {
        String image = f.text("image");
        List<Page.Located> tagList = f.list("tags");
        for (Page.Located t : tagList) {
            if (Tags.slug(t.value()).isEmpty()) {
                d.error(t.pos(), SiteRules.FRONT_MATTER_VALUE, "tag '" + t.value() + "' has no letter or digit to "
                        + "make its address /tags/<slug>/ from");
            }
        }
        // a reported tag is left out, so the page still builds
        List<String> tags = tagList.stream().map(Page.Located::value).filter(t -> !Tags.slug(t).isEmpty())
                .distinct().toList();
        return new Page.Extras(f.text("summary"), image == null ? null : new Page.Located(image, f.pos("image")), tags,
                f.anyMap("params"), f.textMap("meta"), f.list("aliases"), f.bool("nav"), f.integer("menu",
                Integer.MIN_VALUE), f.date("lastmod"), f.date("publishDate"), f.date("expiryDate"),
                f.integer("paginate", 1));
    }

    /**
     * Why a page's path under pages/ cannot become a URL, or null. Each part of the name becomes a
     * URL segment and a folder of the site, so {@code ...md} (the folder {@code ..}) would be
     * written outside the site and {@code x/..md} onto {@code x/}.
     */
    static String badPageName(String rel) {
        String stem = rel.substring(0, rel.lastIndexOf('.'));
        for (String seg : stem.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.endsWith(".")) {
                return "'" + rel + "' has a part that is empty or ends with '.' (no URL can be made of it)";
            }
        }
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '?' || c == '#' || c == '%' || c == '\\' || Character.isSurrogate(c)) {
                return "'" + ProjectFiles.printable(rel) + "' contains '" + ProjectFiles.printable(String.valueOf(c))
                        + "', which cannot be part of a page URL";
            }
        }
        return null;
    }

    private static String defaultTitle(String stem) {
        String last = stem.endsWith("/index") ? stem.substring(0, stem.length() - 6) : stem;
        last = last.substring(last.lastIndexOf('/') + 1);
        if (last.equals("index") || last.isEmpty()) {
            return "Home";
        }
        String words = last.replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public String display(Path p) {
        return dev.trackplan.io.DisplayPaths.of(displayBase, p);
    }
}
