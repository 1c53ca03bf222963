package io.pactport.core.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public API's behaviour, read from the inputs and vectors where the broker's values are needed. */
class PactContentTest {

    private static PactContent input(String name) {
        return PactContent.parse(PactShaVectors.input(name));
    }

    @Test
    void theShaIgnoresWhatDoesNotAffectVerification() {
        String sha = input("v2-simple.json").sha();

        assertThat(input("v2-simple-reordered.json").sha())
                .as("order of keys and interactions")
                .isEqualTo(sha);
        assertThat(input("v2-simple-other-metadata.json").sha()).as("metadata").isEqualTo(sha);
        assertThat(input("v2-simple-other-consumer.json").sha())
                .as("consumer and provider")
                .isEqualTo(sha);
        assertThat(input("v2-simple-float-written-differently.json").sha())
                .as("12.50 is 12.5")
                .isEqualTo(sha);
        assertThat(input("v2-simple-spec-version-3.json").sha())
                .as("specification version")
                .isNotEqualTo(sha);
    }

    @Test
    void withoutInteractionsOrMessagesTheWholePactAsWrittenIsHashed() {
        assertThat(input("no-interactions.json").sha())
                .isNotEqualTo(input("no-interactions-reordered.json").sha());
        assertThat(input("empty-interactions.json").sha())
                .isEqualTo(input("empty-interactions-other-consumer.json").sha());
    }

    /** Pact Broker 2.120 with base_equality_only_on_content_that_affects_verification_results false (Ruby's values). */
    @Test
    void withoutBaseEqualityOnVerifiableContentTheWholePactIsHashedCompactedOrAsSent() {
        String sent = "{ \"consumer\": {\"name\": \"C\"}, \"provider\": {\"name\": \"P\"},\n  \"interactions\": ["
                + " {\"description\": \"b\", \"request\": {\"path\": \"/b\", \"method\": \"GET\"}},"
                + " {\"description\": \"a\", \"request\": {\"method\": \"GET\", \"path\": \"/a\"}} ],\n"
                + "  \"metadata\": {\"pactSpecification\": {\"version\": \"2.0.0\"}} }";
        byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);

        // a PUT: SHA-1 of JSON.parse(body).to_json; a contract of /contracts/publish: SHA-1 of the decoded content
        assertThat(PactContent.parse(bytes, PactContent.ShaBasis.WHOLE_CONTENT).sha())
                .isEqualTo("22f7dc02614405700140310e851e190cfc9aba4b");
        assertThat(PactContent.parse(bytes, PactContent.ShaBasis.TEXT_AS_SENT).sha())
                .isEqualTo("ec4913139f2f09948885066875518f5330e1b10c");
        assertThat(PactContent.parse(bytes, PactContent.ShaBasis.VERIFIABLE_CONTENT)
                        .sha())
                .isEqualTo(PactContent.parse(sent).sha())
                .isNotIn("22f7dc02614405700140310e851e190cfc9aba4b", "ec4913139f2f09948885066875518f5330e1b10c");
        // the consumer's name does not affect verification, but is content
        byte[] otherConsumer = sent.replace("\"C\"", "\"D\"").getBytes(StandardCharsets.UTF_8);
        assertThat(PactContent.parse(otherConsumer, PactContent.ShaBasis.WHOLE_CONTENT)
                        .sha())
                .isNotEqualTo("22f7dc02614405700140310e851e190cfc9aba4b");
        assertThat(PactContent.parse(otherConsumer).sha())
                .isEqualTo(PactContent.parse(sent).sha());
    }

    @Test
    void addsAnIdAsTheFirstKeyOfEachInteraction() {
        PactContent pact = PactContent.parse("""
                {"consumer": {"name": "C"}, "interactions": [{"description": "d", "request": {"path": "/", "method": "GET"}}]}
                """);
        // Ruby: Digest::SHA1.hexdigest({"description"=>"d","request"=>{"method"=>"GET","path"=>"/"}}.to_json)
        String id = "ead43f353e4072160025c7cd738fda86cadbd5d6";

        assertThat(pact.withInteractionIds())
                .isEqualTo("{\"consumer\":{\"name\":\"C\"},\"interactions\":[{\"_id\":\"" + id
                        + "\",\"description\":\"d\",\"request\":{\"path\":\"/\",\"method\":\"GET\"}}]}");
        assertThat(pact.interactionIds()).containsExactly(id);
    }

    @Test
    void identicalInteractionsGetTheSameId() {
        PactContent pact = input("duplicate-interactions.json");

        assertThat(pact.interactionIds()).hasSize(5);
        assertThat(pact.interactionIds().subList(0, 3))
                .containsOnly(pact.interactionIds().get(0));
        assertThat(pact.interactionIds().get(3))
                .as("200.0 is not 200")
                .isNotEqualTo(pact.interactionIds().get(0));
    }

    @Test
    void anExistingIdIsMovedToTheFrontAndKept() {
        PactContent pact = PactContent.parse("{\"interactions\":[{\"a\":1,\"_id\":\"mine\",\"b\":2}]}");

        assertThat(pact.withInteractionIds()).isEqualTo("{\"interactions\":[{\"_id\":\"mine\",\"a\":1,\"b\":2}]}");
        assertThat(pact.interactionIds()).containsExactly("mine");
    }

    @Test
    void readsNamesAndCounts() {
        PactContent pact = input("v3-messages.json");

        assertThat(pact.consumerName()).contains("Order Events Consumer");
        assertThat(pact.providerName()).contains("Order Service");
        assertThat(pact.interactionCount()).isZero();
        assertThat(pact.messageCount()).isEqualTo(2);
        assertThat(pact.hasMessages()).isTrue();
        assertThat(input("consumer-name-not-string.json").consumerName()).isEmpty();
        assertThat(input("consumer-name-not-string.json").providerName()).isEmpty();
    }

    @Test
    void hasMessagesFollowsTheSpecificationVersion() {
        assertThat(input("v4-mixed.json").hasMessages()).isTrue();
        assertThat(input("v4-http-only.json").hasMessages()).isFalse();
        assertThat(input("v3-with-v4-message-types.json").hasMessages()).isFalse();
        assertThat(input("messages-with-null-elements.json").hasMessages()).isFalse();
        assertThat(input("spec-version-number.json").hasMessages()).isTrue();
    }

    @Test
    void bytesAndStringsParseAlike() {
        byte[] bytes = PactShaVectors.input("unicode.json");
        PactContent fromString = PactContent.parse(new String(bytes, StandardCharsets.UTF_8));

        assertThat(PactContent.parse(bytes).sha()).isEqualTo(fromString.sha());
        assertThat(PactContent.parse(bytes).withInteractionIds()).isEqualTo(fromString.withInteractionIds());
    }

    @ParameterizedTest(name = "\"{0}\".to_f == {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `4`       | 4.0
            ` 4.0`    | 4.0
            `4.0.0`   | 4.0
            `v4`      | 0.0
            `4_0`     | 40.0
            `4__0`    | 4.0
            `.5`      | 0.5
            `1e1`     | 10.0
            `1e`      | 1.0
            `-3.5x`   | -3.5
            `0x10`    | 0.0
            ``        | 0.0
            """)
    void readsVersionStringsAsRubyDoes(String text, double expected) {
        assertThat(PactContent.rubyStringToFloat(text)).isEqualTo(expected);
    }
}
