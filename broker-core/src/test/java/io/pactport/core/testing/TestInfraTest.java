package io.pactport.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The shared infrastructure is real: a PostgreSQL that keeps databases apart and a Kafka that delivers. */
class TestInfraTest {

    @Test
    void eachCallerGetsItsOwnEmptyDatabase() throws Exception {
        TestDatabase first = TestPostgres.newDatabase("infra");
        TestDatabase second = TestPostgres.newDatabase("infra");
        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection c = first.connect()) {
            c.createStatement().execute("CREATE TABLE only_in_first (id int)");
        }
        try (Connection c = second.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_first'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void kafkaDeliversWhatIsProduced() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        Properties producerProps = new Properties();
        producerProps.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
        try (var producer = new KafkaProducer<String, String>(producerProps)) {
            producer.send(new ProducerRecord<>("infra-test", "k", "hello")).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "infra-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()));
        try (var consumer = new KafkaConsumer<String, String>(consumerProps)) {
            consumer.subscribe(List.of("infra-test"));
            String received = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    received = record.value();
                }
            }
            assertThat(received).isEqualTo("hello");
        }
    }
}
