package io.pactport.api.pacts;

import io.pactport.api.http.BrokerUrls;
import static io.pactport.api.pacts.PactFixtures.count;
import static io.pactport.api.pacts.PactFixtures.counts;
import static io.pactport.api.pacts.PactFixtures.pact;
import static io.pactport.api.pacts.PactFixtures.put;
import static io.pactport.api.pacts.PactFixtures.text;
import static io.pactport.api.pacts.PactFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactPublishTest {

    TestDatabase database;

    @Test
    void publishingANewPactStoresItAndAnswers201WithTheLinksCiFollows() {
        String consumer = unique("Condor");
        String provider = unique("Pricing Service");
        String body = pact(consumer, provider, "a request for prices");
        String sha = PactContent.parse(body).sha();

        put(consumer, provider, "1.3.0", body).statusCode(201)
                .contentType(startsWith("application/hal+json"))
                .header("X-Pact-Consumer-Version", "1.3.0")
                .body("consumer.name", equalTo(consumer))
                .body("interactions[0]", hasKey("_id"))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"))
                .body("_links.self.href", endsWith("/pacts/provider/" + BrokerUrls.encode(provider) + "/consumer/"
                        + consumer + "/version/1.3.0"))
                .body("_links.'pb:publish-verification-results'.href", endsWith("/pact-version/" + sha
                        + "/verification-results"))
                .body("_links.'pb:pact-version'.name", equalTo(sha))
                .body("_links.'pb:consumer-version'.name", equalTo("1.3.0"))
                .body("_links.'pb:tag-version'.href", endsWith("/versions/1.3.0/tags/{tag}"));

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertEquals(sha, text(database, "SELECT sha FROM pact_versions" + where));
        assertEquals(PactContent.parse(body).withInteractionIds(), text(database, "SELECT content FROM pact_versions"
                + where));
        assertEquals("1 0 f 1", text(database, "SELECT interactions_count || ' ' || messages_count || ' '"
                + " || has_messages::text::char || ' ' || count(*) OVER () FROM pact_versions" + where));
        assertEquals("1 t", text(database, "SELECT revision_number || ' ' || (consumer_version_order = v.\"order\")"
                + "::text::char FROM pact_publications pp JOIN versions v ON v.id = pp.consumer_version_id"
                + " WHERE pp.consumer_id = v.pacticipant_id AND v.number = '1.3.0' AND pp.consumer_id ="
                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"));
        assertEquals(1, count(database, "SELECT count(*) FROM latest_pact_publication_ids_for_consumer_versions lp"
                + " JOIN versions v ON v.id = lp.consumer_version_id AND lp.created_at = v.created_at" + where));
        assertEquals(1, count(database, "SELECT count(*) FROM integrations" + where
                + " AND contract_data_updated_at IS NOT NULL"));
        String key = consumer + "/" + provider;
        assertEquals(1, count(database, "SELECT count(*) FROM pactport_outbox WHERE event_key = '" + key
                + "' AND event_type = 'io.pactport.pact.published.v1' AND payload->>'sha' = '" + sha
                + "' AND payload->>'consumerVersionNumber' = '1.3.0' AND payload->'content'->'consumer'->>'name' = '"
                + consumer + "'"));
        assertEquals(2, count(database, "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                + " 'io.pactport.pacticipant.created.v1' AND event_key IN ('" + consumer + "', '" + provider + "')"));
        assertEquals(1, count(database, "SELECT count(*) FROM pactport_outbox WHERE event_type ="
                + " 'io.pactport.version.created.v1' AND event_key = '" + consumer + "'"));
    }

    @Test
    void republishingTheSameContentAnswers200AndAddsNoRevisionOrContent() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        put(consumer, provider, "1.0.0", body).statusCode(201);
        long pactVersions = count(database, "SELECT count(*) FROM pact_versions");
        long publications = count(database, "SELECT count(*) FROM pact_publications");

        put(consumer, provider, "1.0.0", body).statusCode(200).body("consumer.name", equalTo(consumer));

        assertEquals(pactVersions, count(database, "SELECT count(*) FROM pact_versions"));
        assertEquals(publications, count(database, "SELECT count(*) FROM pact_publications"));
    }

    @Test
    void changedContentForAPublishedVersionIsRefusedWith409InThePactBrokersWordsAndNothingWritten() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        put(consumer, provider, "1.0.0", pact(consumer, provider, "a request")).statusCode(201);
        Map<String, Long> before = counts(database);

        // the Pact Broker 2.120's errors.validation.pact_content_modification_not_allowed
        put(consumer, provider, "1.0.0", pact(consumer, provider, "another request")).statusCode(409)
                .body("error", equalTo("Cannot change the content of the pact for " + consumer + " version 1.0.0 and"
                        + " provider " + provider + ", as race conditions will cause unreliable results for"
                        + " can-i-deploy. Each pact must be published with a unique consumer version number. Some Pact"
                        + " libraries generate random data when a concrete value for a type matcher is not specified,"
                        + " and this can cause the contract to mutate - ensure you have given example values for all"
                        + " type matchers. For more information see https://docs.pact.io/go/versioning"));

        assertEquals(before, counts(database));
    }

    @Test
    void theSameContentUnderAnotherVersionReusesTheStoredContent() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String body = pact(consumer, provider, "a request");
        put(consumer, provider, "1.0.0", body).statusCode(201);
        put(consumer, provider, "1.0.1", body).statusCode(201);

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertEquals(1, count(database, "SELECT count(*) FROM pact_versions" + where));
        assertEquals(2, count(database, "SELECT count(DISTINCT pact_version_id) * 0 + count(*) FROM pact_publications"
                + where));
        assertEquals(1, count(database, "SELECT count(DISTINCT pact_version_id) FROM pact_publications" + where));
    }

    @Test
    void patchMergesNewInteractionsIntoTheVersionsPact() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        put(consumer, provider, "1.0.0", pact(consumer, provider, "a request")).statusCode(201);

        given().contentType("application/json").body(pact(consumer, provider, "another request"))
                .when().patch("/pacts/provider/{p}/consumer/{c}/version/1.0.0", provider, consumer)
                .then().statusCode(200)
                .body("interactions.description", org.hamcrest.Matchers.contains("a request", "another request"));

        assertEquals(2, count(database, "SELECT max(revision_number) FROM pact_publications WHERE consumer_id ="
                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"));
    }

    @Test
    void badBodiesAreRefusedWithAMessageAndNothingWritten() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        Map<String, Long> before = counts(database);

        put(consumer, provider, "1.0.0", "{\"consumer\": ").statusCode(400)
                .body("errors.base[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        put(consumer, provider, "1.0.0", pact("Someone else", provider, "a request")).statusCode(400)
                .body("errors.'consumer.name'[0]", containsString("does not match name in URL path"));
        given().contentType("text/plain").body(pact(consumer, provider, "a request"))
                .when().put("/pacts/provider/{p}/consumer/{c}/version/1.0.0", provider, consumer)
                .then().statusCode(415).body("error", containsString("text/plain"));

        assertEquals(before, counts(database));
    }

    @Test
    void pactsAreReadByVersionLatestTagAndContent() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String first = pact(consumer, provider, "a request");
        put(consumer, provider, "1.0.0", first).statusCode(201);
        put(consumer, provider, "2.0.0", pact(consumer, provider, "a request", "another")).statusCode(201);
        PactFixtures.execute(database, "INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at,"
                + " updated_at) SELECT 'prod', id, pacticipant_id, \"order\", now(), now() FROM versions WHERE number"
                + " = '1.0.0' AND pacticipant_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')");

        String path = "/pacts/provider/{p}/consumer/{c}";
        given().when().get(path + "/version/1.0.0", provider, consumer)
                .then().statusCode(200).body("interactions.size()", equalTo(1));
        given().when().get(path + "/latest", provider, consumer)
                .then().statusCode(200).header("X-Pact-Consumer-Version", "2.0.0")
                .body("interactions.size()", equalTo(2));
        given().accept("application/hal+json, application/json").when().get(path + "/latest/prod", provider, consumer)
                .then().statusCode(200).header("X-Pact-Consumer-Version", "1.0.0")
                .contentType("application/hal+json;charset=utf-8");
        given().when().get(path + "/pact-version/" + PactContent.parse(first).sha(), provider, consumer)
                .then().statusCode(200).header("X-Pact-Consumer-Version", "1.0.0");
        given().when().get(path + "/latest/no-such-tag", provider, consumer).then().statusCode(404);
        given().when().get(path + "/latest", provider, unique("Nobody")).then().statusCode(404);
    }
}
