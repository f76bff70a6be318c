package dev.trackplan.diag;

import java.util.Comparator;

/**
 * One problem found in the user's input, as a value. Printed like javac prints errors,
 * {@code path/to/file.yaml:[12,7] TP104 message}, so IDEs and CI annotate the line.
 */
public record Diagnostic(SourcePos pos, Severity severity, String code, String message) {

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.pos().file())
            .thenComparingInt(d -> d.pos().line())
            .thenComparingInt(d -> d.pos().column())
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public static Diagnostic error(SourcePos pos, String code, String message) {
        return new Diagnostic(pos, Severity.ERROR, code, message);
    }

    public static Diagnostic warning(SourcePos pos, String code, String message) {
        return new Diagnostic(pos, Severity.WARNING, code, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String file() {
        return pos.file();
    }

    public int line() {
        return pos.line();
    }

    public int column() {
        return pos.column();
    }

    /** The one-line form users see: {@code file:[line,col] CODE message}. */
    public String format() {
        return pos + " " + code + " " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
