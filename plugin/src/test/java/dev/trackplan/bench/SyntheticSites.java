package dev.trackplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Generates the synthetic inputs of the benchmarks: Markdown pages, event specs, Hugo sites. */
final class SyntheticSites {
    private SyntheticSites() {}

    static String markdownPage(int i) {
        return String.format(Locale.ROOT, """
                ---
                title: Post number %1$d
                description: A generated page for the benchmark, number %1$d.
                date: 2026-01-%2$02d
                ---
                Paragraph one of post %1$d. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do
                eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.

                Paragraph two with *emphasis*, **strong text** and a [link to the home page](/).
                Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.

                Paragraph three. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui
                officia deserunt mollit anim id est laborum.

                Paragraph four. Sed ut perspiciatis unde omnis iste natus error sit voluptatem.

                - first item of the list
                - second item, with `code`
                - third item

                ```
                mvn package
                echo "post %1$d"
                ```
                """, i, i % 28 + 1);
    }

    /** The project's pom.xml: the plugin's check and build goals, hub 42, a base URL. */
    static void writePom(Path root, String pluginVersion) throws IOException {
        Files.writeString(root.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>bench-site</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <name>Bench</name>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.trackplan</groupId>
                        <artifactId>trackplan-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration><hubId>42</hubId><baseUrl>https://bench.example</baseUrl></configuration>
                        <executions><execution><goals><goal>check</goal><goal>build</goal></goals></execution></executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(pluginVersion));
    }

    /** A Trackplan site project with {@code pages} Markdown posts and {@code events} click events. */
    static void trackplanProject(Path root, int pages, int events, String pluginVersion) throws IOException {
        trackplanProject(root, pages, events, pluginVersion, false);
    }

    /**
     * As above; {@code flat} puts every post at the top level ({@code /post-1/}), so each one is in
     * the navigation, instead of under {@code /posts/}.
     */
    static void trackplanProject(Path root, int pages, int events, String pluginVersion, boolean flat)
            throws IOException {
        Files.createDirectories(root);
        writePom(root, pluginVersion);
        Path pagesDir = root.resolve("src/main/site/pages");
        Files.createDirectories(pagesDir.resolve("posts"));
        StringBuilder home = new StringBuilder("---\ntitle: Home\n---\n# Home\n\n");
        for (int e = 0; e < Math.max(1, events); e++) {
            home.append("<a class=\"cta-").append(e).append("\" data-plan=\"pro\" data-price=\"").append(e)
                    .append("\" href=\"/\">Go ").append(e).append("</a>\n");
        }
        Files.writeString(pagesDir.resolve("index.md"), home.toString());
        for (int i = 0; i < pages; i++) {
            Files.writeString(pagesDir.resolve((flat ? "" : "posts/") + "post-" + i + ".md"), markdownPage(i));
        }
        writeSpecs(root.resolve("src/main/tracking/events"), events);
    }

    /** A click event whose element, the link to the home page in every post's text, is on every page. */
    static void everyPageEvent(Path root) throws IOException {
        Files.writeString(root.resolve("src/main/tracking/events/every-page.yaml"), """
                events:
                  home_link_clicked:
                    label: Home link clicked
                    description: A visitor clicked the link to the home page in a post.
                    trigger:
                      click: "main p a[href='/']"
                    properties:
                      link_text:
                        type: string
                        from: text
                      page_url:
                        type: string
                        from: url
                    examples:
                      - element: '<main><p><a href="/">link to the home page</a></p></main>'
                        expect: { link_text: link to the home page }
                """);
    }

    /**
     * A click event on the site's name in the header of every page (issue 14's case): its properties
     * come from the element, which is the same on every page, so every page is in the same situation.
     */
    static void headerLinkEvent(Path root) throws IOException {
        Files.writeString(root.resolve("src/main/tracking/events/header-link.yaml"), """
                events:
                  header_home_clicked:
                    label: Header home link clicked
                    description: A visitor clicked the site's name in the header to go to the home page.
                    trigger:
                      click: "header.site-header a.brand"
                    properties:
                      link_text:
                        type: string
                        from: text
                      link_href:
                        type: string
                        from: { attribute: href }
                    examples:
                      - element: '<header class="site-header"><a class="brand" href="/">Bench</a></header>'
                        expect: { link_text: Bench, link_href: / }
                """);
    }

    private static final String[] WORDS = {"pricing", "signup", "download", "video", "webinar", "contact",
        "newsletter", "demo", "trial", "partner", "careers", "support", "docs", "blog", "events"};

