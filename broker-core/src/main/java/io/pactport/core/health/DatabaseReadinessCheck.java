package io.pactport.core.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while PostgreSQL answers a query within a deadline short enough for a readiness probe. Quarkus' own
 * datasource check waits for the pool (5 s) and then for the query for as long as the server takes, so a stopped or
 * unreachable server made every probe hang. The query runs on one thread of this check's own; while an earlier query
 * is still stuck, a probe answers DOWN at once instead of stacking another connection attempt behind it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "Database connections health check";
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final ExecutorService pinger = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pactport-database-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> pending;

    DatabaseReadinessCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (pending != null && !pending.isDone()) {
            return down("an earlier check has had no answer from PostgreSQL for over " + DEADLINE.toSeconds() + " s");
        }
        pending = pinger.submit(this::ping);
        try {
            pending.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up().build();
        } catch (TimeoutException e) {
            return down("no answer from PostgreSQL within " + DEADLINE.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return down(cause.getMessage());
        }
    }

    private Void ping() throws SQLException {
        try {
            selectOne();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                throw e;
            }
            // a pooled connection the server dropped while it sat idle (a restart, a failover); the pool has let it go
            selectOne();
        }
        return null;
    }

    private void selectOne() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) DEADLINE.toSeconds());
            statement.execute("SELECT 1");
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME)
                .down()
                .withData("reason", String.valueOf(reason))
                .build();
    }

    @PreDestroy
    void close() {
        pinger.shutdownNow();
    }
}
