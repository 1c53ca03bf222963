package io.pactport.api.environments;

import static io.restassured.RestAssured.given;

import io.pactport.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds environments (through the API) and pacticipant versions (directly in the database, since recording a
 * deployment needs an existing version) and reads back what the tests check.
 */
public record DeploymentFixtures(TestDatabase database) {

    /** A name no other test in the class uses, so tests stay independent on the class's shared database. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the environment and returns its uuid. */
    public String environment(String name, boolean production) {
        return given().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"production\":" + production + "}")
                .when().post("/environments")
                .then().statusCode(201)
                .extract().path("uuid");
    }

    /** Creates the pacticipant (if absent) and its version, as publishing would. */
    public void version(String pacticipant, String number) {
        update("""
                INSERT INTO pacticipants (name, created_at, updated_at)
                VALUES (?, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC') ON CONFLICT (name) DO NOTHING
                """, pacticipant);
        update("""
                INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                SELECT ?, id, nextval('version_order_sequence'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                FROM pacticipants WHERE name = ?
                """, number, pacticipant);
    }

    public long count(String sql, Object... params) {
        return Long.parseLong(single(sql, params));
    }

    /** The first column of the first row, as text (null for SQL NULL). */
    public String single(String sql, Object... params) {
        List<String> all = column(sql, params);
        return all.isEmpty() ? null : all.get(0);
    }

    public List<String> column(String sql, Object... params) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox's event types for one key, oldest first. */
    public List<String> events(String key) {
        return column("SELECT event_type FROM pactport_outbox WHERE event_key = ? ORDER BY id", key);
    }

    public long outboxSize() {
        return count("SELECT count(*) FROM pactport_outbox");
    }

    private void update(String sql, Object... params) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
