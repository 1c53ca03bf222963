package io.pactport.api.ui;

import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A UI form that changes something is refused without the token of a page Pactport served, and changes nothing. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CsrfTest {

    private static final String DELETE = "/ui/integrations/delete";

    @Inject
    Csrf csrf;

    @Test
    void aFormWithoutTheTokenOrWithAnotherIsRefusedAndChangesNothing() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "a");

        for (String query : new String[] {"", "?csrf=", "?csrf=forged" + csrf.token(null)}) {
            var refused = given().redirects()
                    .follow(false)
                    .formParam("consumer", consumer)
                    .formParam("provider", provider)
                    .post(DELETE + query);
            assertThat(refused.statusCode()).as(query).isEqualTo(403);
            assertThat(refused.body().asString()).contains("reload the page");
        }
        given().get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(200);
    }

    @Test
    void aFormMarkedCrossSiteByTheBrowserIsRefusedEvenWithTheToken() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "a");
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "cross-site")
                .formParam("consumer", consumer)
                .formParam("provider", provider)
                .post(DELETE + "?csrf=" + csrf.token(null))
                .then()
                .statusCode(403);
        given().get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(200);
    }

    @Test
    void theTokenOfThePageDeletesAndReturnsToTheList() {
        String consumer = unique("Web");
        String provider = unique("Orders");
        publish(consumer, provider, "1", "a");
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .formParam("consumer", consumer)
                .formParam("provider", provider)
                .post(DELETE + "?csrf=" + csrf.token(null))
                .then()
                .statusCode(303);
        given().get("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                .then()
                .statusCode(404);
    }

    @Test
    void aTokenIsBoundToTheCredentialsItWasMadeFor() {
        assertThat(csrf.token("Basic YTpi"))
                .isEqualTo(csrf.token("Basic YTpi"))
                .isNotEqualTo(csrf.token("Basic YzpkCg=="));
        assertThat(csrf.token(null)).isNotEqualTo(csrf.token("Basic YTpi"));
    }
}
