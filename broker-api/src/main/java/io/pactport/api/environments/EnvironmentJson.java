package io.pactport.api.environments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Timestamps;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment as the Pact Broker shows it: attributes, timestamps ({@code updatedAt} only once it differs from
 * {@code createdAt}) and the links the CLI follows to what is deployed and released there. Absent values are left out,
 * as the Pact Broker leaves them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentJson(
        String uuid,
        String name,
        String displayName,
        boolean production,
        JsonNode contacts,
        String createdAt,
        String updatedAt,
        @JsonProperty("_links") Map<String, Hal.Link> links) {

    static EnvironmentJson of(Environment e, JsonNode contacts, String base) {
        Map<String, Hal.Link> links = new LinkedHashMap<>();
        links.put("self", new Hal.Link(BrokerUrls.environment(base, e.uuid()), "Environment", e.name(), null));
        links.put(
                "pb:currently-deployed-deployed-versions",
                Hal.Link.titled(
                        BrokerUrls.environment(base, e.uuid()) + "/deployed-versions/currently-deployed",
                        "Versions currently deployed to " + e.displayName() + " environment"));
        links.put(
                "pb:currently-supported-released-versions",
                Hal.Link.titled(
                        BrokerUrls.environment(base, e.uuid()) + "/released-versions/currently-supported",
                        "Versions released and supported in " + e.displayName() + " environment"));
        links.put("pb:environments", Hal.Link.titled(base + "/environments", "Environments"));
        return new EnvironmentJson(
                e.uuid(),
                e.name(),
                e.displayName(),
                e.production(),
                contacts,
                Timestamps.format(e.createdAt()),
                updatedAt(e.createdAt(), e.updatedAt()),
                links);
    }

    /** {@code GET /environments}: every environment embedded, and linked by name. */
    static Map<String, Object> list(List<EnvironmentJson> environments, String base) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Hal.Link.titled(base + "/environments", "Environments"));
        links.put(
                "pb:environments",
                environments.stream()
                        .map(e -> new Hal.Link(e.links().get("self").href(), "Environment", e.name(), null))
                        .toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_embedded", Map.of("environments", environments));
        body.put("_links", links);
        return body;
    }

    /** The Pact Broker shows {@code updatedAt} only for a row changed after its creation. */
    static String updatedAt(LocalDateTime createdAt, LocalDateTime updatedAt) {
        return updatedAt == null || updatedAt.equals(createdAt) ? null : Timestamps.format(updatedAt);
    }
}
