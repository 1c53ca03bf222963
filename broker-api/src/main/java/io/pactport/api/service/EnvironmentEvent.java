package io.pactport.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.model.Environment;
import java.time.Instant;
import java.time.ZoneOffset;

/** The payload of ENVIRONMENT_CREATED / _UPDATED / _DELETED: the environment as it is (or was, when deleted). */
public record EnvironmentEvent(String uuid, String name, String displayName, boolean production, JsonNode contacts,
        Instant createdAt, Instant updatedAt) {

    static EnvironmentEvent of(Environment e, JsonNode contacts) {
        return new EnvironmentEvent(e.uuid(), e.name(), e.displayName(), e.production(), contacts,
                e.createdAt().toInstant(ZoneOffset.UTC), e.updatedAt().toInstant(ZoneOffset.UTC));
    }
}