    /**
     * {@code count} click events in four shapes (enumeration/text, number/url, query/meta,
     * constant), each with an example; named and labelled from a word list so they differ the way
     * real events do.
     */
    static String specs(int count, String page) {
        StringBuilder sb = new StringBuilder("events:\n");
        for (int e = 0; e < count; e++) {
            String word = WORDS[e % WORDS.length];
            String word2 = WORDS[(e / WORDS.length) % WORDS.length];
            sb.append(String.format(Locale.ROOT, """
                      %2$s_%3$s_%1$d_clicked:
                        label: %4$s %3$s button %1$d clicked
                        description: A visitor clicked the %2$s button in the %3$s section (%1$d).
                        trigger:
                          click: "a.cta-%1$d"
                        properties:
                    """, e, word, word2, capitalize(word)));
            String element;
            String expect;
            switch (e % 4) {
                case 0 -> {
                    sb.append("""
                                  plan:
                                    type: enumeration
                                    options: { basic: Basic, pro: Pro, team: Team }
                                    from: { attribute: data-plan }
                                  cta_text:
                                    type: string
                                    from: text
                            """);
                    element = "<a class=\"cta-" + e + "\" data-plan=\"pro\">Go</a>";
                    expect = "{ plan: pro, cta_text: Go }";
                }
                case 1 -> {
                    sb.append("""
                                  price:
                                    type: number
                                    from: { attribute: data-price }
                                  page_url:
                                    type: string
                                    from: url
                            """);
                    element = "<a class=\"cta-" + e + "\" data-price=\"" + e + "\">Buy</a>";
                    expect = "{ price: " + e + " }";
                }
                case 2 -> {
                    sb.append("""
                                  campaign:
                                    type: string
                                    from: { query: utm_campaign }
                                  section:
                                    type: string
                                    from: { meta: section }
                                  seen_at:
                                    type: datetime
                                    from: now
                            """);
                    element = "<a class=\"cta-" + e + "\">More</a>";
                    expect = "{ seen_at: 1767225600000 }";
                }
                default -> {
                    sb.append("""
                                  channel:
                                    type: enumeration
                                    options: { web: Web, app: App }
                                    from: { value: web }
                                  link_text:
                                    type: string
                                    from: text
                            """);
                    element = "<a class=\"cta-" + e + "\">" + word + "</a>";
                    expect = "{ channel: web, link_text: " + word + " }";
                }
            }
            sb.append("    examples:\n      - element: '").append(element).append("'\n        expect: ")
                    .append(expect).append("\n");
        }
        return sb.toString();
    }

    private static String capitalize(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** Writes {@code count} events in files of at most 100 events each (as a real plan would be split). */
    static void writeSpecs(Path eventsDir, int count) throws IOException {
        Files.createDirectories(eventsDir);
        if (count == 0) {
            Files.writeString(eventsDir.resolve("none.yaml"), "events: {}\n");
            return;
        }
        String all = specs(count, "/");
        String[] parts = all.substring("events:\n".length()).split("(?m)^(?=  [a-z])");
        for (int f = 0; f * 100 < parts.length; f++) {
            StringBuilder sb = new StringBuilder("events:\n");
            for (int i = f * 100; i < Math.min(parts.length, (f + 1) * 100); i++) {
                sb.append(parts[i]);
            }
            Files.writeString(eventsDir.resolve(String.format(Locale.ROOT, "events-%04d.yaml", f)), sb.toString());
        }
    }

    /** The same posts as a Hugo site with minimal templates. */
    static void hugoProject(Path root, int pages) throws IOException {
        Files.createDirectories(root.resolve("content/posts"));
        Files.createDirectories(root.resolve("layouts/_default"));
        Files.writeString(root.resolve("hugo.toml"), "baseURL = 'https://bench.example/'\ntitle = 'Bench'\n"
                + "disableKinds = ['taxonomy', 'term', 'RSS']\n");
        Files.writeString(root.resolve("layouts/_default/baseof.html"), "<!doctype html><html><head><title>{{ .Title }}"
                + "</title></head><body><nav><a href=\"/\">Home</a></nav><main>{{ block \"main\" . }}{{ end }}</main>"
                + "<script src=\"/js/t.js\" defer></script></body></html>\n");
        Files.writeString(root.resolve("layouts/_default/single.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1>"
                + "{{ .Content }}{{ end }}\n");
        Files.writeString(root.resolve("layouts/_default/list.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1>"
                + "{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ end }}\n");
        Files.writeString(root.resolve("content/_index.md"), "---\ntitle: Home\n---\n# Home\n");
        for (int i = 0; i < pages; i++) {
            Files.writeString(root.resolve("content/posts/post-" + i + ".md"), markdownPage(i));
        }
    }
}
