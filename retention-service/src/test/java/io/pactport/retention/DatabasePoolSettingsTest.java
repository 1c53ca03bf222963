package io.pactport.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Pact Broker's pool settings, under its old names, shape this service's JDBC pool as they do broker-api's. */
@QuarkusTest
@TestProfile(DatabasePoolSettingsTest.PoolSettings.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DatabasePoolSettingsTest {

    public static class PoolSettings implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "PACT_BROKER_DATABASE_MAX_CONNECTIONS", "6",
                    "PACT_BROKER_DATABASE_POOL_TIMEOUT", "2",
                    "PACT_BROKER_DATABASE_CONNECTION_VALIDATION_TIMEOUT", "-1");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theJdbcPoolHasTheSetSizeWaitAndValidation() {
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();

        assertThat(pool.maxSize()).isEqualTo(6);
        assertThat(pool.acquisitionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(pool.validateOnBorrow()).isTrue();
    }
}
