package io.pactport.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.pactport.core.errors.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads every JSON request body, in one way: off the event loop ({@link ParsingPool}), within {@link JsonBodies}'
 * bounds and with its checks on text, before the resource does anything with it. Bodies arrive as text or bytes and are
 * parsed here because Quarkus answers a body it cannot bind with a bare 400; parsed here, the problem reaches
 * {@link ApiErrors}, which says what it is and where.
 */
@ApplicationScoped
public class RequestBodies {

    private final ParsingPool parsing;

    RequestBodies(ParsingPool parsing) {
        this.parsing = parsing;
    }

    /** The body as JSON; {@link MissingNode} when there is none (the Pact Broker accepts many requests without one). */
    public Uni<JsonNode> json(String body) {
        return json(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as JSON; {@link MissingNode} when there is none. */
    public Uni<JsonNode> json(byte[] body) {
        return parsing.run(body == null ? 0 : body.length, () -> {
            if (blank(body)) {
                return MissingNode.getInstance();
            }
            JsonBodies.checkBody(body);
            return PactJson.mapper().readTree(body);
        });
    }

    /**
     * The body bound to {@code type}; a value of the wrong JSON type is refused with the field's name and the type it
     * must have, as the Pact Broker's validation says it.
     */
    public <T> Uni<T> read(byte[] body, Class<T> type) {
        return json(body).map(json -> {
            if (!json.isObject()) {
                throw InvalidRequestException.of("base", RequestErrors.BODY_NOT_AN_OBJECT);
            }
            try {
                return PactJson.mapper().treeToValue(json, type);
            } catch (MismatchedInputException e) {
                String field = e.getPath().stream()
                        .map(reference -> reference.getFieldName() != null
                                ? reference.getFieldName()
                                : String.valueOf(reference.getIndex()))
                        .collect(Collectors.joining("."));
                throw InvalidRequestException.of(field.isEmpty() ? "base" : field, mustBe(e.getTargetType()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw InvalidRequestException.of("base", "the request body does not have the expected fields");
            }
        });
    }

    private static boolean blank(byte[] body) {
        if (body != null) {
            for (byte b : body) {
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                    return false;
                }
            }
        }
        return true;
    }

    private static String mustBe(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be one of: true, false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "must be a hash";
    }
}
