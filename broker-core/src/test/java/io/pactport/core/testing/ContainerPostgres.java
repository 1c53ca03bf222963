package io.pactport.core.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL from Testcontainers, for machines with a Docker engine that ask for it. */
final class ContainerPostgres {

    private ContainerPostgres() {}

    static TestDatabase start() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17")
                .withUsername("postgres")
                .withPassword("postgres")
                .withDatabaseName("postgres");
        container.start();
        return new TestDatabase(container.getHost(), container.getMappedPort(5432), "postgres", "postgres", "postgres");
    }
}
