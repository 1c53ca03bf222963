package io.pactport.core.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors the Pact Broker's own Ruby code computed for our inputs ({@code src/test/resources/pact-sha/}, written
 * by {@code src/test/ruby/generate_pact_sha_vectors.rb}).
 */
final class PactShaVectors {

    private static final String ROOT = "/pact-sha/";
    private static final JsonNode VECTORS = load();

    private PactShaVectors() {}

    static JsonNode all() {
        return VECTORS;
    }

    static List<JsonNode> section(String name) {
        List<JsonNode> vectors = new ArrayList<>();
        VECTORS.get(name).forEach(vectors::add);
        return vectors;
    }

    static byte[] input(String fileName) {
        return resource("inputs/pacts/" + fileName);
    }

    /** One file of a merge case: {@code original.json} or {@code additional.json}. */
    static byte[] mergeInput(String caseName, String fileName) {
        return resource("inputs/merges/" + caseName + "/" + fileName);
    }

    private static JsonNode load() {
        try {
            return new ObjectMapper().readTree(resource("vectors.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PactShaVectors.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + ROOT + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
