package io.pactport.api.pacts;

import static io.restassured.RestAssured.given;

import io.pactport.core.testing.TestDatabase;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pacts to publish and the database checks the pact, contract and verification tests share. */
public final class PactFixtures {

    /** Tables a publication or verification writes, whose row counts prove that a refused request wrote nothing. */
    public static final List<String> WRITTEN_TABLES = List.of("pacticipants", "versions", "tags", "branches",
            "branch_versions", "pact_versions", "pact_publications", "latest_pact_publication_ids_for_consumer_versions",
            "integrations", "verifications", "latest_verification_id_for_pact_version_and_provider_version",
            "pact_version_provider_tag_successful_verifications", "pactport_outbox");

    private PactFixtures() {
    }

    /** A name no other test uses, so tests sharing a database stay independent. */
    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A pact with one HTTP interaction per description. */
    public static String pact(String consumer, String provider, String... descriptions) {
        StringBuilder interactions = new StringBuilder();
        for (String description : descriptions) {
            if (!interactions.isEmpty()) {
                interactions.append(',');
            }
            interactions.append("""
                    {"description":"%s","providerState":"a state","request":{"method":"GET","path":"/%s"},\
                    "response":{"status":200,"body":{"price":1.0}}}""".formatted(description,
                    description.replace(' ', '-')));
        }
        return """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},"interactions":[%s],\
                "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer, provider, interactions);
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static ValidatableResponse put(String consumer, String provider, String version, String pact) {
        return given().contentType("application/json").body(pact)
                .when().put("/pacts/provider/{p}/consumer/{c}/version/{v}", provider, consumer, version)
                .then();
    }

    public static long count(TestDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static String text(TestDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Row counts of every written table. */
    public static Map<String, Long> counts(TestDatabase database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : WRITTEN_TABLES) {
            counts.put(table, count(database, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    public static void execute(TestDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
