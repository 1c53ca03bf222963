package io.pactport.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of one test JVM: embedded (zonky, PostgreSQL 17 binaries from Maven Central) by default, a
 * Testcontainers container when {@code -Dpactport.test.containers=true} and a Docker engine exists. Each caller gets a
 * database of its own, so test classes never see each other's rows.
 */
public final class TestPostgres {

    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    /** Creates an empty database on the shared server, starting the server on first use. */
    public static synchronized TestDatabase newDatabase(String purpose) {
        if (server == null) {
            server = TestInfra.useContainers() ? ContainerPostgres.start() : embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        }
        String name = (purpose.replaceAll("[^A-Za-z0-9]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
        try (Connection c = server.admin().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        TestDatabase admin = server.admin();
        return new TestDatabase(admin.host(), admin.port(), name, admin.username(), admin.password());
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            TestDatabase admin = new TestDatabase("127.0.0.1", pg.getPort(), "postgres", USER, PASSWORD);
            return new Server(admin, () -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    record Server(TestDatabase admin, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }
}
