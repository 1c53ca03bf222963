package io.pactport.api.badges;

import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.badges.BadgeFixtures.get;
import static io.pactport.api.badges.BadgeFixtures.publish;
import static io.pactport.api.badges.BadgeFixtures.tag;
import static io.pactport.api.badges.BadgeFixtures.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.badges.BadgeFixtures.Shown;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MatrixAndCanIDeployBadgeTest {

    private static final String MATRIX = "/matrix/provider/{p}/latest/{pt}/consumer/{c}/latest/{ct}/badge";
    private static final String BRANCH =
            "/pacticipants/{p}/branches/{b}/latest-version/can-i-deploy/to-environment/{e}" + "/badge";
    private static final String TAG = "/pacticipants/{p}/latest-version/{t}/can-i-deploy/to/{to}/badge";

    @Test
    void theMatrixBadgeShowsTheConsumerTagsPactAsVerifiedByTheProviderTag() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, "1", provider, "one");
        tag(consumer, "1", "prod");
        verify(consumer, provider, sha, "4", true);
        tag(provider, "4", "master");
        verify(consumer, provider, sha, "5", false);
        tag(provider, "5", "feat");
        String title = (consumer + " (prod)/" + provider + " (master) pact").toLowerCase(Locale.ROOT);

        assertThat(get(MATRIX, provider, "master", consumer, "prod")).isEqualTo(new Shown(title, "verified", "#4c1"));
        assertThat(get(MATRIX, provider, "feat", consumer, "prod").message()).isEqualTo("failed");
        assertThat(get(MATRIX, provider, "nothing", consumer, "prod").message()).isEqualTo("unknown");
        assertThat(get(MATRIX, provider, "master", consumer + "2", "prod"))
                .isEqualTo(new Shown("pact not found", "unknown", "#9f9f9f"));
        assertThat(get(MATRIX, provider, "master", consumer, "dev").label()).isEqualTo("pact not found");
    }

    @Test
    void theCanIDeployBadgesAreGreenWhenDeployableAndGreyNamingWhatIsMissing() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String env = unique("prod");
        String uuid = given().contentType("application/json")
                .body("{\"name\":\"" + env + "\",\"production\":true}")
                .when()
                .post("/environments")
                .then()
                .statusCode(201)
                .extract()
                .path("uuid");
        String sha = publish(consumer, "1", provider, "one");
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/branches/main/versions/1", consumer)
                .then()
                .statusCode(201);
        tag(consumer, "1", "dev");
        verify(consumer, provider, sha, "10", true);
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/pacticipants/{p}/versions/10/deployed-versions/environment/{e}", provider, uuid)
                .then()
                .statusCode(201);
        tag(provider, "10", "prod");

        assertThat(get(BRANCH, consumer, "main", env)).isEqualTo(new Shown("can-i-deploy", "main to " + env, "#4c1"));
        assertThat(get(BRANCH, consumer, "nope", env)).isEqualTo(new Shown("branch", "not found", "#9f9f9f"));
        assertThat(get(BRANCH, "nobody", "main", env).label()).isEqualTo("pacticipant");
        assertThat(get(BRANCH, consumer, "main", "nowhere").label()).isEqualTo("environment");
        assertThat(BadgeFixtures.shown(
                        given().queryParam("label", "ship_it").when().get(TAG, consumer, "dev", "prod")))
                .isEqualTo(new Shown("ship_it", "dev to prod", "#4c1"));
        assertThat(get(TAG, consumer, "none", "prod")).isEqualTo(new Shown("version", "not found", "#9f9f9f"));
        // an undeployable version is red
        publish(consumer, "2", provider, "two");
        given().contentType("application/json")
                .body("{}")
                .when()
                .put("/pacticipants/{p}/branches/main/versions/2", consumer)
                .then()
                .statusCode(201);
        assertThat(get(BRANCH, consumer, "main", env))
                .isEqualTo(new Shown("can-i-deploy", "main to " + env, "#e05d44"));
    }
}
