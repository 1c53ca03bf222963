package io.pactport.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL of {@code ./pactport up}: the same embedded server the tests use, but on a fixed port with its data kept
 * in a directory, so a second {@code up} finds the first one's data. Runs until the process is stopped.
 *
 * <p>Usage: {@code LocalPostgres <data directory> <port> <database>}
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String database = args[2];
        boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        Files.createDirectories(dataDirectory);
        // zonky runs initdb only where there is no cluster yet; "clean" would also delete the directory when stopping
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery();
                    Statement create = c.createStatement()) {
                if (!rs.next()) {
                    create.execute("CREATE DATABASE \"" + database + "\" ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }
        System.out.println("PostgreSQL " + (fresh ? "created" : "reopened") + " in " + dataDirectory
                + ", listening on 127.0.0.1:" + port + ", database " + database);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                pg.close();
                            } catch (Exception e) {
                                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                            }
                            stopped.countDown();
                        },
                        "local-postgres-stop"));
        stopped.await();
    }
}
