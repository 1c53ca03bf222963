package io.pactport.core.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every merge case gives, byte for byte, what the Pact Broker's own merge code stored for it. */
class PactMergerVectorsTest {

    static Stream<Arguments> merges() {
        return PactShaVectors.section("merges").stream()
                .map(vector -> Arguments.of(vector.get("name").asText(), vector));
    }

    @Test
    void theCasesCoverMergesAndConflicts() {
        List<JsonNode> merges = PactShaVectors.section("merges");
        assertThat(merges).hasSizeGreaterThanOrEqualTo(9).noneMatch(vector -> vector.has("error"));
        assertThat(merges)
                .filteredOn(vector -> vector.get("conflict").asBoolean())
                .hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void conflictsAndMergesAsThePactBroker(String name, JsonNode expected) {
        String original = expected.get("original_stored_content").asText();
        PactContent additional = PactContent.parse(PactShaVectors.mergeInput(name, "additional.json"));
        assertThat(PactContent.parse(PactShaVectors.mergeInput(name, "original.json"))
                        .withInteractionIds())
                .isEqualTo(original);

        assertThat(PactMerger.conflict(original, additional))
                .isEqualTo(expected.get("conflict").asBoolean());
        if (expected.get("conflict").asBoolean()) {
            return;
        }

        PactContent merged = PactMerger.merge(original, additional);
        assertThat(merged.sha())
                .as("recorded under the SHA of the pact merged in")
                .isEqualTo(expected.get("sha").asText());
        assertThat(merged.withInteractionIds())
                .isEqualTo(expected.get("stored_content").asText());
        assertThat(merged.interactionIds()).containsExactlyElementsOf(ids(expected));
        assertThat(merged.interactionCount())
                .isEqualTo(expected.get("interactions_count").asInt());
        assertThat(merged.messageCount())
                .isEqualTo(expected.get("messages_count").asInt());
        assertThat(merged.hasMessages()).isEqualTo(expected.get("has_messages").asBoolean());
        assertThat(PactContent.parse(merged.withInteractionIds())
                        .withoutInteractionIds()
                        .sha())
                .as("what a SHA recomputed from the stored content gives")
                .isEqualTo(expected.get("stored_content_sha").asText());
    }

    @Test
    void mergingThePactAlreadyStoredKeepsItsSha() {
        JsonNode same = PactShaVectors.section("merges").stream()
                .filter(vector -> vector.get("name").asText().equals("same-content"))
                .findFirst()
                .orElseThrow();
        PactContent original = PactContent.parse(PactShaVectors.mergeInput("same-content", "original.json"));

        assertThat(same.get("sha").asText()).isEqualTo(original.sha());
        assertThat(same.get("stored_content").asText()).isEqualTo(original.withInteractionIds());
    }

    @Test
    void comparesRequestsAsRubyComparesParsedJson() {
        assertThat(PactMerger.rubyEquals(1L, 1.0)).isTrue();
        assertThat(PactMerger.rubyEquals(0L, -0.0)).isTrue();
        assertThat(PactMerger.rubyEquals(new BigInteger("18446744073709551616"), 1.8446744073709552e19))
                .isTrue();
        assertThat(PactMerger.rubyEquals(new BigInteger("18446744073709551617"), 1.8446744073709552e19))
                .isFalse();
        assertThat(PactMerger.rubyEquals(Map.of("a", 1L, "b", "x"), new LinkedHashMap<>(Map.of("b", "x", "a", 1.0))))
                .isTrue();
        assertThat(PactMerger.rubyEquals(List.of(1L, 2L), List.of(2L, 1L))).isFalse();
        assertThat(PactMerger.rubyEquals("1", 1L)).isFalse();
    }

    private static List<String> ids(JsonNode vector) {
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
}
