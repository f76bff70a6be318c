package dev.trackplan.verify;

import dev.trackplan.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What verification did: scenarios per event and the failures, for the log and the JUnit report. */
public final class VerifyReport {
    private final Map<String, EventResult> events = new LinkedHashMap<>();
    private int scenarios;
    private long millis;
    private int sharedPageViews;

    /** Per event: where it is defined, scenarios run, failures. */
    public static final class EventResult {
        final String name;
        final String file;
        int scenarios;
        final List<Diagnostic> failures = new ArrayList<>();

        EventResult(String name, String file) {
            this.name = name;
            this.file = file;
        }

        public String name() {
            return name;
        }

        public String file() {
            return file;
        }

        public synchronized int scenarios() {
            return scenarios;
        }

        public List<Diagnostic> failures() {
            return failures;
        }
    }

    synchronized void failure(String name, String file, Diagnostic d) {
        EventResult e = event(name, file);
        e.failures.add(d);
        e.failures.sort(Diagnostic.ORDER);
    }

    synchronized EventResult event(String name, String file) {
        return events.computeIfAbsent(name, n -> new EventResult(n, file));
    }

    synchronized void scenario(EventResult e) {
        e.scenarios++;
        scenarios++;
    }

    synchronized void scenario() {
        scenarios++;
    }

    void millis(long ms) {
        this.millis = ms;
    }

    public synchronized List<EventResult> events() {
        return List.copyOf(events.values());
    }

    public synchronized int scenarios() {
        return scenarios;
    }

    public long millis() {
        return millis;
    }

    synchronized void sharedPageViews(int n) {
        this.sharedPageViews = n;
    }

    /** Page views not run: their page was in the same situation as one verified before (see {@link Situations}). */
    public synchronized int sharedPageViews() {
        return sharedPageViews;
    }
}
