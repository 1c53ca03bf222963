package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.column;
import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.post;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.config.ChangedDomainSettings;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Versions ordered by number ({@code PACTFLOW_ORDER_VERSIONS_BY_DATE=false}, formats {@code %M.%m.%p%s%d %M.%m});
 * ordered by creation: {@link VersionOrderTest}.
 */
@QuarkusTest
@TestProfile(ChangedDomainSettings.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class VersionOrderByNumberTest {

    private static final String ORDERS = "SELECT v.number || '=' || v.\"order\" FROM versions v JOIN pacticipants p"
            + " ON p.id = v.pacticipant_id WHERE p.name = ? ORDER BY v.\"order\"";

    TestDatabase database;

    @Test
    void aVersionCreatedLaterTakesItsPlaceByNumberAndLatestIsTheGreatestNumber() {
        String p = unique("Condor");
        for (String number : new String[] {"2.0.0", "1.0.0", "1.5.0", "1.5.0-rc.1", "unreadable", "1.10"}) {
            version(p, number);
        }

        assertThat(column(database, ORDERS, p))
                .containsExactly("unreadable=0", "1.0.0=1", "1.5.0-rc.1=2", "1.5.0=3", "1.10=4", "2.0.0=5");
        assertThat(getJson("/pacticipants/{p}/versions", p).getList("_embedded.versions.number"))
                .containsExactly("2.0.0", "1.10", "1.5.0", "1.5.0-rc.1", "1.0.0", "unreadable");
        assertThat(getJson("/pacticipants/{p}/latest-version", p).getString("number"))
                .isEqualTo("2.0.0");
    }

    @Test
    void theLatestPactIsThatOfTheGreatestConsumerVersionNotTheLastPublished() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        publish(consumer, provider, "2.0.0", "the newest");
        publish(consumer, provider, "1.0.0", "an older one");

        assertThat(getJson("/pacts/provider/{p}/consumer/{c}/latest", provider, consumer)
                        .getString("interactions[0].description"))
                .isEqualTo("the newest");
    }

    @Test
    void aPactOrVerificationWhoseVersionNoFormatReadsIsRefused() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        // %M is not among the formats: 42 is no version number here, as "main" is none anywhere
        assertThat(putPact(consumer, provider, "42", pact(consumer, provider, "a request"))
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getList("errors.consumer_version_number", String.class))
                .containsExactly("Version number '42' cannot be parsed to a version number. The expected format"
                        + " (unless this configuration has been overridden) is a semantic version. eg. 1.3.0 or"
                        + " 2.0.4.rc1");
        assertThat(column(database, "SELECT name FROM pacticipants WHERE name = ?", consumer))
                .isEmpty();

        String sha = putPact(consumer, provider, "1.0.0", pact(consumer, provider, "a request"))
                .statusCode(201)
                .extract()
                .path("_links.'pb:pact-version'.name");
        assertThat(post(
                                "/pacts/provider/{p}/consumer/{c}/pact-version/{sha}/verification-results",
                                "{\"success\":true,\"providerApplicationVersion\":\"main\"}",
                                provider,
                                consumer,
                                sha)
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getList("errors.providerApplicationVersion", String.class))
                .singleElement()
                .asString()
                .startsWith("Version number 'main' cannot be parsed");
    }
}
