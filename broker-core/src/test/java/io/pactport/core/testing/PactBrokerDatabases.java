package io.pactport.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Databases as a Pact Broker 2.120 leaves them. Built by running V1's DDL directly, without Flyway, which
 * {@code PactBrokerSchemaTest} proves equal to a real Pact Broker 2.120 database; so no Pactport table is present.
 */
public final class PactBrokerDatabases {

    private static final String V1 = "db/migration/V1__pact_broker_2_120_schema.sql";

    private PactBrokerDatabases() {}

    /** A new database holding an untouched Pact Broker 2.120 schema (all 179 {@code schema_migrations} rows). */
    public static TestDatabase pactBroker2120(String purpose) {
        TestDatabase db = TestPostgres.newDatabase(purpose);
        execute(db, readV1());
        return db;
    }

    /** Runs SQL text (several statements) on {@code db}. */
    public static void execute(TestDatabase db, String sql) {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run SQL on " + db.name() + ": " + e.getMessage(), e);
        }
    }

    /** The one number a query such as {@code SELECT count(*) ...} returns on {@code db}. */
    public static long count(TestDatabase db, String sql) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not query " + db.name() + ": " + e.getMessage(), e);
        }
    }

    private static String readV1() {
        try (InputStream in = PactBrokerDatabases.class.getClassLoader().getResourceAsStream(V1)) {
            if (in == null) {
                throw new IllegalStateException(V1 + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
