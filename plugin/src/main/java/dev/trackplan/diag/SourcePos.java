package dev.trackplan.diag;

/**
 * A place in a source file, 1-based line and column as editors count them. {@code file} is the
 * path as it is shown to the user (relative to the project where possible).
 */
public record SourcePos(String file, int line, int column) {

    public static SourcePos of(String file) {
        return new SourcePos(file, 1, 1);
    }

    public SourcePos shiftLines(int lines) {
        return new SourcePos(file, line + lines, column);
    }

    @Override
    public String toString() {
        return file + ":[" + line + "," + column + "]";
    }
}
