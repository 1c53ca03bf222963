package io.pactport.api.integrations;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.disabled;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.event;
import static io.pactport.api.ApiFixture.events;
import static io.pactport.api.ApiFixture.pacticipant;
import static io.pactport.api.ApiFixture.post;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.tag;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.pactport.api.ApiFixture.webhook;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /integrations}: the Pact Broker's delete of everything but environments. Its own class: it empties the
 * tables every other test seeds.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DeleteAllIntegrationsTest {

    TestDatabase database;

    @Test
    void deletesEveryPacticipantWithWhatItOwnsKeepsEnvironmentsAndRecordsAnEventForEach() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String loner = unique("Loner");
        String sha = publish(consumer, provider, "1", "a request");
        tag(consumer, "1", "prod");
        verify(consumer, provider, sha, "10", true);
        pacticipant(loner);
        String environment = unique("test");
        environment(environment, false);
        post(
                        "/webhooks/consumer/{c}",
                        disabled(webhook("", "https://example.org/hook", event("contract_published"))),
                        consumer)
                .statusCode(201);

        given().when().delete("/integrations").then().statusCode(204);

        for (String table : new String[] {
            "pacticipants",
            "versions",
            "tags",
            "pact_publications",
            "pact_versions",
            "verifications",
            "integrations",
            "webhooks"
        }) {
            assertThat(count(database, "SELECT count(*) FROM " + table))
                    .as(table)
                    .isZero();
        }
        assertThat(count(database, "SELECT count(*) FROM environments WHERE name = ?", environment))
                .isEqualTo(1);
        assertThat(events(database, consumer + "/" + provider)).endsWith("io.pactport.integration.deleted.v1");
        for (String name : new String[] {consumer, provider, loner}) {
            assertThat(events(database, name)).as(name).endsWith("io.pactport.pacticipant.deleted.v1");
        }
        given().when().get("/pacticipants/{p}", consumer).then().statusCode(404);
        given().when().delete("/integrations").then().statusCode(204);
    }
}
