package io.pactport.api.events;

import io.pactport.api.config.ApiConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Wakes the relay when a transaction that wrote outbox rows commits: migration V13's trigger notifies the channel
 * {@value #CHANNEL}, which this LISTENs to on a connection of its own (a pooled one would be held for the service's
 * life). A lost connection is reconnected with a growing delay, and relaying does not stop meanwhile: the relay's poll
 * keeps going, and every (re)connection wakes the relay for what was committed while nobody listened.
 */
@ApplicationScoped
class OutboxNotifications {

    static final String CHANNEL = "pactport_outbox";
    /** How the listening session shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "pactport broker-api outbox listener";

    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration pollInterval;
    /** Whether the last state logged is "listening": the loss and the return are each logged once. */
    private final AtomicBoolean listening = new AtomicBoolean(true);

    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    /**
     * Reads the datasource's own settings (which broker-core derives from {@code PACTFLOW_DATABASE_*}), so that the
     * listener reaches the database the pool does, with the same credentials.
     */
    OutboxNotifications(Vertx vertx, Config config, ApiConfig apiConfig) {
        this.vertx = vertx;
        this.pollInterval = apiConfig.outbox().pollInterval();
        this.options = config.getOptionalValue("quarkus.datasource.reactive.url", String.class)
                .map(PgConnectOptions::fromUri)
                .orElseGet(PgConnectOptions::new);
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        options.addProperty("application_name", APPLICATION_NAME);
    }

    /** Listens from now on, calling {@code wakeUp} (on an event loop, so it must not block) at every notification. */
    void listen(Runnable wakeUp) {
        PgSubscriber next = PgSubscriber.subscriber(vertx, options).reconnectPolicy(this::reconnectDelay);
        next.channel(CHANNEL).handler(payload -> wakeUp.run()).subscribeHandler(() -> {
            if (listening.compareAndSet(false, true)) {
                LOG.info("listening to outbox notifications again: events are relayed as they commit");
            }
            wakeUp.run();
        });
        subscriber = next;
        next.connect().subscribe().with(connected -> {}, failure -> {
            // the subscriber reconnects a connection it once had, not one it never got: start over with a new one
            lost(failure.getMessage());
            next.closeAndForget();
            if (!stopped) {
                vertx.setTimer(LONGEST_RETRY.toMillis(), timer -> listen(wakeUp));
            }
        });
    }

    /** The subscriber's policy once a connection is lost: retry after {@code attempt} failed reconnections. */
    private Long reconnectDelay(int attempt) {
        if (stopped) {
            return -1L;
        }
        if (attempt == 0) {
            lost("the connection was closed");
        }
        return Math.min(FIRST_RETRY.toMillis() << Math.min(attempt, 16), LONGEST_RETRY.toMillis());
    }

    private void lost(String reason) {
        if (listening.compareAndSet(true, false)) {
            LOG.warnf(
                    "not listening to outbox notifications (%s): events are relayed by the poll, every %d ms, until"
                            + " the listener reconnects",
                    reason, pollInterval.toMillis());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.closeAndForget();
        }
    }
}
