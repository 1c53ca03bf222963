package io.pactport.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading and writing stored pact content as a tree without changing it: key order kept, numbers exact. Used where the
 * content is merged or decorated; the SHA and the stored form always come from broker-core's {@code PactContent}.
 */
public final class PactJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private PactJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Stored content, which is always a JSON object (PactContent accepted it). */
    public static ObjectNode readObject(String content) {
        try {
            JsonNode node = MAPPER.readTree(content);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("stored pact content is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pact content is not JSON", e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON", e);
        }
    }
}
