package dev.trackplan.verify;

import dev.trackplan.css.Deadline;
import dev.trackplan.js.Watchdog;
import dev.trackplan.model.EventSpec;
import dev.trackplan.site.GeneratedSite;
import java.util.List;
import java.util.function.Consumer;
import org.graalvm.polyglot.PolyglotException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One kind of simulated page view over the shared {@link VerifyRun}: examples, the real pages with
 * consent given, and the consent scenarios. A scenario proves its owners; when the code of some
 * event hangs or crashes it, {@link Verifier} blames that event (by the stack), leaves it out, and
 * runs the scenario again for the others.
 */
abstract class Scenario {
    /** The events whose behaviour this scenario proves. */
    abstract List<EventSpec> owners();

    /** The page path, for messages. */
    abstract String path();

    /** Runs the page view; a failure of guest code comes out as {@link GuestFailure}. */
    abstract void run(VerifyRun run, VerifyRun.Code code);

    /** How guest code failed. */
    enum Cause { THREW, TIMEOUT, MEMORY, SETUP, SUPERSEDED, BUDGET }

    /** Guest code (or host work on its behalf) failed: what happened, and where in the bundle. */
    static final class GuestFailure extends RuntimeException {
        private final List<Integer> offsets;
        private final Cause cause;
        private final String event;

        GuestFailure(String what, List<Integer> offsets, Cause cause) {
            this(what, offsets, cause, null);
        }

        GuestFailure(String what, List<Integer> offsets, Cause cause, String event) {
            super(what, null, false, false);
            this.offsets = offsets;
            this.cause = cause;
            this.event = event;
        }

        /**
         * The event known to be at fault without looking at the stack, or null: its time budget ran
         * out ({@link Cause#BUDGET}), or its code was running, by the event clock, when the page view
         * was stopped from outside ({@link Cause#TIMEOUT}, {@link Cause#MEMORY}).
         */
        String event() {
            return event;
        }

        List<Integer> offsets() {
            return offsets;
        }

        Cause kind() {
            return cause;
        }
    }

    /**
     * Runs {@code body} guarded in a fresh page view of {@code page}, unless a page in the same
     * situation ({@code key}, and the same answers to every question that page view's code asked)
     * was verified before; the page view's questions are remembered for the pages after it.
     */
    static void inPageView(VerifyRun run, GeneratedSite.HtmlPage page, PageDoc parsed, String key,
            boolean doNotTrack, Consumer<BrowserSession> body) {
        Document doc = parsed.take();
        HostDom probe = run.probe(doc, page.url());
        if (run.situations.seenBefore(key, probe)) {
            parsed.done(probe.changed() ? null : doc);
            return; // a page verified before, in every respect the code can observe
        }
        parsed.done(null);
        try (BrowserSession s = run.open(probe.changed() ? Jsoup.parse(page.html()) : doc, page.url(),
                doNotTrack)) {
            guarded(run, s, () -> body.accept(s));
            run.situations.remember(key, s.trace());
        }
    }

    /** Runs {@code body} in the page view, turning every way guest code can fail into a {@link GuestFailure}. */
    static void guarded(VerifyRun run, BrowserSession s, Runnable body) {
        try {
            body.run();
            overBudget(s); // it finished, but an event's code in it used up its time across page views
        } catch (PolyglotException ex) {
            overBudget(s);
            Cause cause = s.stoppedBecause() == Watchdog.Reason.SUPERSEDED ? Cause.SUPERSEDED
                    : s.stoppedBecause() == Watchdog.Reason.MEMORY ? Cause.MEMORY
                    : ex.isResourceExhausted() && !BrowserSession.statementLimit(ex) && !s.timedOut() ? Cause.MEMORY
                    : ex.isCancelled() || s.timedOut() || s.deadline().expired() || ex.isResourceExhausted()
                    ? Cause.TIMEOUT : Cause.THREW;
            // stopped from outside (clock, heap): the event clock knows whose code ran, the stack may not
            String running = cause == Cause.MEMORY || cause == Cause.TIMEOUT ? s.stoppedInEvent() : null;
            throw new GuestFailure(s.describe(ex, run.timeout), VerifyRun.offsets(ex), cause, running);
        } catch (Deadline.Exceeded ex) {
            overBudget(s);
            throw new GuestFailure("did not finish within " + run.timeout.toSeconds() + " s (endless loop or heavy "
                    + "work in the code?)", List.of(), Cause.TIMEOUT);
        } catch (OutOfMemoryError | StackOverflowError ex) {
            throw new GuestFailure("exhausted the " + (ex instanceof OutOfMemoryError ? "heap" : "stack")
                    + " (" + ex.getClass().getSimpleName() + ")", List.of(), Cause.MEMORY, s.stoppedInEvent());
        }
    }

    /** An event's code ran in this page view and used up its time budget: that event is at fault. */
    private static void overBudget(BrowserSession s) {
        String event = s.exhaustedEvent();
        if (event != null) {
            throw new GuestFailure("used up its time budget", List.of(), Cause.BUDGET, event);
        }
    }

    /**
     * Checks every command of the page view against {@link CommandPolicy}; a problem is blamed on
     * the event whose snippet pushed it, else on the bundle.
     */
    void checkCommands(VerifyRun run, BrowserSession s, String refusal) {
        for (Recorder.Command c : s.recorder().all()) {
            if ("error".equals(c.queue())) {
                blame(run, c, VerifyRules.RUNTIME, "on " + path() + ": " + c.command().path(0).asText() + ": "
                        + c.command().path(1).asText());
                continue;
            }
            CallValidator.Problem p = CommandPolicy.problem(c, refusal);
            if (p == null) {
                continue;
            }
            EventSpec sent = c.isTrack() ? run.validator.eventOf(c.argument()) : null;
            if (sent != null && !p.rule().equals(VerifyRules.UNKNOWN_COMMAND)) {
                String when = p.rule().equals(VerifyRules.DO_NOT_TRACK) ? "sent although the visitor asked not to be "
                        + "tracked (" + refusal + ")" : "sent " + c.when();
                run.fail(sent, sent.trigger().valuePos(), p.rule(), sent.name() + " on " + path() + ": " + when
                        + " (" + CommandPolicy.shown(c) + ")");
            } else {
                blame(run, c, p.rule(), "on " + path() + ": " + p.message());
            }
        }
    }

    private void blame(VerifyRun run, Recorder.Command c, String rule, String message) {
        EventSpec e = run.culprit(c.origin()); // never the scenario's owner by default: it may be innocent
        if (e == null) {
            run.failBundle(path(), rule, "the bundle " + message);
        } else {
            run.fail(e, e.trigger().valuePos(), rule, e.name() + " " + message);
        }
    }
}
