package io.pactport.api.badges;

import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.badges.BadgeFixtures.publish;
import static io.pactport.api.badges.BadgeFixtures.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redirect mode, set under the Pact Broker's names: each badge is a 307 to the same badge on shields.io. */
@QuarkusTest
@TestProfile(BadgeRedirectTest.Redirect.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class BadgeRedirectTest {

    private static final String SHIELDS = "https://shields.example.org";

    public static class Redirect implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "PACT_BROKER_BADGE_PROVIDER_MODE",
                    "redirect",
                    "PACT_BROKER_SHIELDS_IO_BASE_URL",
                    SHIELDS + "/",
                    "PACT_BROKER_BADGE_DEFAULT_CACHE_SETTING",
                    "max-age=5");
        }
    }

    @Inject
    BadgeResponses responses;

    @Test
    void onlyACanIMergeBadgeTakesTheSetCacheSettingEveryOtherStaysUncached() {
        Badge badge = new Badge("can-i-merge", "success", Badge.Colour.BRIGHTGREEN);
        assertThat(responses.of(new BadgeService.Drawn(badge, "", true)).getHeaderString("Cache-Control"))
                .isEqualTo("max-age=5");
        assertThat(responses.of(new BadgeService.Drawn(badge, "")).getHeaderString("Cache-Control"))
                .isEqualTo("no-cache");
    }

    private static String location(Response response) {
        assertThat(response.statusCode()).isEqualTo(307);
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        return response.header("Location");
    }

    @Test
    void aPactBadgeRedirectsToShieldsWithItsTextEscaped() {
        String consumer = "Foo_" + unique("web");
        String provider = unique("Bar");
        String sha = publish(consumer, "1", provider, "one");
        verify(consumer, provider, sha, "10", true);

        String location = location(given().redirects()
                .follow(false)
                .when()
                .get("/pacts/provider/{p}/consumer/{c}/latest/badge", provider, consumer));

        assertThat(location)
                .isEqualTo(SHIELDS + "/badge/"
                        + consumer.toLowerCase().replace("_", "__").replace("-", "--") + "%2F"
                        + provider.toLowerCase().replace("-", "--")
                        + "%20pact-verified-brightgreen.svg");
    }

    @Test
    void anUnknownPactAndTheCanIDeployBadgesRedirectToo() {
        assertThat(location(given().redirects()
                        .follow(false)
                        .when()
                        .get("/pacts/provider/Nobody/consumer/Nobody/latest-untagged/badge")))
                .isEqualTo(SHIELDS + "/badge/pact%20not%20found-unknown-lightgrey.svg");
        assertThat(location(given().redirects()
                        .follow(false)
                        .queryParam("label", "ship_it")
                        .when()
                        .get("/pacticipants/Nobody/latest-version/dev/can-i-deploy/to/prod/badge")))
                .isEqualTo(SHIELDS + "/badge/pacticipant-not%20found-lightgrey.svg");
    }
}
