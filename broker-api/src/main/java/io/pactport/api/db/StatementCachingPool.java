package io.pactport.api.db;

import io.pactport.api.config.ApiConfig;
import io.pactport.core.config.DatabasePool;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;

/**
 * The reactive pool as Quarkus configures it, except that every statement broker-api sends stays prepared on its
 * connection however long its text. Vert.x caches only statements of up to 2,048 characters; the matrix row statement
 * and the pacts-for-verification ones are longer, so without this they were parsed and planned anew on every request,
 * and planning cost more than running them (README, "Performance"). The cache's size (256 statements per connection,
 * least recently used out) still bounds the memory; broker-api builds far fewer distinct texts.
 * <p>
 * Every connection also carries PostgreSQL's {@code statement_timeout}: the Pact Broker's
 * {@code PACTFLOW_DATABASE_STATEMENT_TIMEOUT}, or the request timeout when that is shorter, so a statement that waits
 * on a lock longer than a client is willing to wait is cancelled by the server and the request that timed out does not
 * commit behind the client's back. A request waits at most {@code PACTFLOW_DATABASE_POOL_TIMEOUT} for a free
 * connection ({@link DatabasePool}).
 */
@Singleton
public class StatementCachingPool implements PgPoolCreator {

    /** Longer than any statement broker-api builds. */
    static final int SQL_LIMIT = 65_536;

    private final Duration statementTimeout;
    private final Duration poolTimeout;

    StatementCachingPool(ApiConfig api, Config config) {
        DatabasePool pool = DatabasePool.from(config);
        Duration request = api.requestTimeout();
        this.statementTimeout = request.compareTo(pool.statementTimeout()) < 0 ? request : pool.statementTimeout();
        this.poolTimeout = pool.poolTimeout();
    }

    @Override
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setPreparedStatementCacheSqlLimit(SQL_LIMIT);
            options.addProperty("statement_timeout", String.valueOf(statementTimeout.toMillis()));
        }
        input.poolOptions()
                .setConnectionTimeout((int) poolTimeout.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
