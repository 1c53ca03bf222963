package io.pactport.core.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * Reads a JSON value written raw (a pact's content) back as its JSON text, keeping decimals exactly as written: the
 * sync writes that text to other brokers, and a number read as a double would change the pact and so its SHA there.
 */
public final class RawJsonDeserializer extends JsonDeserializer<String> {

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return EXACT.readTree(parser).toString();
    }
}
