package io.pactport.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With no pool setting, broker-api's pool has the Pact Broker's defaults. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DatabasePoolDefaultsTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout")
    Duration jdbcWait;

    @Test
    void statementsTimeOutAfterTheDefaultFifteenSeconds() {
        // shorter than the 30 s request timeout, so the Pact Broker's default holds
        assertThat(show(pool, "statement_timeout")).isEqualTo("15s");
    }

    @Test
    void theJdbcPoolWaitsTheDefaultFiveSeconds() {
        assertThat(jdbcWait).isEqualTo(Duration.ofSeconds(5));
    }

    static String show(Pool pool, String setting) {
        return pool.query("SHOW " + setting)
                .execute()
                .await()
                .atMost(Duration.ofSeconds(5))
                .iterator()
                .next()
                .getString(0);
    }
}
