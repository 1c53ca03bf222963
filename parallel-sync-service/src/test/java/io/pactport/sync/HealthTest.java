package io.pactport.sync;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.ServiceHealthAssertions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class HealthTest {

    @Test
    void readinessChecksPostgresAndKafkaForReal() {
        ServiceHealthAssertions.readyWithDatabaseAndKafka();
    }

    @Test
    void servesPrometheusMetrics() {
        ServiceHealthAssertions.servesPrometheusMetrics();
    }
}
