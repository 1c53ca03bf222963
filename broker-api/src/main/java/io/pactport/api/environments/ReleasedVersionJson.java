package io.pactport.api.environments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A released version as the Pact Broker shows it; {@code supportEndedAt} left out while it is supported,
 * {@code _embedded} holding what the caller asked to expand.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleasedVersionJson(
        String uuid,
        boolean currentlySupported,
        String createdAt,
        String updatedAt,
        String supportEndedAt,
        @JsonProperty("_embedded") Map<String, Object> embedded,
        @JsonProperty("_links") Map<String, Hal.Link> links) {

    /** The single resource: pacticipant, version and environment embedded. */
    static ReleasedVersionJson of(ReleasedVersion r, EnvironmentJson environment, String base) {
        Map<String, Object> embedded = DeploymentEmbeds.of(r.pacticipantName(), r.versionNumber(), base);
        embedded.put("environment", environment);
        return of(r, embedded, base);
    }

    /** An entry of a list: pacticipant and version embedded only when {@code expand}. */
    static ReleasedVersionJson entry(ReleasedVersion r, boolean expand, String base) {
        return of(r, expand ? DeploymentEmbeds.of(r.pacticipantName(), r.versionNumber(), base) : null, base);
    }

    static Map<String, Object> list(List<ReleasedVersionJson> entries, String selfHref, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_embedded", Map.of("releasedVersions", entries));
        body.put("_links", Map.of("self", Hal.Link.titled(selfHref, title)));
        return body;
    }

    private static ReleasedVersionJson of(ReleasedVersion r, Map<String, Object> embedded, String base) {
        return new ReleasedVersionJson(
                r.uuid(),
                r.currentlySupported(),
                Timestamps.format(r.createdAt()),
                EnvironmentJson.updatedAt(r.createdAt(), r.updatedAt()),
                Timestamps.format(r.supportEndedAt()),
                embedded,
                Map.of("self", Hal.Link.to(BrokerUrls.releasedVersion(base, r.uuid()))));
    }
}
