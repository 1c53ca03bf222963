package io.pactport.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Pact Broker's pool settings, set under its old names as a team moving over would have them, shape broker-api's
 * reactive pool: its size, how long a request waits for a connection, and PostgreSQL's statement timeout.
 */
@QuarkusTest
@TestProfile(DatabasePoolSettingsTest.SmallPool.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DatabasePoolSettingsTest {

    public static class SmallPool implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "PACT_BROKER_DATABASE_MAX_CONNECTIONS", "2",
                    "PACT_BROKER_DATABASE_POOL_TIMEOUT", "1",
                    "PACT_BROKER_DATABASE_STATEMENT_TIMEOUT", "2");
        }
    }

    @Inject
    Pool pool;

    @Test
    void theStatementTimeoutIsTheSetOne() {
        assertThat(DatabasePoolDefaultsTest.show(pool, "statement_timeout")).isEqualTo("2s");
        assertThatThrownBy(
                        () -> pool.query("SELECT pg_sleep(3)").execute().await().atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("statement timeout");
    }

    @Test
    void theRequestsShareAtMostTheSetNumberOfConnections() {
        List<Uni<Integer>> queries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queries.add(pool.query("SELECT pg_backend_pid() AS pid, pg_sleep(0.1)")
                    .execute()
                    .map(rows -> rows.iterator().next().getInteger("pid")));
        }
        List<Integer> pids = Uni.join().all(queries).andFailFast().await().atMost(Duration.ofSeconds(10));
        Set<Integer> connections = new HashSet<>(pids);
        assertThat(connections).hasSize(2);
    }

    @Test
    void aRequestWaitsForAFreeConnectionOnlyAsLongAsThePoolTimeout() {
        SqlConnection first = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        SqlConnection second = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> pool.getConnection().await().atMost(Duration.ofSeconds(10)))
                    .as("the third waits for one of two busy connections")
                    .hasMessageContaining("Timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
    }
}
