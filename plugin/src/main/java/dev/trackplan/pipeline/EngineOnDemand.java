package dev.trackplan.pipeline;

import dev.trackplan.js.JsEngine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * GraalJS for one build, started only when something must be parsed or run: a build whose syntax
 * checks and verifications all passed before with the same inputs (the build cache) never starts
 * it. {@link #start} begins starting it in the background as soon as a stage knows it will be
 * needed; {@link #get} waits for it (and starts it if nobody did).
 */
final class EngineOnDemand {
    private final Executor background;
    private final JsEngine warm;
    private CompletableFuture<JsEngine> started;

    /** Starts engines on {@code background}; {@code warm}: one kept running between builds, or null. */
    EngineOnDemand(Executor background, JsEngine warm) {
        this.background = background;
        this.warm = warm;
    }

    /** Starts the engine in the background, if it is not started yet. */
    synchronized CompletableFuture<JsEngine> start() {
        if (started == null) {
            started = warm != null ? CompletableFuture.completedFuture(warm)
                    : CompletableFuture.supplyAsync(JsEngine::new, background);
        }
        return started;
    }

    /** The engine, started now if it was not. */
    JsEngine get() {
        return start().join();
    }

    /** Whether it was asked for (started or starting). */
    synchronized boolean wasStarted() {
        return started != null;
    }

    /** The engine if it was started (waiting for its start to finish), else the warm one or null. */
    JsEngine ifStarted() {
        CompletableFuture<JsEngine> f;
        synchronized (this) {
            f = started;
        }
        return f == null ? warm : f.join();
    }

    /** Closes an engine this build started (never the warm one), once its start finished. */
    void close() {
        CompletableFuture<JsEngine> f;
        synchronized (this) {
            f = started;
        }
        if (f != null && warm == null) {
            f.thenAccept(JsEngine::close);
        }
    }
}
