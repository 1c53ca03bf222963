package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.publishContract;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.config.ChangedDomainSettings;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pacts equal only when their whole content is
 * ({@code PACTFLOW_BASE_EQUALITY_ONLY_ON_CONTENT_THAT_AFFECTS_VERIFICATION_RESULTS=false}); the default:
 * {@link PactEqualityTest}.
 */
@QuarkusTest
@TestProfile(ChangedDomainSettings.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class WholeContentPactEqualityTest {

    TestDatabase database;

    static String sha1(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String pactVersion(String consumer, String provider, String version, String pact) {
        return putPact(consumer, provider, version, pact)
                .statusCode(201)
                .extract()
                .path("_links.'pb:pact-version'.name");
    }

    @Test
    void aPactThatDiffersOnlyInMetadataIsAnotherPactVersionNamedByTheShaOfItsWholeContent() throws Exception {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String original = pact(consumer, provider, "a request", "another request");
        String otherMetadata = original.replace("\"metadata\":{", "\"metadata\":{\"pact-jvm\":{\"version\":\"4.6\"},");

        String first = pactVersion(consumer, provider, "1.0.0", original);
        String second = pactVersion(consumer, provider, "1.0.1", otherMetadata);

        // compact already, so the JSON the Pact Broker re-serialises is the text sent
        assertThat(first).isEqualTo(sha1(original));
        assertThat(second).isEqualTo(sha1(otherMetadata)).isNotEqualTo(first);
        assertThat(count(
                        database,
                        "SELECT count(*) FROM pact_versions WHERE consumer_id = (SELECT id FROM pacticipants WHERE"
                                + " name = ?)",
                        consumer))
                .isEqualTo(2);
    }

    @Test
    void republishingWithWhitespaceIsTheSamePactButWithInteractionsReorderedIsAChange() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String original = pact(consumer, provider, "a request", "another request");
        pactVersion(consumer, provider, "1.0.0", original);

        putPact(consumer, provider, "1.0.0", original.replace(",", ", ")).statusCode(200);
        String reordered = pact(consumer, provider, "another request", "a request");
        putPact(consumer, provider, "1.0.0", reordered).statusCode(409);
    }

    @Test
    void aContractIsHashedAsSentWhitespaceIncluded() throws Exception {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String spaced = pact(consumer, provider, "a request").replace(",", ", ");

        publishContract(consumer, provider, "1.0.0", spaced).statusCode(200);

        assertThat(count(database, "SELECT count(*) FROM pact_versions WHERE sha = ?", sha1(spaced)))
                .isEqualTo(1);
    }
}
