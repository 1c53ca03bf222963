package io.pactport.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** parallel-sync-service's settings: the brokers it writes to, Pactport itself, retries, production versions. */
@ConfigMapping(prefix = "pactflow.sync")
public interface SyncConfig {

    /** The target brokers, e.g. {@code PACTFLOW_SYNC_TARGETS_0__NAME=old-eu}, {@code PACTFLOW_SYNC_TARGETS_0__URL=…}. */
    List<Target> targets();

    /** Pactport's own broker-api, which the cut-over check reads and the backfill writes to. */
    Broker pactport();

    /** The timeout of every request to a target (connect and answer). */
    @WithDefault("10s")
    Duration timeout();

    /**
     * How many events are written to each target at once. Events of one key (consumer/provider, pacticipant) always
     * go one after the other, in order; different keys go side by side.
     */
    @WithDefault("16")
    int concurrency();

    /** The first wait before an event is tried again on a target that failed (5xx, timeout, no connection). */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** The longest wait between two tries; a target that stays down is tried at this pace until it comes back. */
    @WithDefault("30s")
    Duration retryMaxBackoff();

    /** Versions tagged with one of these count as production versions (the latest such version per pacticipant). */
    @WithDefault("production,prod")
    List<String> productionTags();

    /** Shadow can-i-deploy replays the questions Pactport answered within this window (newest first). */
    @WithDefault("24h")
    Duration shadowWindow();

    /** At most this many recent questions per replay. */
    @WithDefault("100")
    int shadowLimit();

    /** How often the recent questions are replayed on their own (the metric stays current); 0 turns that off. */
    @WithDefault("10m")
    Duration shadowEvery();

    /** Each target's Kafka consumer group is this prefix and the target's name. */
    @WithDefault("pactport-sync-")
    String consumerGroupPrefix();

    /**
     * The settings of the sync's own Kafka clients, over the shared {@code kafka.*} ones (bootstrap servers, security),
     * keyed by Kafka's names ({@code pactflow.sync.kafka.target-consumer."max.poll.records"=500}). The group ids are
     * not among them: they are computed per target.
     */
    KafkaClients kafka();

    /** The sync's Kafka clients, each built by hand because each target has a consumer group of its own. */
    interface KafkaClients {

        /** Each target's consumer of the event topics. */
        Map<String, String> targetConsumer();

        /** The consumers that read the dead-letter queue: the re-drive, and the count of letters waiting for it. */
        Map<String, String> redriveConsumer();

        /** The producer of dead letters. */
        Map<String, String> deadLetterProducer();
    }

    /** A broker reached over HTTP. */
    interface Broker {

        /** Its base URL. */
        @WithDefault("http://localhost:9292")
        String url();

        /** Basic-auth user (with {@link #password()}). */
        Optional<String> username();

        Optional<String> password();

        /** A bearer token; wins over a user. */
        Optional<String> token();
    }

    /** One broker the events are written to. */
    interface Target {

        /** Its name: in metrics, the consumer group, the DLQ key and the cut-over report. */
        String name();

        /** Its base URL. */
        String url();

        Optional<String> username();

        Optional<String> password();

        Optional<String> token();

        /** A disabled target gets nothing and is not compared; its consumer group keeps its place. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Which kinds of event it gets: pacts, verifications, pacticipants, versions, environments, deployments,
         * releases, deletions. Deletions are off by default: an old broker keeps what it had until it is retired.
         */
        @WithDefault("pacts,verifications,pacticipants,versions,environments,deployments,releases")
        List<String> events();

        /** Whether it is an old broker that Pactport must hold every production version of before the cut-over. */
        @WithDefault("true")
        boolean cutover();
    }
}
