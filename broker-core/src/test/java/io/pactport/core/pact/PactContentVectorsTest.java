package io.pactport.core.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input pact gives, byte for byte, what the Pact Broker's own code gave for it (or is refused where it fails). */
class PactContentVectorsTest {

    static Stream<Arguments> pacts() {
        return PactShaVectors.section("pacts").stream()
                .map(vector -> Arguments.of(vector.get("input").asText(), vector));
    }

    @Test
    void vectorsWereMadeWithTheJsonGemTheBrokerRequires() {
        JsonNode generatedBy = PactShaVectors.all().get("generated_by");
        assertThat(generatedBy.get("pact_broker").asText()).isEqualTo("2.120.0");
        assertThat(generatedBy.get("json").asText()).isEqualTo("2.19.9");
        assertThat(PactShaVectors.section("pacts")).hasSizeGreaterThan(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pacts")
    void matchesThePactBroker(String input, JsonNode expected) {
        byte[] content = PactShaVectors.input(input);

        if (expected.has("error")) {
            assertThatThrownBy(() -> PactContent.parse(content))
                    .as("the broker fails with %s", expected.get("error").asText())
                    .isInstanceOf(InvalidPactContentException.class)
                    .hasMessageStartingWith("Pact content");
            return;
        }

        PactContent pact = PactContent.parse(content);
        assertThat(pact.contentForSha()).isEqualTo(expected.get("sha_content").asText());
        assertThat(pact.sha()).isEqualTo(expected.get("sha").asText());
        assertThat(pact.withInteractionIds())
                .isEqualTo(expected.get("stored_content").asText());
        assertThat(pact.interactionIds()).containsExactlyElementsOf(stringIds(expected));
        assertThat(pact.interactionCount())
                .isEqualTo(expected.get("interactions_count").asInt());
        assertThat(pact.messageCount()).isEqualTo(expected.get("messages_count").asInt());
        assertThat(pact.hasMessages()).isEqualTo(expected.get("has_messages").asBoolean());
        assertThat(pact.consumerName()).isEqualTo(textOf(expected.get("consumer_name")));
        assertThat(pact.providerName()).isEqualTo(textOf(expected.get("provider_name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pacts")
    void storedContentParsesBackToTheSameShaAndContent(String input, JsonNode expected) {
        if (expected.has("error")) {
            return;
        }
        PactContent stored = PactContent.parse(expected.get("stored_content").asText());

        assertThat(stored.withInteractionIds())
                .isEqualTo(expected.get("stored_content").asText());
        assertThat(stored.interactionCount())
                .isEqualTo(expected.get("interactions_count").asInt());
        assertThat(stored.withoutGeneratedInteractionIds().sha())
                .as("the stored SHA, recomputed from the stored content without the ids the broker added")
                .isEqualTo(expected.get("sha").asText());
    }

    private static List<String> stringIds(JsonNode vector) {
        List<String> ids = new ArrayList<>();
        for (String array : List.of("interaction_ids", "message_ids")) {
            vector.get(array).forEach(id -> {
                if (id.isTextual()) {
                    ids.add(id.asText());
                }
            });
        }
        return ids;
    }

    private static Optional<String> textOf(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
