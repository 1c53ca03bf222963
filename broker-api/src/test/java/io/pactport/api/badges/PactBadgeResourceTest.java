package io.pactport.api.badges;

import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.badges.BadgeFixtures.get;
import static io.pactport.api.badges.BadgeFixtures.publish;
import static io.pactport.api.badges.BadgeFixtures.tag;
import static io.pactport.api.badges.BadgeFixtures.verify;
import static io.pactport.api.badges.BadgeFixtures.verifyPending;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.badges.BadgeFixtures.Shown;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactBadgeResourceTest {

    private static final String LATEST = "/pacts/provider/{p}/consumer/{c}/latest/badge";
    private static final String TAGGED = "/pacts/provider/{p}/consumer/{c}/latest/{t}/badge";
    private static final String UNTAGGED = "/pacts/provider/{p}/consumer/{c}/latest-untagged/badge";

    private static final String GREEN = "#4c1";
    private static final String RED = "#e05d44";
    private static final String ORANGE = "#fe7d37";
    private static final String GREY = "#9f9f9f";

    private static String title(String consumer, String provider) {
        return (consumer + "/" + provider + " pact").toLowerCase(Locale.ROOT);
    }

    @Inject
    BadgeResponses responses;

    @Test
    void aCacheableBadgeTakesThePactBrokersDefaultCacheSetting() {
        Badge badge = new Badge("can-i-merge", "success", Badge.Colour.BRIGHTGREEN);
        assertThat(responses.of(new BadgeService.Drawn(badge, "", true)).getHeaderString("Cache-Control"))
                .isEqualTo("max-age=30");
        assertThat(responses.of(new BadgeService.Drawn(badge, "")).getHeaderString("Cache-Control"))
                .isEqualTo("no-cache");
    }

    @Test
    void theLatestPactBadgeFollowsItsVerifications() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String first = publish(consumer, "1", provider, "first");
        assertThat(get(LATEST, provider, consumer)).isEqualTo(new Shown(title(consumer, provider), "unknown", GREY));

        verify(consumer, provider, first, "10", true);
        assertThat(get(LATEST, provider, consumer)).isEqualTo(new Shown(title(consumer, provider), "verified", GREEN));

        // new content, verified only in its old form: the Pact Broker says it changed
        String second = publish(consumer, "2", provider, "second");
        assertThat(get(LATEST, provider, consumer)).isEqualTo(new Shown(title(consumer, provider), "changed", ORANGE));

        verify(consumer, provider, second, "11", false);
        assertThat(get(LATEST, provider, consumer)).isEqualTo(new Shown(title(consumer, provider), "failed", RED));

        verifyPending(consumer, provider, second, "12");
        assertThat(get(LATEST, provider, consumer))
                .isEqualTo(new Shown(title(consumer, provider), "failed (pending)", RED));
    }

    @Test
    void aDrawnBadgeSaysWhichPactAndVerificationItShowsAndIsNeverCached() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, "1.2.3", provider, "one");
        verify(consumer, provider, sha, "4.5.6", true);

        Response response = given().when().get(LATEST, provider, consumer);

        assertThat(BadgeFixtures.shown(response).message()).isEqualTo("verified");
        assertThat(response.asString())
                .startsWith("<!-- " + consumer + " version 1.2.3 revision 1 " + provider + " version 4.5.6 number ");
    }

    @Test
    void latestBadgeIsTheBadgeNotThePactOfATagNamedBadge() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        publish(consumer, "1", provider, "one");
        tag(consumer, "1", "badge");
        tag(consumer, "1", "prod");

        // as in the Pact Broker, the badge route wins over the pact of a tag named "badge"
        assertThat(get(LATEST, provider, consumer).message()).isEqualTo("unknown");
        assertThat(get(TAGGED, provider, consumer, "badge").message()).isEqualTo("unknown");
        // the pact routes beside it still answer pacts
        for (String path :
                new String[] {"/pacts/provider/{p}/consumer/{c}/latest", "/pacts/provider/{p}/consumer/{c}/latest/prod"
                }) {
            Response pact = given().when().get(path, provider, consumer);
            assertThat(pact.statusCode()).isEqualTo(200);
            assertThat(pact.contentType()).startsWith("application/hal+json");
            assertThat(pact.header("X-Pact-Consumer-Version")).isEqualTo("1");
        }
    }

    @Test
    void badgeSvgIsTheSameBadgeWhateverTheClientAccepts() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String sha = publish(consumer, "1", provider, "one");
        tag(consumer, "1", "prod");
        verify(consumer, provider, sha, "10", true);
        Shown verified = new Shown(title(consumer, provider), "verified", GREEN);

        assertThat(BadgeFixtures.shown(given().accept("application/hal+json")
                        .queryParam("initials", "false")
                        .when()
                        .get(LATEST + ".svg", provider, consumer)))
                .isEqualTo(verified);
        assertThat(get(TAGGED + ".svg", provider, consumer, "prod")).isEqualTo(verified);
        assertThat(get(UNTAGGED + ".svg", provider, consumer).label()).isEqualTo("pact not found");
        assertThat(get(
                                "/matrix/provider/{p}/latest/{pt}/consumer/{c}/latest/{ct}/badge.svg",
                                provider,
                                "none",
                                consumer,
                                "prod")
                        .message())
                .isEqualTo("unknown");
        assertThat(get("/pacticipants/{p}/latest-version/{t}/can-i-deploy/to/{to}/badge.svg", consumer, "x", "y"))
                .isEqualTo(new Shown("version", "not found", GREY));
    }

    @Test
    void theTaggedAndUntaggedBadgesLookOnlyAtTheirOwnConsumerVersions() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        String untagged = publish(consumer, "1.0.0", provider, "untagged");
        verify(consumer, provider, untagged, "10", true);
        String prod = publish(consumer, "1.2.3", provider, "prod");
        tag(consumer, "1.2.3", "prod");
        verify(consumer, provider, prod, "11", false);

        assertThat(get(UNTAGGED, provider, consumer).message()).isEqualTo("verified");
        assertThat(get(TAGGED, provider, consumer, "prod").message()).isEqualTo("failed");
        assertThat(get(LATEST, provider, consumer).message()).isEqualTo("failed");
        assertThat(get(TAGGED, provider, consumer, "dev")).isEqualTo(new Shown("pact not found", "unknown", GREY));
    }

    @Test
    void anUnknownPacticipantOrPactIsAGreyBadgeNotA404() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        Shown notFound = new Shown("pact not found", "unknown", GREY);

        assertThat(get(LATEST, "No such provider", "No such consumer")).isEqualTo(notFound);
        publish(consumer, "1", provider, "one");
        assertThat(get(LATEST, consumer, provider)).isEqualTo(notFound);
        assertThat(get(UNTAGGED, provider, "nobody")).isEqualTo(notFound);
    }

    @Test
    void theLabelParameterPicksASideAndInitialsShortenTheNames() {
        String consumer = unique("Order Web");
        String provider = unique("PricingService");
        publish(consumer, "1", provider, "one");

        Shown consumerOnly = BadgeFixtures.shown(
                given().queryParam("label", "consumer").when().get(LATEST, provider, consumer));
        assertThat(consumerOnly.label()).isEqualTo(consumer.toLowerCase(Locale.ROOT) + " pact");
        Shown initials = BadgeFixtures.shown(
                given().queryParam("initials", "true").when().get(LATEST, provider, consumer));
        // "Order Web-1a2b..." is three words; "PricingService-3c4d..." is two, split at the dash
        assertThat(initials.label())
                .isEqualTo("ow" + firstOfSuffix(consumer) + "/p" + firstOfSuffix(provider) + " pact");
    }

    private static String firstOfSuffix(String unique) {
        return unique.substring(unique.lastIndexOf('-') + 1, unique.lastIndexOf('-') + 2)
                .toLowerCase(Locale.ROOT);
    }

    @Test
    void markupInAPacticipantNameIsDrawnAsText() {
        String consumer = unique("<script>alert('x')&<b>");
        String provider = unique("Bar");
        publish(consumer, "1", provider, "one");

        Response response = given().when().get(LATEST, provider, consumer);

        assertThat(BadgeFixtures.shown(response).label()).isEqualTo(title(consumer, provider));
        assertThat(response.asString())
                .doesNotContain("<script", "<b>")
                .contains("&lt;script&gt;alert(&apos;x&apos;)&amp;&lt;b&gt;");
    }
}
