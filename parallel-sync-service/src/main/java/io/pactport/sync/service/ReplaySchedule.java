package io.pactport.sync.service;

import java.time.Duration;
import java.time.Instant;

/**
 * When the shadow can-i-deploy replay is due: {@code every} after the first tick, then {@code every} after the end of
 * the previous replay, so a slow replay is never started again while it runs. A zero (or negative) {@code every} turns
 * the replay off; the questions are then replayed only on request.
 */
final class ReplaySchedule {

    private final Duration every;
    private Instant next;

    ReplaySchedule(Duration every) {
        this.every = every;
    }

    synchronized boolean due(Instant now) {
        if (every.isZero() || every.isNegative()) {
            return false;
        }
        if (next == null) {
            next = now.plus(every);
            return false;
        }
        return !now.isBefore(next);
    }

    /** The replay that was due has ended at {@code now}. */
    synchronized void done(Instant now) {
        next = now.plus(every);
    }
}
