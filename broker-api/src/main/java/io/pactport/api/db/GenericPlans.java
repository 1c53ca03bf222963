package io.pactport.api.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.function.Function;

/**
 * Runs statements in a read transaction whose prepared statements keep one plan per connection, whatever values they
 * get. PostgreSQL plans a prepared statement anew for its values until it finds a generic plan cheaper; for the
 * matrix's statements (arrays of ids, whose lengths the planner only sees per value) and the WIP pacts statement (a
 * dozen joins) it never does, so every request paid the planning: 2 to 6 ms for the matrix row statement, about 20 ms
 * for WIP pacts, more than running them. The plans they keep for any values are as good: all of them are driven by
 * the few ids they are given, through indexes (README, "Performance", has the plans).
 */
public final class GenericPlans {

    private static final String FORCE_GENERIC = "SET LOCAL plan_cache_mode = force_generic_plan";

    private GenericPlans() {}

    /** {@code work} on one connection, in a transaction that plans its statements once per connection. */
    public static <T> Uni<T> inTransaction(Pool pool, Function<SqlClient, Uni<T>> work) {
        return pool.withTransaction(c -> c.query(FORCE_GENERIC).execute().flatMap(set -> work.apply(c)));
    }
}
