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
    /**
     * Where the running server is, so that a second class loader in the same JVM (Quarkus' test and launch class loaders)
     * reuses it instead of starting another.
     */
    private static final String SERVER_PROPERTY = "pactport.test.postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {}

    /** Creates an empty database on the shared server, starting the server on first use. */
    public static TestDatabase newDatabase(String purpose) {
        return database(purpose.replaceAll("[^A-Za-z0-9]", "_") + "_" + System.nanoTime() % 1_000_000_000L + "_"
                + DATABASES.incrementAndGet());
    }

    /** The database called {@code name}, created empty on first use; the same one for every later call in the JVM. */
    public static TestDatabase database(String name) {
        TestDatabase admin = admin();
        String lowerName = name.toLowerCase();
        try (Connection c = admin.connect();
                Statement s = c.createStatement()) {
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + lowerName + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + lowerName + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + lowerName, e);
        }
        return new TestDatabase(admin.host(), admin.port(), lowerName, admin.username(), admin.password());
    }

    private static synchronized TestDatabase admin() {
        String running = System.getProperty(SERVER_PROPERTY);
        if (running != null) {
            String[] hostPort = running.split(":");
            return new TestDatabase(hostPort[0], Integer.parseInt(hostPort[1]), "postgres", USER, PASSWORD);
        }
        // both kinds stop themselves when the JVM ends: zonky by its own shutdown hook, containers by Testcontainers
        TestDatabase admin = TestInfra.useContainers() ? ContainerPostgres.start() : embedded();
        System.setProperty(SERVER_PROPERTY, admin.host() + ":" + admin.port());
        return admin;
    }

    private static TestDatabase embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new TestDatabase("127.0.0.1", pg.getPort(), "postgres", USER, PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }
}
