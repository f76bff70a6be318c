package dev.trackplan.io;

/** Rule ids for files: reads confined to the project, and the output folder a build writes. */
public final class FileRules {
    /** A file, link, template or layout name that leads outside the project or its folder. */
    public static final String OUTSIDE_PROJECT = "TP510";
    /** The output folder is not Trackplan's to replace. */
    public static final String OUTPUT_NOT_OWNED = "TP511";
    /** Another build of the same project holds the lock. */
    public static final String BUILD_LOCKED = "TP512";
    /** The site or a report could not be written (disk full, read-only folder, ...). */
    public static final String WRITE_FAILED = "TP513";

    private FileRules() {}
}
