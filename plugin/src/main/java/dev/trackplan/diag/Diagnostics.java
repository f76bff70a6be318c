package dev.trackplan.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics from every stage so that a build reports all problems at once. The same
 * diagnostic reported twice (a shared property's definition checked for each event that uses it)
 * is kept once.
 */
public final class Diagnostics {
    private final Set<Diagnostic> all = new LinkedHashSet<>();

    public synchronized void add(Diagnostic d) {
        all.add(d);
    }

    public void error(SourcePos pos, String code, String message) {
        add(Diagnostic.error(pos, code, message));
    }

    public void warning(SourcePos pos, String code, String message) {
        add(Diagnostic.warning(pos, code, message));
    }

    public synchronized void addAll(Collection<Diagnostic> more) {
        more.forEach(this::add);
    }

    public synchronized boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized int errorCount() {
        return (int) all.stream().distinct().filter(Diagnostic::isError).count();
    }

    /**
     * All diagnostics, sorted by file, line and column so output is stable; a problem found twice
     * (the same place, rule and message) is listed once.
     */
    public synchronized List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        copy.sort(Diagnostic.ORDER);
        return copy;
    }

    public synchronized List<Diagnostic> errors() {
        return sorted().stream().filter(Diagnostic::isError).toList();
    }

    public synchronized List<Diagnostic> warnings() {
        return sorted().stream().filter(d -> !d.isError()).toList();
    }
}
