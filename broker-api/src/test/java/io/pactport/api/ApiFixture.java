package io.pactport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.pacts.MetadataCodec;
import io.pactport.core.pact.PactContent;
import io.pactport.core.schema.Migrator;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestPostgres;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one fixture of broker-api's tests. It seeds data through the API, as CI pipelines and clients do (pacticipants,
 * versions, branches, tags, pacts, verification results, environments, deployments, releases), or with SQL where a test
 * needs rows without the events the API would append; it reads the database and the outbox for assertions. Names are
 * unique per test, so tests sharing one application and database stay independent.
 */
public final class ApiFixture {

    /** Tables a request writes or deletes from, whose row counts prove that a refused request changed nothing. */
    public static final List<String> TABLES = List.of(
            "pacticipants",
            "versions",
            "tags",
            "branches",
            "branch_versions",
            "branch_heads",
            "labels",
            "pact_versions",
            "pact_publications",
            "latest_pact_publication_ids_for_consumer_versions",
            "integrations",
            "verifications",
            "latest_verification_id_for_pact_version_and_provider_version",
            "pact_version_provider_tag_successful_verifications",
            "deployed_versions",
            "released_versions",
            "webhooks",
            "triggered_webhooks",
            "pactport_outbox");

    private ApiFixture() {}

