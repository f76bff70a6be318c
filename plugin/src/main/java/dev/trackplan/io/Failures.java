package dev.trackplan.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Input/output failures in plain words for messages: what went wrong, not the exception class. */
public final class Failures {
    private Failures() {}

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
