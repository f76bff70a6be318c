package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.bundle.Bundle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whose code runs is whose time is charged: the runtime's and other events' time never is. */
class EventClockTest {
    private long now;

    private EventClock clock(EventBudget budget) {
        return new EventClock(budget, thread -> now);
    }

    @Test
    void theClockIsReadOnlyWhenAnEventsCodeStartsOrStops() {
        EventBudget budget = new EventBudget(List.of("a"), Duration.ofSeconds(10));
        int[] reads = new int[1];
        EventClock c = new EventClock(budget, thread -> {
            reads[0]++;
            return now;
        });
        c.begin();
        for (int i = 0; i < 100; i++) { // the runtime's listeners: no event's time
            c.enter(EventClock.RUNTIME);
            now += 1;
            c.leave();
        }
        c.end();
        assertThat(reads[0]).isZero();
        c.begin();
        c.enter(0);
        now += 9;
        c.enter(EventClock.RUNTIME);
        now += 100;
        c.leave();
        now += 2;
        c.leave();
        c.end();
        assertThat(reads[0]).isEqualTo(4);
        assertThat(budget.spentNanos(0)).isEqualTo(11);
    }

    @Test
    void eachStretchIsChargedToWhoRan() {
        EventBudget budget = new EventBudget(List.of("a", "b"), Duration.ofSeconds(10));
        EventClock c = clock(budget);
        c.begin();
        now += 5; // the runtime's top level
        c.at(0);
        now += 7; // a's snippet
        c.at(1);
        now += 11; // b's snippet
        c.at(EventClock.RUNTIME);
        now += 13; // the runtime again
        c.end();
        now += 1000; // the verifier's own work between calls into the page
        c.begin();
        c.enter(0); // a listener a registered
        now += 3;
        c.enter(1); // which dispatches to one of b's
        now += 2;
        c.leave();
        now += 4;
        c.leave();
        now += 100; // the runtime's listener
        c.end();
        assertThat(budget.spentNanos(0)).isEqualTo(7 + 3 + 4);
        assertThat(budget.spentNanos(1)).isEqualTo(11 + 2);
        assertThat(c.exhausted()).isEqualTo(-1);
    }

    @Test
    void theBudgetIsSharedByPageViewsAndCountsTheCallRunningNow() {
        EventBudget budget = new EventBudget(List.of("a", "b"), Duration.ofNanos(20));
        EventClock first = clock(budget);
        first.begin();
        first.at(0);
        now += 15;
        first.end();
        assertThat(first.exhausted()).isEqualTo(-1);
        EventClock second = clock(budget); // another page view of the same event
        second.begin();
        second.at(1);
        now += 30; // b is over, a is not
        second.at(0);
        now += 3;
        assertThat(second.exhausted()).isEqualTo(1);
        assertThat(second.exhaustedEvent()).isEqualTo("b");
        EventClock third = clock(budget);
        third.begin();
        third.enter(0);
        now += 10; // still running: the watchdog's question sees it
        assertThat(third.exhaustedEvent()).isEqualTo("a");
    }

    @Test
    void anEventAlreadyReportedIsNotChargedAgain() {
        EventBudget budget = new EventBudget(List.of("a"), Duration.ofNanos(5));
        budget.retire("a");
        EventClock c = clock(budget);
        c.begin();
        c.enter(0);
        now += 50;
        c.leave();
        c.end();
        assertThat(c.exhausted()).isEqualTo(-1);
    }

    @Test
    void numbersThatAreNoEventRunOnTheRuntimesClock() {
        EventBudget budget = new EventBudget(List.of("a"), Duration.ofSeconds(1));
        EventClock c = clock(budget);
        c.begin();
        c.enter(7);
        assertThat(c.running()).isEqualTo(EventClock.RUNTIME);
        c.leave();
        c.leave(); // one leave too many stays on the outermost owner
        assertThat(c.running()).isEqualTo(EventClock.RUNTIME);
        c.end();
    }

    @Test
    void theTimedBundleSwitchesAtCustomSnippetsAndMapsOffsetsBack() {
        String runtime = "(function(){var tp=1;\n";
        String a = "A();\n";
        String b = "B();\n";
        String c = "C();\n";
        String end = "})();";
        String shipped = runtime + a + b + c + end;
        int sa = runtime.length();
        int sb = sa + a.length();
        int sc = sb + b.length();
        Bundle bundle = new Bundle("js/t.js", shipped, Map.of("a", new Bundle.Span(sa, sb), "b",
                new Bundle.Span(sb, sc), "c", new Bundle.Span(sc, sc + c.length())));
        TimedBundle t = new TimedBundle(bundle, name -> !name.equals("b")); // b is a click: Trackplan's code
        assertThat(t.events()).containsExactly("a", "b", "c");
        String timed = t.instrument(shipped);
        assertThat(timed.lines().count()).isEqualTo(shipped.lines().count());
        assertThat(timed).startsWith(runtime + "const __tp").contains("delete globalThis." + TimedBundle.HANDOFF + ";");
        assertThat(timed).containsSubsequence(".at(0);A();\n", ".at(-1);B();\n", ".at(2);C();\n", ".at(-1);})();");
        for (String s : List.of("A()", "B()", "C()", "})()")) {
            assertThat(t.toShipped(timed.indexOf(s))).isEqualTo(shipped.indexOf(s));
        }
        assertThat(t.toShipped(3)).isEqualTo(3);
        assertThat(t.toShipped(timed.indexOf("const"))).isEqualTo(sa); // inside a call: where it goes in
    }
}
