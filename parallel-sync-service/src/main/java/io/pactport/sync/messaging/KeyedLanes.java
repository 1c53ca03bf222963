package io.pactport.sync.messaging;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads running tasks by key: the tasks of one key one after another, in the order they were
 * given; the tasks of different keys side by side, on whichever thread is free. A busy key never holds up another one
 * (a lane per {@code hash(key) % threads} did: five busy pacticipants on one lane and none on another capped a
 * target's throughput at a fifth of the threads'). Keys take turns: after each task, a key with more goes to the back
 * of the line.
 */
final class KeyedLanes {

    private final ThreadPoolExecutor threads;
    /** Per key with work: its tasks, the head one running or about to run. */
    private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();

    KeyedLanes(int count, String name) {
        AtomicInteger number = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(
                count,
                count,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                task -> new Thread(task, name + "-" + number.getAndIncrement()));
    }

    void execute(String key, Runnable task) {
        synchronized (this) {
            ArrayDeque<Runnable> tasks = waiting.get(key);
            if (tasks != null) {
                tasks.add(task);
                return;
            }
            tasks = new ArrayDeque<>();
            tasks.add(task);
            waiting.put(key, tasks);
        }
        turn(key);
    }

    private void turn(String key) {
        try {
            threads.execute(() -> runNext(key));
        } catch (RejectedExecutionException e) {
            // stopped: what is left is abandoned, as queued work is at a stop
        }
    }

    private void runNext(String key) {
        Runnable task;
        synchronized (this) {
            task = waiting.get(key).peek();
        }
        boolean more;
        try {
            task.run();
        } finally {
            synchronized (this) {
                ArrayDeque<Runnable> tasks = waiting.get(key);
                tasks.poll();
                more = !tasks.isEmpty();
                if (!more) {
                    waiting.remove(key);
                }
            }
        }
        if (more) {
            turn(key);
        }
    }

    /** Abandons what waits and interrupts what runs. */
    void shutdownNow() {
        threads.shutdownNow();
    }

    boolean awaitTermination(long millis) throws InterruptedException {
        return threads.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
