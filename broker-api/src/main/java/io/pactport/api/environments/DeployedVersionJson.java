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
 * A deployed version as the Pact Broker shows it. {@code target} (deprecated) and {@code applicationInstance} are the
 * same value and, like {@code undeployedAt}, left out when absent; {@code _embedded} holds what the caller asked to
 * expand.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployedVersionJson(
        String uuid,
        boolean currentlyDeployed,
        String target,
        String applicationInstance,
        String undeployedAt,
        @JsonProperty("_embedded") Map<String, Object> embedded,
        String createdAt,
        String updatedAt,
        @JsonProperty("_links") Map<String, Hal.Link> links) {

    /** The single resource: pacticipant, version and environment embedded. */
    static DeployedVersionJson of(DeployedVersion d, EnvironmentJson environment, String base) {
        Map<String, Object> embedded = DeploymentEmbeds.of(d.pacticipantName(), d.versionNumber(), base);
        embedded.put("environment", environment);
        return of(d, embedded, base);
    }

    /** An entry of a list: pacticipant and version embedded only when {@code expand}. */
    static DeployedVersionJson entry(DeployedVersion d, boolean expand, String base) {
        return of(d, expand ? DeploymentEmbeds.of(d.pacticipantName(), d.versionNumber(), base) : null, base);
    }

    static Map<String, Object> list(List<DeployedVersionJson> entries, String selfHref, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_embedded", Map.of("deployedVersions", entries));
        body.put("_links", Map.of("self", Hal.Link.titled(selfHref, title)));
        return body;
    }

    private static DeployedVersionJson of(DeployedVersion d, Map<String, Object> embedded, String base) {
        return new DeployedVersionJson(
                d.uuid(),
                d.currentlyDeployed(),
                d.target(),
                d.target(),
                Timestamps.format(d.undeployedAt()),
                embedded,
                Timestamps.format(d.createdAt()),
                EnvironmentJson.updatedAt(d.createdAt(), d.updatedAt()),
                Map.of("self", Hal.Link.to(BrokerUrls.deployedVersion(base, d.uuid()))));
    }
}
