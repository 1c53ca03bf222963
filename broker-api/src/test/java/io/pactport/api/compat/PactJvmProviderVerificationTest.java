package io.pactport.api.compat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.PactBrokerOptions;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationResult;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;
import com.sun.net.httpserver.HttpServer;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pact-jvm's own provider verification flow against broker-api: it fetches the pacts for verification with selectors
 * (main branch, deployed or released) and pending and WIP pacts enabled, verifies them against a tiny real provider,
 * and publishes the results with the provider's branch through the links it was given. The database then shows what
 * each verification recorded.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactJvmProviderVerificationTest {

    TestDatabase database;

    /** pact-jvm reports usage to an analytics service unless told not to; tests do not phone home. */
    @BeforeAll
    static void doNotTrack() {
        System.setProperty("pact_do_not_track", "true");
    }

    @Test
    void pactJvmFetchesVerifiesAndPublishesWithBranchPendingAndWip() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String provider = "Orders-" + suffix;
        String web = "Web-" + suffix;
        String mobile = "Mobile-" + suffix;
        String environment = "production-" + suffix;
        // Web: 1 on main (verified before, so not pending), 2 deployed; Mobile: 1 on main, never verified (pending)
        // and asking for an endpoint the provider does not have; 2 on a feature branch, newer: WIP
        publish(web, provider, "1", interaction("an order", "/orders/1", 200));
        put("/pacticipants/" + web + "/branches/main/versions/1");
        publish(web, provider, "2", interaction("an order summary", "/orders/1/summary", 200));
        String uuid = given().contentType("application/json")
                .body("{\"name\":\"" + environment + "\",\"production\":true}")
                .when()
                .post("/environments")
                .then()
                .statusCode(201)
                .extract()
                .path("uuid");
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/pacticipants/" + web + "/versions/2/deployed-versions/environment/" + uuid)
                .then()
                .statusCode(201);
        publish(mobile, provider, "1", interaction("a missing page", "/missing", 200));
        put("/pacticipants/" + mobile + "/branches/main/versions/1");
        publish(mobile, provider, "2", interaction("an order for mobile", "/orders/1", 200));
        put("/pacticipants/" + mobile + "/branches/feat-mobile/versions/2");
        verifiedBefore(provider, web);

        HttpServer orders = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        orders.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.startsWith("/orders/1") ? "{\"id\":1}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(path.startsWith("/orders/1") ? 200 : 404, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        orders.start();
        List<VerificationResult> results;
        try {
            results = verify(provider, orders.getAddress().getPort());
        } finally {
            orders.stop(0);
        }

        assertThat(results.size()).as(results.toString()).isEqualTo(4);
        // consumer, consumer version, success, pending, wip, selectors, the provider version's branch
        assertThat(verifications(provider))
                .isEqualTo(List.of(
                        mobile + " 1 f t f [{\"latest\":\"true\",\"consumer_version_number\":\"1\"}] main",
                        mobile + " 2 t null t null main",
                        web + " 1 t f f [{\"latest\":\"true\",\"consumer_version_number\":\"1\"}] main",
                        web + " 2 t t f [{\"consumer_version_number\":\"2\"}] main"));
        // the one failure was pending, which pact-jvm reports without failing the build
        assertThat(results.stream()
                        .filter(result -> result instanceof VerificationResult.Failed)
                        .count())
                .isEqualTo(1);
        assertThat(results.stream()
                        .allMatch(result -> result instanceof VerificationResult.Ok
                                || (result instanceof VerificationResult.Failed failed && failed.getPending())))
                .as(results.toString())
                .isTrue();
    }

    private List<VerificationResult> verify(String provider, int providerPort) {
        ProviderInfo info = new ProviderInfo(provider);
        info.setProtocol("http");
        info.setHost("localhost");
        info.setPort(providerPort);
        int brokerPort = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        info.hasPactsFromPactBrokerWithSelectorsV2(
                "http://localhost:" + brokerPort,
                new SelectorBuilder().mainBranch().deployedOrReleased().build(),
                new PactBrokerOptions(true, List.of(), "main", "2020-01-01"));
        Map<String, String> properties = Map.of(ProviderVerifier.PACT_VERIFIER_PUBLISH_RESULTS, "true");
        ProviderVerifier verifier = new ProviderVerifier();
        verifier.setProjectHasProperty(properties::containsKey);
        verifier.setProjectGetProperty(properties::get);
        verifier.setProviderVersion(() -> "7.0.0");
        verifier.setProviderBranch(() -> "main");
        return verifier.verifyProvider(info);
    }

    private static String interaction(String description, String path, int status) {
        return "{\"description\":\"" + description + "\",\"request\":{\"method\":\"GET\",\"path\":\"" + path + "\"},"
                + "\"response\":{\"status\":" + status + ",\"body\":{\"id\":1}}}";
    }

    private static void publish(String consumer, String provider, String version, String interaction) {
        given().contentType("application/json")
                .body("{\"consumer\":{\"name\":\"" + consumer + "\"},\"provider\":{\"name\":\"" + provider + "\"},"
                        + "\"interactions\":[" + interaction + "],\"metadata\":{\"pactSpecification\":{\"version\":"
                        + "\"2.0.0\"}}}")
                .when()
                .put("/pacts/provider/{p}/consumer/{c}/version/{v}", provider, consumer, version)
                .then()
                .statusCode(201);
    }

    private static void put(String path) {
        given().contentType("application/json")
                .body("{}")
                .when()
                .put(path)
                .then()
                .statusCode(201);
    }

    /** A successful verification of Web's main-branch pact by an earlier provider build on main. */
    private static void verifiedBefore(String provider, String web) {
        String href = given().contentType("application/json")
                .body("{\"consumerVersionSelectors\":[{\"mainBranch\":true,\"consumer\":\"" + web + "\"}]}")
                .when()
                .post("/pacts/provider/{p}/for-verification", provider)
                .then()
                .statusCode(200)
                .extract()
                .path("_embedded.pacts[0]._links.self.href");
        put("/pacticipants/" + provider + "/branches/main/versions/6.0.0");
        given().contentType("application/json")
                .body("{\"success\":true,\"providerApplicationVersion\":\"6.0.0\"}")
                .when()
                .post(java.net.URI.create(href).getRawPath() + "/verification-results")
                .then()
                .statusCode(201);
    }

    private List<String> verifications(String provider) {
        String sql = """
                SELECT c.name || ' ' || cv.number || ' ' || left(v.success::text, 1) || ' '
                       || COALESCE(left(v.pact_pending::text, 1), 'null') || ' ' || left(v.wip::text, 1) || ' '
                       || COALESCE(v.consumer_version_selector_hashes, 'null') || ' '
                       || (SELECT string_agg(bv.branch_name, ',') FROM branch_versions bv
                           WHERE bv.version_id = v.provider_version_id)
                FROM verifications v
                JOIN versions pv ON pv.id = v.provider_version_id
                JOIN pacticipants p ON p.id = v.provider_id
                JOIN pacticipants c ON c.id = v.consumer_id
                JOIN latest_pact_publication_ids_for_consumer_versions lp ON lp.pact_version_id = v.pact_version_id
                JOIN versions cv ON cv.id = lp.consumer_version_id
                WHERE p.name = '%s' AND pv.number = '7.0.0'
                ORDER BY 1
                """.formatted(provider);
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }
}
