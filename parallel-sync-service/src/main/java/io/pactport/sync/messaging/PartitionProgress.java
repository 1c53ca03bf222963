package io.pactport.sync.messaging;

import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The events of one partition that were handed to the lanes and are not finished yet. What may be committed is the
 * lowest unfinished offset (or, when none is, the offset after the last one handed out): an event finished out of
 * order never lets the commit pass one before it that is still on its way.
 */
final class PartitionProgress {

    /** Unfinished offsets and their Kafka timestamps. */
    private final TreeMap<Long, Long> unfinished = new TreeMap<>();
    /** Lane threads writing one of this partition's events right now. */
    private final Set<Thread> busy = new HashSet<>();

    private long next = -1;
    private long committed = -1;
    private volatile boolean revoked;

    synchronized void handedOut(long offset, long timestamp) {
        unfinished.put(offset, timestamp);
        next = offset + 1;
    }

    /** False when the event was no longer counted (its partition was revoked meanwhile). */
    synchronized boolean finished(long offset) {
        return unfinished.remove(offset) != null;
    }

    /** Forgets the unfinished events (after a revocation's last commit); returns how many there were. */
    synchronized int abandon() {
        int count = unfinished.size();
        unfinished.clear();
        return count;
    }

    /** The Kafka timestamp of the oldest unfinished event, if there is one. */
    synchronized OptionalLong oldest() {
        Map.Entry<Long, Long> first = unfinished.firstEntry();
        return first == null ? OptionalLong.empty() : OptionalLong.of(first.getValue());
    }

    /** The offset to commit: when it moved since the last commit, or always when {@code again}. */
    synchronized OptionalLong toCommit(boolean again) {
        if (next < 0) {
            return OptionalLong.empty();
        }
        long offset = unfinished.isEmpty() ? next : unfinished.firstKey();
        if (offset == committed && !again) {
            return OptionalLong.empty();
        }
        committed = offset;
        return OptionalLong.of(offset);
    }

    /** Returns false when the partition is revoked: its events are then abandoned, not started. */
    synchronized boolean start(Thread lane) {
        if (revoked) {
            return false;
        }
        busy.add(lane);
        return true;
    }

    synchronized void end(Thread lane) {
        busy.remove(lane);
        notifyAll();
    }

    boolean revoked() {
        return revoked;
    }

    /**
     * Stops this partition's work: queued events are abandoned, an event in backoff or in a request is interrupted.
     * Waits (up to {@code millis}) until no lane writes one of its events any more.
     */
    synchronized void revoke(long millis) throws InterruptedException {
        revoked = true;
        busy.forEach(Thread::interrupt);
        long deadline = System.currentTimeMillis() + millis;
        while (!busy.isEmpty() && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }
}
