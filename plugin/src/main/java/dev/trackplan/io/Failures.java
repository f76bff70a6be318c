package dev.trackplan.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Input/output failures in plain words for messages: what went wrong, not the exception class. */
public final class Failures {
    private Failures() {}

    /**
     * The failure as one that names {@code file}: a write that fails half-way (a full disk) throws
     * a bare {@code IOException("No space left on device")}, which says nothing of where.
     */
    public static IOException at(Path file, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return e;
        }
        FileSystemException located = new FileSystemException(file.toString(), null,
                e.getMessage() == null ? "input/output error" : e.getMessage());
        located.initCause(e);
        return located;
    }

    /** As {@link #describe(IOException)}, with the file shown relative to {@code project} when it is inside it. */
    public static String describe(IOException e, Path project) {
        if (e instanceof FileSystemException f && f.getFile() != null && !(e instanceof AccessDeniedException
                || e instanceof NoSuchFileException || e instanceof FileAlreadyExistsException
                || e instanceof DirectoryNotEmptyException || e instanceof NotDirectoryException)) {
            String reason = f.getReason() == null ? "failed" : f.getReason();
            return reason + ": " + DisplayPaths.of(project, Path.of(f.getFile()));
        }
        return describe(e);
    }

    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists: " + f.getFile();
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return "folder not empty: " + d.getFile();
        }
        if (e instanceof NotDirectoryException d) {
            return "not a folder: " + d.getFile();
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() == null ? "failed" : f.getReason();
            return f.getFile() == null ? reason : reason + ": " + f.getFile();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
