package io.pactport.core.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The diff the Pact Broker 2.120 puts in the info notice after a refused changed pact. Each case under
 * {@code pact-diff/} is a published pact, a changed one and the text {@code PactBroker::Pacts::CreateFormattedDiff}
 * made of them, run from the broker's v2.120.0 sources with pact-support 1.21.5 and diff-lcs 1.6.2.
 */
class PactDiffTest {

    @Test
    void aChangedValueIsShownWithThreeLinesOfContextAndTheOtherInteractionKeysLeftOut() {
        String published = """
                {"consumer":{"name":"orders"},"provider":{"name":"inventory"},"interactions":[{"_id":"abc",\
                "description":"a stock query","request":{"method":"GET","path":"/stock/42"},\
                "response":{"status":200,"body":{"count":7}}}],"metadata":{"pactSpecification":{"version":"2.0.0"}}}""";
        String changed = published.replace("\"_id\":\"abc\",", "").replace("\"count\":7", "\"count\":8");

        assertThat(PactDiff.between(published, changed)).isEqualTo("""
                     {
                       "response": {
                         "body": {
                -          "count": 7
                +          "count": 8
                         }
                       }
                     },""");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "count-changed",
                "removed-interaction",
                "added-interaction",
                "changes-far-apart",
                "removed-key-and-item",
                "reordered-by-description",
                "value-became-object"
            })
    void theDiffIsTheOneThePactBrokerPrints(String pair) throws IOException {
        assertThat(PactDiff.between(resource(pair + ".published.json"), resource(pair + ".new.json")))
                .isEqualTo(resource(pair + ".diff"));
    }

    @Test
    void keysTheNewPactOnlyAddsAreNoDifference() throws IOException {
        assertThat(PactDiff.between(resource("only-new-keys.published.json"), resource("only-new-keys.new.json")))
                .isEmpty();
    }

    @Test
    void anIntegerEqualsTheSameValueAsAFloat() {
        String published = "{\"interactions\":[{\"response\":{\"status\":200,\"body\":{\"n\":1}}}]}";

        assertThat(PactDiff.between(published, published.replace("\"n\":1", "\"n\":1.0")))
                .isEmpty();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PactDiffTest.class.getResourceAsStream("/pact-diff/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
