package io.pactport.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.pact.PactContent;
import org.junit.jupiter.api.Test;

class PactIdsTest {

    private static final String PUBLISHED = """
            {"consumer":{"name":"Foo"},"provider":{"name":"Bar"},
             "interactions":[{"description":"a","request":{"method":"GET","path":"/x"},
                              "response":{"status":200,"body":{"price":1.50,"big":12345678901234567890}}},
                             {"_id":"mine","description":"b","request":{"method":"GET","path":"/y"},
                              "response":{"status":204}}],
             "metadata":{"pactSpecification":{"version":"2.0.0"}}}""";

    @Test
    void aServedPactPublishedElsewhereHasTheOriginalSha() {
        PactContent original = PactContent.parse(PUBLISHED);
        String served = original.withInteractionIds();
        // the SHA of a publication covers the ids it carries
        assertThat(PactContent.parse(served).sha()).isNotEqualTo(original.sha());

        String republished = PactIds.withoutGeneratedIds(served);

        assertThat(PactContent.parse(republished).sha()).isEqualTo(original.sha());
        assertThat(republished).contains("\"_id\":\"mine\"").contains("12345678901234567890");
    }

    @Test
    void jsonReadAndWrittenByTheClientKeepsTheSha() throws Exception {
        String served = PactContent.parse(PUBLISHED).withInteractionIds();
        String roundTrip = PactBrokerClient.JSON.readTree(served).toString();
        assertThat(roundTrip).isEqualTo(served);
        assertThat(PactContent.parse(PactIds.withoutGeneratedIds(roundTrip)).sha())
                .isEqualTo(PactContent.parse(PUBLISHED).sha());
    }

    @Test
    void contentWithoutIdsIsUnchanged() {
        assertThat(PactIds.withoutGeneratedIds(PUBLISHED)).isSameAs(PUBLISHED);
        assertThat(PactIds.withoutGeneratedIds("not json")).isEqualTo("not json");
    }
}
