package io.pactport.api.integrations;

import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The Graphviz form of {@code GET /integrations}. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class IntegrationGraphTest {

    @Test
    void drawsAnEdgeFromEachConsumerToItsProvider() {
        String consumer = unique("Condor");
        String provider = unique("Pricing") + " Service";
        publish(consumer, provider, "1", "a request");

        Response response = given().accept("text/vnd.graphviz").when().get("/integrations");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/vnd.graphviz");
        assertThat(response.asString())
                .startsWith("digraph { ranksep=3; ratio=auto; overlap=false;")
                .contains("\n  \"" + consumer + "\" -> \"" + provider.replace(' ', '_') + "\"\n")
                .endsWith("\n}\n");
    }

    @Test
    void namesThatArePlainIdentifiersStayUnquotedAndOthersAreQuoted() {
        assertThat(IntegrationResource.node("Foo Bar")).isEqualTo("Foo_Bar");
        assertThat(IntegrationResource.node("a-b\"c")).isEqualTo("\"a-b\\\"c\"");
    }

    @Test
    void jsonStaysTheAnswerToAnyTypeAndAnUnofferedTypeIsRefused() {
        given().accept("*/*").when().get("/integrations").then().statusCode(200).contentType("application/hal+json");
        given().accept("text/csv").when().get("/integrations").then().statusCode(406);
    }
}
