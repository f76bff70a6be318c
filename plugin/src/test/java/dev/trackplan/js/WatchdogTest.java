package dev.trackplan.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WatchdogTest {

    /**
     * A page view called off between two calls into it (no code runs, so the interrupt finds
     * nothing to stop) must not run its next call unstopped: the watchdog stops it again.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a bound for the broken case, not a speed target
    void codeStoppedWhileNothingRanIsStoppedWhenItRuns() throws InterruptedException {
        JsEngine engine = new JsEngine(Long.MAX_VALUE);
        Context context = engine.newContext(OutputStream.nullOutputStream());
        try (Watchdog watchdog = new Watchdog(context, Duration.ofMinutes(10))) {
            watchdog.stopNow();
            Thread.sleep(200); // the stopper's interrupt has come and gone: nothing was running
            watchdog.guestRunning(true);
            assertThatThrownBy(() -> context.eval("js", "for (;;) {}")).isInstanceOf(PolyglotException.class);
            assertThat(watchdog.reason()).isEqualTo(Watchdog.Reason.SUPERSEDED);
        } finally {
            context.close(true);
            engine.close();
        }
    }
}
