package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.BenchmarkDataset;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the system-tests benchmarks share: the PostgreSQL server whose data directory ({@code target/benchmark-pg}) keeps
 * the seeded benchmark dataset between runs, the dataset at {@code -Dpactport.benchmark.scale} (1 = 1M versions)
 * seeded once and reused, copies of it for benchmarks that change data, broker-api started on a database, timed
 * requests and the figures written to {@code target/benchmark/}.
 */
final class BenchmarkEnvironment implements AutoCloseable {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final double scale;
    final BenchmarkDataset.Shape shape;
    private final EmbeddedPostgres pg;

    private BenchmarkEnvironment(double scale, EmbeddedPostgres pg) {
        this.scale = scale;
        this.shape = BenchmarkDataset.Shape.of(scale);
        this.pg = pg;
    }

    /** Starts the benchmark server on its kept data directory. */
    static BenchmarkEnvironment start() throws IOException {
        double scale = Double.parseDouble(System.getProperty("pactport.benchmark.scale", "1"));
        Path data = Path.of("target", "benchmark-pg").toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(ServiceProcess.freePort())
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        return new BenchmarkEnvironment(scale, pg);
    }

    /** The dataset at this scale, seeded unless the kept database already holds one of this size. */
    TestDatabase seeded() throws Exception {
        TestDatabase db = database("bench_" + String.valueOf(scale).replaceAll("[^0-9]", "_"));
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            boolean exists = exists(s, db.name());
            if (exists && versions(db) == shape.versions()) {
                System.out.println("reusing the benchmark database " + db.name() + " in target/benchmark-pg");
                return db;
            }
            if (exists) {
                s.execute("DROP DATABASE " + db.name());
            }
            s.execute("CREATE DATABASE " + db.name() + " ENCODING 'UTF8' TEMPLATE template0");
        }
        long start = System.nanoTime();
        Map<String, Long> counts = new LinkedHashMap<>(BenchmarkDataset.seed(db, scale));
        System.out.printf("seeded %s in %.0f s%n", counts, (System.nanoTime() - start) / 1e9);
        return db;
    }

    /**
     * A fresh copy of the seeded dataset called {@code name}, for a benchmark that changes data; the original stays as
     * it is for the next run. A file copy ({@code STRATEGY FILE_COPY}): the default strategy would write the whole
     * database through the WAL.
     */
    TestDatabase copyOfSeeded(String name) throws Exception {
        TestDatabase source = seeded();
        long start = System.nanoTime();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + source.name() + " STRATEGY FILE_COPY");
        }
        System.out.printf("copied %s to %s in %.0f s%n", source.name(), name, (System.nanoTime() - start) / 1e9);
        return database(name);
    }

    void drop(TestDatabase db) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
        }
    }

    /** The environment every Pactport service gets for {@code db} (Kafka is the test JVM's). */
    static Map<String, String> serviceEnv(TestDatabase db) {
        return Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers());
    }

    /** The packaged broker-api on {@code db}, ready. */
    static ServiceProcess startBrokerApi(TestDatabase db) throws Exception {
        ServiceProcess api = ServiceProcess.start("broker-api", serviceEnv(db));
        try {
            api.awaitReady(Duration.ofSeconds(120));
        } catch (AssertionError e) {
            api.close();
            throw e;
        }
        return api;
    }

    /** Sends requests {@code from} to {@code from + count - 1} one after another; each must answer 200. */
    static Latencies time(String name, IntFunction<HttpRequest> request, int from, int count) throws Exception {
        long[] nanos = new long[count];
        for (int k = 0; k < count; k++) {
            HttpRequest r = request.apply(from + k);
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            nanos[k] = System.nanoTime() - start;
            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(200);
        }
        return new Latencies(nanos);
    }

    /** The machine's 1, 5 and 15 minute load averages (Linux): every figure depends on them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Writes the figures to {@code target/benchmark/<file>} and prints them. */
    static void writeResults(String file, List<String> lines) throws IOException {
        Path results = Path.of("target", "benchmark", file);
        Files.createDirectories(results.getParent());
        Files.writeString(results, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }

    private TestDatabase database(String name) {
        return new TestDatabase("127.0.0.1", pg.getPort(), name, "postgres", "postgres");
    }

    private static boolean exists(Statement s, String database) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return rs.next();
        }
    }

    private static long versions(TestDatabase db) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM versions")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Request latencies, sorted. */
    record Latencies(long[] nanos) {

        Latencies {
            nanos = nanos.clone();
            Arrays.sort(nanos);
        }

        int count() {
            return nanos.length;
        }

        /** The quantile in milliseconds, one decimal. */
        String ms(double quantile) {
            long value = nanos[(int) Math.ceil(quantile * nanos.length) - 1];
            return String.format("%.1f", value / 1_000_000.0);
        }

        double millis(double quantile) {
            return nanos[(int) Math.ceil(quantile * nanos.length) - 1] / 1_000_000.0;
        }
    }
}
