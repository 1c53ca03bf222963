package io.pactport.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * Database settings every service shares beyond where the database is (that is {@link DatabaseSettings}). Read from
 * {@code PACTFLOW_DATABASE_*} environment variables.
 */
@ConfigMapping(prefix = "pactflow.database")
public interface DatabaseConfig {

    /** Migrate the schema at start-up ({@code PACTFLOW_DATABASE_AUTO_MIGRATE}); otherwise refuse a stale schema. */
    @WithDefault("false")
    boolean autoMigrate();

    /** How long a start-up migration waits for a Pact Broker or another Pactport that is migrating. */
    @WithName("migration-lock-wait")
    @WithDefault("5m")
    Duration migrationLockWait();
}
