package dev.trackplan.site;

import dev.trackplan.io.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The theme's CSS as one file named after its content, {@code css/site.<hash>.css}, so browsers
 * cache it for good and a changed stylesheet gets a new name. A site's {@code layouts/site.css}
 * replaces the default.
 *
 * @param path the file under the site, e.g. "css/site.3f2a9c01d4.css"
 */
record Stylesheet(String path, byte[] bytes) {
    static final String TEMPLATE = "site.css";

    static Stylesheet of(HtmlTemplates templates) {
        byte[] css = templates.text(TEMPLATE).getBytes(StandardCharsets.UTF_8);
        return new Stylesheet("css/site." + Hashing.sha256Hex(css).substring(0, 10) + ".css", css);
    }
}
