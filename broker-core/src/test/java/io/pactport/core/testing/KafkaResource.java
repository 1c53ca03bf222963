package io.pactport.core.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The test JVM's real Kafka for a Quarkus test. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by a shutdown hook
    }
}
