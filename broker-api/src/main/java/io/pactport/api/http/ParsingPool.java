package io.pactport.api.http;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;

/**
 * Where request bodies and pacts are parsed (and large pacts rendered): one or two worker threads. A
 * 10 MB pact takes seconds to parse and hash, which on an event-loop thread stalls every request that loop serves
 * (heartbeats included); and as at most this many bodies are parsed at once, at most this many parse trees are in
 * memory, whatever the number of uploads. The answer comes back on the caller's event loop. Small inputs, which
 * are almost all of them, are handled where they arrive: they take microseconds, and on the pool they would queue
 * behind whatever large pact is being parsed.
 */
@ApplicationScoped
public class ParsingPool {

    /**
     * One core is left to the event loops, so that parsing at full tilt does not slow every other request; and at most
     * two parse at once, as a 10 MB pact of real interactions takes some 200 MB while it is parsed and hashed (the
     * heap the run script, the image and docker-compose.yml give broker-api allows for two).
     */
    static final int THREADS = Math.min(2, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    /** Up to this many bytes, parsing or rendering takes well under a millisecond even for a pact. */
    static final int INLINE_BYTES = 64 * 1024;

    private final WorkerExecutor workers;

    ParsingPool(Vertx vertx) {
        this.workers = vertx.createSharedWorkerExecutor("pactport-parsing", THREADS);
    }

    /**
     * Runs {@code work}, which reads or writes {@code bytes} of JSON: on a parsing thread when that is more than
     * {@link #INLINE_BYTES}, otherwise at once on the caller's thread. What it throws fails the Uni as it is.
     */
    public <T> Uni<T> run(long bytes, Callable<T> work) {
        if (bytes > INLINE_BYTES) {
            return workers.executeBlocking(work, false);
        }
        return Uni.createFrom().emitter(emitter -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                emitter.fail(e);
                return;
            }
            emitter.complete(result);
        });
    }

    @PreDestroy
    void close() {
        workers.closeAndForget();
    }
}
