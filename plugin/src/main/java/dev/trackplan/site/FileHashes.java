package dev.trackplan.site;

/**
 * The SHA-256 of a site file by its path, known without encoding or hashing it again when the
 * build cache kept it with its hash ({@link PageText}). Implemented by {@link GeneratedSite#files}.
 */
public interface FileHashes {
    /** The SHA-256 (hex) of the file's bytes at {@code path}, or null when there is no such file. */
    String sha256(String path);
}
