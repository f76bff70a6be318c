package dev.trackplan.bundle;

import java.nio.charset.StandardCharsets;

/** The tracking bundle: its content and its content-hashed path under the site, e.g. js/trackplan.3f2a9c01d4.js. */
public record Bundle(String path, String content) {

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** The URL path pages use to load it. */
    public String url() {
        return "/" + path;
    }
}
