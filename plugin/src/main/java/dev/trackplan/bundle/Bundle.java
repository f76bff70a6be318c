package dev.trackplan.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The tracking bundle: its content, its content-hashed path under the site, e.g.
 * js/trackplan.3f2a9c01d4.js, and where each event's snippet sits in it (so the verification can
 * tell which event's code was running, and leave out one that hangs).
 */
public record Bundle(String path, String content, Map<String, Span> snippets) {

    /** Character offsets [start, end) of one snippet in the content. */
    public record Span(int start, int end) {
        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    public Bundle(String path, String content) {
        this(path, content, Map.of());
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** The URL path pages use to load it. */
    public String url() {
        return "/" + path;
    }
}
