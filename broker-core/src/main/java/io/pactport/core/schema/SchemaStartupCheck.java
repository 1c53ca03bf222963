package io.pactport.core.schema;

import io.pactport.core.config.DatabaseConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * Makes a service start only on a current schema: it migrates first when {@code PACTFLOW_DATABASE_AUTO_MIGRATE=true},
 * and otherwise stops the start with the command to run. (migration-service leaves this bean out: it is the tool that
 * migrates.)
 */
@Startup
@ApplicationScoped
public class SchemaStartupCheck {

    private final DataSource dataSource;
    private final DatabaseConfig config;

    SchemaStartupCheck(DataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @PostConstruct
    void check() {
        new Migrator(dataSource, config.migrationLockWait()).ensureCurrent(config.autoMigrate());
    }
}
