package io.pactport.api.pacts;

import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Pacts equal when what a provider verifies is, the Pact Broker's default (whole content: {@link
 * WholeContentPactEqualityTest}).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactEqualityTest {

    @Test
    void metadataAndTheOrderOfInteractionsDoNotMakeAnotherPact() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        String original = pact(consumer, provider, "a request", "another request");
        String otherMetadata = original.replace("\"metadata\":{", "\"metadata\":{\"pact-jvm\":{\"version\":\"4.6\"},");

        String first = WholeContentPactEqualityTest.pactVersion(consumer, provider, "1.0.0", original);
        String second = WholeContentPactEqualityTest.pactVersion(consumer, provider, "1.0.1", otherMetadata);

        assertThat(second)
                .isEqualTo(first)
                .isEqualTo(PactContent.parse(original).sha());
        putPact(consumer, provider, "1.0.0", pact(consumer, provider, "another request", "a request"))
                .statusCode(200);
    }
}
