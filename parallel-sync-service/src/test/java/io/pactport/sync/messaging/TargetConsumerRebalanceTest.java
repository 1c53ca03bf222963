package io.pactport.sync.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.CloudEventSerializer;
import io.pactport.core.events.PactportEvent.TagAdded;
import io.pactport.core.events.Topics;
import io.pactport.core.testing.TestKafka;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sync instances of one target (two consumers in its group) share its partitions while events keep coming: a
 * second one joins mid-stream, then the first one leaves. Every event reaches the target, and per key in order: what a
 * handover writes twice is a replay from an earlier event onwards (the new owner starts at the lowest unfinished
 * offset), never an event skipped or overtaken.
 */
class TargetConsumerRebalanceTest {

    private static final int KEYS = 24;
    private static final int EVENTS = 1200;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String group = "sync-rebalance-test-" + run;
    /** Per key, the number (within the key) of each event the target took, in arrival order. */
    private final Map<String, List<Integer>> arrivals = new ConcurrentHashMap<>();

    private final Set<String> arrived = ConcurrentHashMap.newKeySet();
    private HttpServer target;
    private DeadLetters deadLetters;

    @BeforeEach
    void start() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        target.setExecutor(Executors.newFixedThreadPool(32));
        // PUT /pacticipants/{key}/versions/1/tags/t{n}: recorded on arrival, answered a little later, so that a
        // handover finds writes in flight
        target.createContext("/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length == 7 && path[2].startsWith(run)) {
                int n = Integer.parseInt(path[6].substring(1));
                arrivals.computeIfAbsent(path[2], k -> new CopyOnWriteArrayList<>())
                        .add(n);
                arrived.add(path[2] + "/" + n);
            }
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        target.start();
        deadLetters = LaneTestKafka.prepare(group);
    }

    @AfterEach
    void stop() {
        target.stop(0);
        deadLetters.close();
    }

    @Test
    void aJoiningAndALeavingInstanceLoseNothingAndKeepTheOrderPerKey() throws Exception {
        Thread producer = new Thread(this::produce, "rebalance-test-producer");
        TargetConsumer first = consumer();
        first.start();
        producer.start();
        LaneTestKafka.await(() -> arrived.size() >= EVENTS / 4, "a quarter of the events to arrive", WAIT);
        TargetConsumer second = consumer();
        second.start();
        int beforeJoin = arrived.size();
        LaneTestKafka.await(
                () -> arrived.size() >= Math.max(EVENTS / 2, beforeJoin + 100),
                "events to arrive after the join",
                WAIT);
        first.stop();
        producer.join();
        LaneTestKafka.await(() -> arrived.size() == EVENTS, "every event to arrive", WAIT);
        second.stop();

        int replays = 0;
        for (Map.Entry<String, List<Integer>> key : arrivals.entrySet()) {
            List<Integer> ns = key.getValue();
            int highest = -1;
            for (int i = 0; i < ns.size(); i++) {
                int n = ns.get(i);
                boolean next = i > 0 && n == ns.get(i - 1) + 1;
                if (!next) {
                    // a run starts: the key's first event, or a replay from an event already written
                    assertThat(n)
                            .as(key.getKey() + ": event " + (highest + 1) + " skipped or overtaken: " + ns)
                            .isLessThanOrEqualTo(highest + 1);
                    replays += i == 0 ? 0 : 1;
                    if (i == 0) {
                        assertThat(n)
                                .as(key.getKey() + " did not start with its first event: " + ns)
                                .isZero();
                    }
                }
                highest = Math.max(highest, n);
            }
            assertThat(highest).as(key.getKey() + " is missing events: " + ns).isEqualTo(EVENTS / KEYS - 1);
        }
        assertThat(arrivals).hasSize(KEYS);
        // written again: only what was unfinished at a handover (at most 64 per lane and instance), not the stream
        int again = arrivals.values().stream().mapToInt(List::size).sum() - EVENTS;
        assertThat(again)
                .as(again + " events written twice, in " + replays + " replays")
                .isLessThan(EVENTS / 2);
    }

    private TargetConsumer consumer() {
        return LaneTestKafka.consumer("rebalance-" + run, target, deadLetters, group, 4);
    }

    /** The events at a steady pace (about 6 s), so that the join and the leave happen mid-stream. */
    private void produce() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            for (int seq = 0; seq < EVENTS; seq++) {
                String key = run + "-p" + (seq % KEYS);
                producer.send(new ProducerRecord<>(
                        Topics.PACTICIPANTS,
                        key,
                        CloudEventJson.envelope(
                                run + "-" + seq,
                                "/test",
                                OffsetDateTime.now(ZoneOffset.UTC),
                                new TagAdded(key, "1", "t" + seq / KEYS))));
                if (seq % 40 == 39) {
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
