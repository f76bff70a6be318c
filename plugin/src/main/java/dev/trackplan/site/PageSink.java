package dev.trackplan.site;

import java.io.IOException;

/**
 * Where the render workers put each page as soon as it is rendered (the staging folder of a
 * clean build), so the site stage does not hold every page in memory. The pages it stored are
 * read back from it when asked (a page an example names, a test).
 */
public interface PageSink {
    /**
     * Stores the bytes of the site file {@code path}, whose SHA-256 (hex) is {@code sha256};
     * called by several workers at once.
     */
    void store(String path, byte[] bytes, String sha256) throws IOException;

    /** The bytes stored for {@code path}. */
    byte[] read(String path) throws IOException;
}
