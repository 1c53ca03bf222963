package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.counts;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PATCH of a pact onto a consumer version's pact stores what the Pact Broker 2.120 stores: the merge vectors of
 * broker-core's test resources ({@code pact-sha/}), which its own Ruby code computed.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactMergeTest {

    private static final String PROVIDER = "Merge Provider";

    TestDatabase database;

    static Stream<Arguments> merges() {
        List<Arguments> merges = new ArrayList<>();
        vectors()
                .get("merges")
                .forEach(vector -> merges.add(Arguments.of(vector.get("name").asText(), vector)));
        return merges.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void patchStoresTheShaAndContentThePactBrokerStores(String name, JsonNode expected) {
        String original = input(name, "original.json");
        String additional = input(name, "additional.json");
        String consumer = PactContent.parse(original).consumerName().orElseThrow();
        putPact(consumer, PROVIDER, "1.0.0", original).statusCode(201);
        Map<String, Long> before = counts(database);

        if (expected.get("conflict").asBoolean()) {
            patch(consumer, "1.0.0", additional).statusCode(409);
            assertThat(counts(database)).isEqualTo(before);
            return;
        }
        patch(consumer, "1.0.0", additional).statusCode(200);

        String latest = " FROM pact_publications pp JOIN pact_versions pv ON pv.id = pp.pact_version_id"
                + " WHERE pp.consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"
                + " ORDER BY pp.revision_number DESC LIMIT 1";
        assertThat(text(database, "SELECT pv.sha" + latest))
                .isEqualTo(expected.get("sha").asText());
        assertThat(text(database, "SELECT pv.content" + latest))
                .isEqualTo(expected.get("stored_content").asText());
        assertThat(text(
                        database,
                        "SELECT pv.interactions_count || ' ' || pv.messages_count || ' '" + " || pv.has_messages::text"
                                + latest))
                .isEqualTo(expected.get("interactions_count").asInt() + " "
                        + expected.get("messages_count").asInt() + " "
                        + expected.get("has_messages").asBoolean());
        boolean unchanged =
                PactContent.parse(original).sha().equals(expected.get("sha").asText());
        assertThat(count(database, "SELECT pp.revision_number" + latest)).isEqualTo(unchanged ? 1 : 2);
    }

    @Test
    void aMergeWhoseShaIsStoredAlreadyTakesThatContentAsThePactBrokerDoes() {
        String consumer = unique("Merge Consumer");
        String original = input("adds-and-replaces", "original.json").replace("Merge Consumer Adds", consumer);
        String additional = input("adds-and-replaces", "additional.json").replace("Merge Consumer Adds", consumer);
        putPact(consumer, PROVIDER, "2.0.0", additional).statusCode(201);
        putPact(consumer, PROVIDER, "1.0.0", original).statusCode(201);

        JsonPath json =
                patch(consumer, "1.0.0", additional).statusCode(200).extract().jsonPath();
        assertThat(json.getList("interactions.description"))
                .containsExactly("a request for alligators", "a request for crocodiles");

        String where = " FROM pact_publications pp JOIN versions v ON v.id = pp.consumer_version_id"
                + " WHERE pp.consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertThat(count(
                        database,
                        "SELECT count(DISTINCT pp.pact_version_id)" + where
                                + " AND (v.number = '2.0.0' OR pp.revision_number = 2)"))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pact_versions WHERE consumer_id ="
                                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"))
                .isEqualTo(2);
    }

    private static ValidatableResponse patch(String consumer, String version, String pact) {
        return given().contentType("application/json")
                .body(pact)
                .when()
                .patch("/pacts/provider/{p}/consumer/{c}/version/{v}", PROVIDER, consumer, version)
                .then();
    }

    private static JsonNode vectors() {
        try {
            return new ObjectMapper().readTree(resource("vectors.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String input(String caseName, String file) {
        return new String(resource("inputs/merges/" + caseName + "/" + file), StandardCharsets.UTF_8);
    }

    /** broker-core's test jar carries the vectors. */
    private static byte[] resource(String path) {
        try (InputStream in = PactMergeTest.class.getResourceAsStream("/pact-sha/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /pact-sha/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
