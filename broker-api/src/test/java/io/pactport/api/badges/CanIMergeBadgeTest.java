package io.pactport.api.badges;

import static io.pactport.api.ApiFixture.branch;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.verify;
import static io.pactport.api.ApiFixture.version;
import static io.pactport.api.badges.BadgeFixtures.shown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.badges.BadgeFixtures.Shown;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The can-i-merge badge: the newest main-branch version against the newest main-branch versions of the applications
 * it integrates with; grey naming what is missing, never a 404.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CanIMergeBadgeTest {

    private static final String BADGE = "/pacticipants/{p}/main-branch/can-i-merge/badge";

    @Test
    void greenWhenTheMainBranchesAreCompatibleRedWhenNotAndCachedBriefly() {
        String consumer = unique("Foo");
        String provider = unique("Bar");
        branch(consumer, "main", "1");
        branch(provider, "main", "10");
        verify(consumer, provider, publish(consumer, provider, "1", "one"), "10", true);

        assertThat(shown(badge(consumer), "max-age=30")).isEqualTo(new Shown("can-i-merge", "success", "#4c1"));
        assertThat(shown(badge(provider), "max-age=30").message()).isEqualTo("success");

        branch(consumer, "main", "2");
        verify(consumer, provider, publish(consumer, provider, "2", "two"), "10", false);
        assertThat(shown(badge(consumer), "max-age=30")).isEqualTo(new Shown("can-i-merge", "failed", "#e05d44"));
    }

    @Test
    void greyNamingAMissingPacticipantOrMainBranchVersionAndNotCached() {
        String noMain = unique("Foo");
        version(noMain, "1");

        assertThat(shown(badge(unique("Nobody")))).isEqualTo(new Shown("pacticipant", "not found", "#9f9f9f"));
        assertThat(shown(badge(noMain))).isEqualTo(new Shown("main branch version", "not found", "#9f9f9f"));
    }

    private static Response badge(String pacticipant) {
        return given().when().get(BADGE, pacticipant);
    }
}
