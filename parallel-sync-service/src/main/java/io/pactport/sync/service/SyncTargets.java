package io.pactport.sync.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.pactport.core.remote.BrokerCredentials;
import io.pactport.core.remote.BrokerReader;
import io.pactport.core.remote.BrokerWriter;
import io.pactport.core.remote.PactBrokerClient;
import io.pactport.sync.config.SyncConfig;
import io.pactport.sync.delivery.TargetStats;
import io.pactport.sync.messaging.DeadLetterRedrive;
import io.pactport.sync.messaging.DeadLetters;
import io.pactport.sync.messaging.TargetConsumer;
import io.pactport.sync.messaging.TargetSync;
import io.pactport.sync.model.EventKind;
import io.pactport.sync.model.TargetStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jboss.logging.Logger;

/**
 * The configured targets: checks the settings at start-up (a wrong one stops the start, naming it), starts one
 * consumer per enabled target, and gives the resources what they show and re-drive. No target configured: the service
 * is idle and healthy.
 */
@ApplicationScoped
public class SyncTargets {

    private static final Logger LOG = Logger.getLogger(SyncTargets.class);

    /** A configured target and, when enabled, its running sync. */
    public record Target(SyncConfig.Target config, Set<EventKind> kinds, BrokerWriter writer, TargetSync sync) {}

    private final SyncConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Object> kafka;
    /** Published whole once read, so the scheduler's threads see no half-read list. */
    private volatile Map<String, Target> targets = Map.of();

    private final List<TargetConsumer> consumers = new ArrayList<>();
    private DeadLetters deadLetters;

    SyncTargets(
            SyncConfig config,
            MeterRegistry registry,
            Clock clock,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.kafka = new HashMap<>(kafka);
    }

    void start(@Observes StartupEvent start) {
        Map<String, Target> read = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (SyncConfig.Target target : config.targets()) {
            if (!names.add(target.name())) {
                throw new IllegalArgumentException(
                        "pactflow.sync.targets: the name '" + target.name() + "' is used twice");
            }
            Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
            target.events().forEach(name -> kinds.add(EventKind.named(name)));
            BrokerWriter writer =
                    new BrokerWriter(client(target.url(), target.username(), target.password(), target.token()));
            TargetSync sync = null;
            if (target.enabled()) {
                if (deadLetters == null) {
                    deadLetters = new DeadLetters(
                            settings(
                                    ProducerConfig.configNames(), config.kafka().deadLetterProducer()),
                            clock);
                }
                sync = new TargetSync(
                        target.name(),
                        kinds,
                        writer,
                        deadLetters,
                        new TargetStats(target.name(), registry, clock),
                        config.retryInitialBackoff(),
                        config.retryMaxBackoff());
                TargetConsumer consumer = new TargetConsumer(
                        sync,
                        settings(ConsumerConfig.configNames(), config.kafka().targetConsumer()),
                        config.consumerGroupPrefix() + target.name(),
                        config.concurrency(),
                        config.timeout());
                consumers.add(consumer);
                consumer.start();
            }
            read.put(target.name(), new Target(target, kinds, writer, sync));
            LOG.infof(
                    "sync target %s: %s, %s, events %s",
                    target.name(), target.url(), target.enabled() ? "enabled" : "disabled", kinds);
        }
        if (read.isEmpty()) {
            LOG.info("no sync target is configured (pactflow.sync.targets): nothing to do");
        }
        targets = Collections.unmodifiableMap(read);
    }

    void stop(@Observes ShutdownEvent stop) {
        consumers.forEach(TargetConsumer::stop);
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    public List<Target> all() {
        return List.copyOf(targets.values());
    }

    public Optional<Target> named(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    public List<TargetStatus> statuses() {
        return targets.values().stream()
                .map(t -> {
                    TargetStats s = t.sync() == null ? null : t.sync().stats();
                    TargetStats.LastError error = s == null ? null : s.lastError();
                    SyncConfig.Target c = t.config();
                    OptionalLong waiting = DeadLetterRedrive.waiting(
                            c.name(), redriveSettings(), redriveGroup(c.name()), config.timeout());
                    return new TargetStatus(
                            c.name(),
                            c.url(),
                            c.enabled(),
                            t.kinds().stream().map(k -> k.name().toLowerCase()).toList(),
                            c.cutover(),
                            credentials(c.username(), c.password(), c.token()).toString(),
                            s == null ? 0 : s.delivered(),
                            s == null ? 0 : s.retried(),
                            s == null ? 0 : s.deadLettered(),
                            waiting.isPresent() ? waiting.getAsLong() : null,
                            s == null ? 0 : s.skipped(),
                            s == null ? 0 : s.lagEvents(),
                            s == null ? 0 : s.lagSeconds(),
                            error == null ? null : error.message(),
                            error == null ? null : error.at());
                })
                .toList();
    }

    /** Tries the target's dead letters again. */
    public DeadLetterRedrive.Summary redrive(Target target) {
        if (target.sync() == null) {
            throw new TargetDisabledException(target.config().name());
        }
        return DeadLetterRedrive.run(
                target.sync(), redriveSettings(), redriveGroup(target.config().name()));
    }

    /** The consumer group whose place in the DLQ is where the target's next re-drive starts. */
    private String redriveGroup(String target) {
        return config.consumerGroupPrefix() + target + "-redrive";
    }

    /** Pactport's own API, as the cut-over check reads it and the backfill writes to it. */
    public BrokerWriter pactport() {
        SyncConfig.Broker p = config.pactport();
        return new BrokerWriter(client(p.url(), p.username(), p.password(), p.token()));
    }

    public BrokerReader reader(Target target) {
        return target.writer().reader();
    }

    private PactBrokerClient client(
            String url, Optional<String> username, Optional<String> password, Optional<String> token) {
        return new PactBrokerClient(url, credentials(username, password, token), config.timeout());
    }

    private static BrokerCredentials credentials(
            Optional<String> username, Optional<String> password, Optional<String> token) {
        return token.map(BrokerCredentials::bearer)
                .orElseGet(() -> username.map(u -> BrokerCredentials.basic(u, password.orElse("")))
                        .orElse(BrokerCredentials.NONE));
    }

    private Map<String, Object> redriveSettings() {
        return settings(ConsumerConfig.configNames(), config.kafka().redriveConsumer());
    }

    /** A client's settings: the shared {@code kafka.*} ones that concern it, then its own from the sync's config. */
    private Map<String, Object> settings(Set<String> names, Map<String, String> own) {
        Map<String, Object> selected = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (names.contains(key)) {
                selected.put(key, value.toString());
            }
        });
        selected.putAll(own);
        return selected;
    }
}