    /** A name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // Bodies

    /** A pact with one HTTP interaction per description. */
    public static String pact(String consumer, String provider, String... descriptions) {
        StringBuilder interactions = new StringBuilder();
        for (String description : descriptions) {
            if (!interactions.isEmpty()) {
                interactions.append(',');
            }
            interactions.append("""
                    {"description":"%s","providerState":"a state","request":{"method":"GET","path":"/%s"},\
                    "response":{"status":200,"body":{"price":1.0}}}""".formatted(description, description.replace(' ', '-')));
        }
        return """
                {"consumer":{"name":"%s"},"provider":{"name":"%s"},"interactions":[%s],\
                "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer, provider, interactions);
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A webhook body; {@code scope} is extra top-level JSON (e.g. {@code "consumer":{"name":"x"},}) or empty. */
    public static String webhook(String scope, String url, String events) {
        return """
                {%s "description":"a webhook","events":[%s],
                 "request":{"method":"POST","url":"%s","headers":{"Content-Type":"application/json",
                 "Authorization":"Bearer secret-token"},"body":{"pact":"${pactbroker.pactUrl}"},
                 "username":"user","password":"p4ssw0rd"}}""".formatted(scope, events, url);
    }

    /**
     * The webhook disabled: a webhook for every pacticipant (global, or by a label other tests could use) would fire
     * for the publications of every test sharing the application.
     */
    public static String disabled(String webhook) {
        return webhook.replaceFirst("\\{", "{\"enabled\":false,");
    }

    public static String event(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    // Requests

    /** POSTs the JSON body; the response, for the test to check. */
    public static ValidatableResponse post(String path, String body, Object... params) {
        return given().contentType("application/json")
                .body(body)
                .when()
                .post(path, params)
                .then();
    }

    /** PUTs the pact for the consumer version; the response, for the test to check. */
    public static ValidatableResponse putPact(String consumer, String provider, String version, String pact) {
        return given().contentType("application/json")
                .body(pact)
                .when()
                .put("/pacts/provider/{p}/consumer/{c}/version/{v}", provider, consumer, version)
                .then();
    }

    /** POSTs the pact to {@code /contracts/publish} as the one contract of the consumer version; the response. */
    public static ValidatableResponse publishContract(String consumer, String provider, String version, String pact) {
        return given().contentType("application/json")
                .accept("application/hal+json")
                .body("""
                        {"pacticipantName":"%s","pacticipantVersionNumber":"%s","contracts":[{"consumerName":"%s",
                         "providerName":"%s","specification":"pact","contentType":"application/json","content":"%s"}]}""".formatted(consumer, version, consumer, provider, base64(pact)))
                .when()
                .post("/contracts/publish")
                .then();
    }

    // Seeding through the API: each expects the write to succeed (201 created, or 200 where it was there already)

    public static void pacticipant(String name) {
        post("/pacticipants", "{\"name\":\"" + name + "\"}").statusCode(201);
    }

    /** Creates the webhook from its JSON body ({@link #webhook}); its uuid. */
    public static String createWebhook(String body) {
        String location = post("/webhooks", body).statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The version (and its pacticipant, when new), as a client creates it: the API appends its events. */
    public static void version(String pacticipant, String number) {
        seeded(given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/versions/{v}", pacticipant, number)
                .then());
    }

    public static void branch(String pacticipant, String branch, String version) {
        seeded(given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/branches/{b}/versions/{v}", pacticipant, branch, version)
                .then());
    }

    public static void tag(String pacticipant, String version, String tag) {
        seeded(given().contentType("application/json")
                .body("{}")
                .put("/pacticipants/{p}/versions/{v}/tags/{t}", pacticipant, version, tag)
                .then());
    }

    /** Publishes a pact for the consumer version whose content differs for each {@code content}; its SHA. */
    public static String publish(String consumer, String provider, String version, String content) {
        String pact = pact(consumer, provider, content);
        seeded(putPact(consumer, provider, version, pact));
        return PactContent.parse(pact).sha();
    }

    /** Posts a verification result for the pact version by the provider version. */
    public static void verify(String consumer, String provider, String sha, String providerVersion, boolean success) {
        verificationResult(
                "/pacts/provider/" + provider + "/consumer/" + consumer + "/pact-version/" + sha,
                providerVersion,
                success);
    }

    /**
     * Posts a verification result through the pact's self link (as verifiers do), by a provider version on the branch
     * (when given) with the tags.
     */
    public static void verifyAt(
            String pactHref, String provider, String providerVersion, String branch, boolean success, String... tags) {
        if (branch != null) {
            branch(provider, branch, providerVersion);
        }
        for (String tag : tags) {
            tag(provider, providerVersion, tag);
        }
        verificationResult(URI.create(pactHref).getRawPath(), providerVersion, success);
    }

    private static void verificationResult(String pactPath, String providerVersion, boolean success) {
        post(
                        pactPath + "/verification-results",
                        "{\"success\":" + success + ",\"providerApplicationVersion\":\"" + providerVersion + "\"}")
                .statusCode(201);
    }

    /** Creates the environment; its uuid. */
    public static String environment(String name, boolean production) {
        return post("/environments", "{\"name\":\"" + name + "\",\"production\":" + production + "}")
                .statusCode(201)
                .extract()
                .path("uuid");
    }

    public static void deploy(String pacticipant, String version, String environmentUuid) {
        post(
                        "/pacticipants/{p}/versions/{v}/deployed-versions/environment/{e}",
                        "{}",
                        pacticipant,
                        version,
                        environmentUuid)
                .statusCode(201);
    }

    public static void release(String pacticipant, String version, String environmentUuid) {
        post(
                        "/pacticipants/{p}/versions/{v}/released-versions/environment/{e}",
                        "{}",
                        pacticipant,
                        version,
                        environmentUuid)
                .statusCode(201);
    }

    private static void seeded(ValidatableResponse response) {
        assertThat(response.extract().statusCode())
                .as("status of a seeding request")
                .isIn(200, 201);
    }

    // Reading through the API

    /** GETs the path; the 200 response's JSON. */
    public static JsonPath getJson(String path, Object... params) {
        return given().when().get(path, params).then().statusCode(200).extract().jsonPath();
    }

    /** POSTs the pacts-for-verification query; the 200 response's JSON. */
    public static JsonPath forVerification(String provider, String query) {
        return given().contentType("application/json")
                .body(query)
                .when()
                .post("/pacts/provider/{p}/for-verification", provider)
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .extract()
                .jsonPath();
    }

    /** The consumer version number of each pact in a pacts-for-verification response, in order. */
    public static List<String> versions(JsonPath response) {
        return response.getList("_embedded.pacts._links.self.name").stream()
                .map(name -> ((String) name).replaceAll("^Pact between .* \\((.*)\\) and .*$", "$1"))
                .toList();
    }

    /** The metadata segment of a pact's self link in a pacts-for-verification response, decoded. */
    public static Map<String, Object> metadata(JsonPath response, int pact) {
        String href = response.getString("_embedded.pacts[" + pact + "]._links.self.href");
        return MetadataCodec.decode(href.substring(href.lastIndexOf("/metadata/") + "/metadata/".length()));
    }

    // Seeding with SQL: rows without the events the API would append, or what the area under test does not write

    /** The pacticipant (if absent) and its version as rows only, so the outbox holds just what the test appends. */
    public static void versionRow(TestDatabase database, String pacticipant, String number) {
        execute(database, """
                INSERT INTO pacticipants (name, created_at, updated_at)
                VALUES (?, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC') ON CONFLICT (name) DO NOTHING
                """, pacticipant);
        execute(database, """
                INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                SELECT ?, id, nextval('version_order_sequence'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                FROM pacticipants WHERE name = ?
                """, number, pacticipant);
    }

    /** A pact from the consumer version to the provider, verified by the provider version, deployed and released. */
    public static void pactVerifiedAndDeployed(
            TestDatabase database,
            String consumer,
            String consumerVersion,
            String provider,
            String providerVersion,
            String environmentUuid) {
        execute(database, """
                INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at)
                SELECT c.id, p.id, md5(random()::text), '{}', now()
                FROM pacticipants c, pacticipants p WHERE c.name = ? AND p.name = ?
                """, consumer, provider);
        execute(database, """
                INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number, pact_version_id,
                                               created_at, consumer_id)
                SELECT v.id, p.id, 1, pv.id, now(), c.id
                FROM pacticipants c JOIN versions v ON v.pacticipant_id = c.id AND v.number = ?,
                     pacticipants p, pact_versions pv
                WHERE c.name = ? AND p.name = ? AND pv.consumer_id = c.id AND pv.provider_id = p.id
                """, consumerVersion, consumer, provider);
        execute(database, """
                INSERT INTO verifications (number, success, pact_version_id, execution_date, created_at,
                                           provider_version_id, consumer_id, provider_id)
                SELECT nextval('verification_number_sequence'), true, pv.id, now(), now(), v.id, c.id, p.id
                FROM pacticipants c, pacticipants p JOIN versions v ON v.pacticipant_id = p.id AND v.number = ?,
                     pact_versions pv
                WHERE c.name = ? AND p.name = ? AND pv.consumer_id = c.id AND pv.provider_id = p.id
                """, providerVersion, consumer, provider);
        execute(database, """
                INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
                SELECT ?, v.id, v.pacticipant_id, e.id, now(), now()
                FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id, environments e
                WHERE p.name = ? AND v.number = ? AND e.uuid = ?
                """, UUID.randomUUID().toString(), consumer, consumerVersion, environmentUuid);
        execute(database, """
                INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, updated_at)
                SELECT ?, v.id, v.pacticipant_id, e.id, now(), now()
                FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id, environments e
                WHERE p.name = ? AND v.number = ? AND e.uuid = ?
                """, UUID.randomUUID().toString(), provider, providerVersion, environmentUuid);
    }

    /**
     * A database of the test's own, migrated, with the script's statements (separated by ";" at a line's end) run and
     * its statistics gathered, for tests that read the planner's choices on a known volume of rows. The statements run
     * on one connection, so a script may build temporary tables for its later statements.
     */
    public static TestDatabase analysedDatabase(String name, String script) {
        TestDatabase database = TestPostgres.newDatabase(name);
        new Migrator(database.dataSource()).migrate();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException(name, e);
        }
        return database;
    }

    // Reading the database

    /** The first column of every row, as text (null for SQL NULL). */
    public static List<String> column(TestDatabase database, String sql, Object... params) {
        try (Connection connection = database.connect();
                PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row, as text; null for no row or SQL NULL. */
    public static String text(TestDatabase database, String sql, Object... params) {
        List<String> values = column(database, sql, params);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The number a {@code SELECT count(*)} (or any one-number query) answers. */
    public static long count(TestDatabase database, String sql, Object... params) {
        return Long.parseLong(text(database, sql, params));
    }

    public static void execute(TestDatabase database, String sql, Object... params) {
        try (Connection connection = database.connect();
                PreparedStatement statement = prepare(connection, sql, params)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Row counts of every table in {@link #TABLES}. */
    public static Map<String, Long> counts(TestDatabase database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count(database, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** The outbox's event types for the key, oldest first. */
    public static List<String> events(TestDatabase database, String key) {
        return column(database, "SELECT event_type FROM pactport_outbox WHERE event_key = ? ORDER BY id", key);
    }

    /** The outbox's payloads for the key with the type, as JSON text, oldest first. */
    public static List<String> payloads(TestDatabase database, String key, String type) {
        return column(
                database,
                "SELECT payload::text FROM pactport_outbox WHERE event_key = ? AND event_type = ? ORDER BY id",
                key,
                type);
    }

    public static long outboxSize(TestDatabase database) {
        return count(database, "SELECT count(*) FROM pactport_outbox");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
