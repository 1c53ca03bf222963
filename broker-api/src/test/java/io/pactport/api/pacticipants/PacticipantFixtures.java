package io.pactport.api.pacticipants;

import static io.restassured.RestAssured.given;

import io.pactport.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds pacticipant data through the API (as clients do) or, for what this area does not write (environments, pacts,
 * verifications, deployments), with SQL; and reads the database for assertions.
 */
public final class PacticipantFixtures {

    public static final List<String> TABLES = List.of("pacticipants", "versions", "tags", "branches", "branch_versions",
            "branch_heads", "labels", "pact_versions", "pact_publications", "verifications", "deployed_versions",
            "released_versions", "webhooks", "triggered_webhooks", "pactport_outbox");

    private final TestDatabase database;

  public   PacticipantFixtures(TestDatabase database) {
        this.database = database;
    }

    /** A name no other test uses, so tests sharing the class's database stay independent. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void pacticipant(String name) {
        given().contentType("application/json").body(Map.of("name", name)).post("/pacticipants").then().statusCode(201);
    }

    public void version(String pacticipant, String number) {
        given().contentType("application/json").body("{}").put("/pacticipants/{p}/versions/{v}", pacticipant, number)
                .then().statusCode(201);
    }

    public void branchVersion(String pacticipant, String branch, String number) {
        given().contentType("application/json").body("{}")
                .put("/pacticipants/{p}/branches/{b}/versions/{v}", pacticipant, branch, number)
                .then().statusCode(201);
    }

    public void tag(String pacticipant, String number, String tag) {
        given().contentType("application/json").body("{}")
                .put("/pacticipants/{p}/versions/{v}/tags/{t}", pacticipant, number, tag).then().statusCode(201);
    }

    /** An environment as the environments API stores it; its uuid. */
    public String environment(String name) {
        String uuid = UUID.randomUUID().toString();
        update("""
                INSERT INTO environments (uuid, name, display_name, production, created_at, updated_at)
                VALUES (?, ?, ?, false, now(), now())
                """, uuid, name, name.toUpperCase());
        return uuid;
    }

    /** A pact from the consumer version to the provider, verified by the provider version, deployed and released. */
    public void pactVerifiedAndDeployed(String consumer, String consumerVersion, String provider, String providerVersion,
            String environmentUuid) {
        update("""
                INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at)
                SELECT c.id, p.id, md5(random()::text), '{}', now()
                FROM pacticipants c, pacticipants p WHERE c.name = ? AND p.name = ?
                """, consumer, provider);
        update("""
                INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number, pact_version_id,
                                               created_at, consumer_id)
                SELECT v.id, p.id, 1, pv.id, now(), c.id
                FROM pacticipants c JOIN versions v ON v.pacticipant_id = c.id AND v.number = ?,
                     pacticipants p, pact_versions pv
                WHERE c.name = ? AND p.name = ? AND pv.consumer_id = c.id AND pv.provider_id = p.id
                """, consumerVersion, consumer, provider);
        update("""
                INSERT INTO verifications (number, success, pact_version_id, execution_date, created_at,
                                           provider_version_id, consumer_id, provider_id)
                SELECT nextval('verification_number_sequence'), true, pv.id, now(), now(), v.id, c.id, p.id
                FROM pacticipants c, pacticipants p JOIN versions v ON v.pacticipant_id = p.id AND v.number = ?,
                     pact_versions pv
                WHERE c.name = ? AND p.name = ? AND pv.consumer_id = c.id AND pv.provider_id = p.id
                """, providerVersion, consumer, provider);
        update("""
                INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
                SELECT ?, v.id, v.pacticipant_id, e.id, now(), now()
                FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id, environments e
                WHERE p.name = ? AND v.number = ? AND e.uuid = ?
                """, UUID.randomUUID().toString(), consumer, consumerVersion, environmentUuid);
        update("""
                INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
                SELECT ?, v.id, v.pacticipant_id, e.id, now(), now()
                FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id, environments e
                WHERE p.name = ? AND v.number = ? AND e.uuid = ?
                """, UUID.randomUUID().toString(), provider, providerVersion, environmentUuid);
    }

    /** Row counts of the tables this area writes or deletes from. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, scalar("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** The event types appended for the key, in order. */
    public List<String> events(String key) {
        return strings("SELECT event_type FROM pactport_outbox WHERE event_key = ? ORDER BY id", key);
    }

    /** The payloads appended for the key with the type, as JSON text. */
    public List<String> payloads(String key, String type) {
        return strings("SELECT payload::text FROM pactport_outbox WHERE event_key = ? AND event_type = ? ORDER BY id",
                key, type);
    }

    public long scalar(String sql, Object... args) {
        try (Connection c = database.connect(); PreparedStatement s = prepare(c, sql, args);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> strings(String sql, Object... args) {
        try (Connection c = database.connect(); PreparedStatement s = prepare(c, sql, args);
                ResultSet rs = s.executeQuery()) {
            List<String> all = new ArrayList<>();
            while (rs.next()) {
                all.add(rs.getString(1));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void update(String sql, Object... args) {
        try (Connection c = database.connect(); PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
