package dev.trackplan.site;

import dev.trackplan.io.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A page's final HTML, the one representation every stage shares. It is held in one of these ways:
 * <ul>
 * <li>as the text just rendered (encoded when its bytes are asked for, by the thread that writes it);
 * <li>as the UTF-8 bytes the build cache kept it as, with their SHA-256: neither decoded nor hashed
 * again unless something reads its text (the verification of a page that changed, an example's page);
 * <li>stored where a render worker wrote it (a clean build's staging folder), its hash known and its
 * bytes read back from there when asked, so no second copy of every page is kept in memory; a stored
 * page an event can fire on is held as well (the verification reads it).
 * </ul>
 */
public final class PageText {
    private final String html;
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final Supplier<byte[]> stored;
    private volatile String sha256;

    private PageText(String html, byte[] bytes, int offset, int length, Supplier<byte[]> stored, String sha256) {
        this.html = html;
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.stored = stored;
        this.sha256 = sha256;
    }

    /** A page rendered in this build. */
    public static PageText of(String html) {
        return new PageText(html, null, 0, 0, null, null);
    }

    /** A page kept as its UTF-8 {@code bytes} whose SHA-256 (hex) is {@code sha256} (null: computed when asked). */
    public static PageText ofBytes(byte[] bytes, String sha256) {
        return new PageText(null, bytes, 0, bytes.length, null, sha256);
    }

    /**
     * A page kept as the UTF-8 bytes at {@code offset}, {@code length} in {@code bytes} (the build
     * cache's entry it was read from: not copied until written), whose SHA-256 (hex) is {@code sha256}.
     */
    public static PageText ofBytes(byte[] bytes, int offset, int length, String sha256) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        return new PageText(null, bytes, offset, length, null, sha256);
    }

    /**
     * A page stored already, whose bytes {@code read} reads back and whose SHA-256 (hex) is
     * {@code sha256}; {@code held} (null: none) is what is kept of it in memory.
     */
    public static PageText stored(Supplier<byte[]> read, String sha256, PageText held) {
        return held == null ? new PageText(null, null, 0, 0, read, sha256)
                : new PageText(held.html, held.bytes, held.offset, held.length, read, sha256);
    }

    /** The HTML (decoded from the bytes each time for a page not held as text: it is rarely asked for). */
    public String html() {
        if (html != null) {
            return html;
        }
        return bytes != null ? new String(bytes, offset, length, StandardCharsets.UTF_8)
                : new String(stored.get(), StandardCharsets.UTF_8);
    }

    /** The UTF-8 bytes: kept, encoded from the text held, or read back from where the page was stored. */
    public byte[] bytes() {
        if (bytes != null) {
            return offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
        }
        return html != null ? html.getBytes(StandardCharsets.UTF_8) : stored.get();
    }

    /** The SHA-256 (hex) of {@link #bytes}, computed once. */
    public String sha256() {
        String h = sha256;
        if (h == null) {
            h = Hashing.sha256Hex(bytes());
            sha256 = h;
        }
        return h;
    }

    /** Whether the bytes were kept (a cached page) rather than rendered now. */
    public boolean kept() {
        return bytes != null;
    }

    /** Whether the page was stored by the render worker (its bytes can be read back from there). */
    public boolean stored() {
        return stored != null;
    }

    /** Whether the page is in memory (as text or bytes) rather than only stored. */
    public boolean held() {
        return html != null || bytes != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageText t && (html != null && t.html != null ? html.equals(t.html)
                : Arrays.equals(bytes(), t.bytes()));
    }

    @Override
    public int hashCode() {
        return html().hashCode();
    }

    @Override
    public String toString() {
        return html();
    }
}
