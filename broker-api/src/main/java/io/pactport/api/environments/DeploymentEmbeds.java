package io.pactport.api.environments;

import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The pacticipant and version embedded in deployed and released versions, in the Pact Broker's short forms. */
final class DeploymentEmbeds {

    private DeploymentEmbeds() {}

    /** {@code {"pacticipant": {name, _links.self}, "version": {number, _links.self}}}, open for more. */
    static Map<String, Object> of(String pacticipantName, String versionNumber, String base) {
        String pacticipantUrl = base + "/pacticipants/" + BrokerUrls.encode(pacticipantName);
        Map<String, Object> pacticipant = new LinkedHashMap<>();
        pacticipant.put("name", pacticipantName);
        pacticipant.put("_links", Map.of("self", Hal.Link.to(pacticipantUrl)));
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("number", versionNumber);
        version.put(
                "_links",
                Map.of(
                        "self",
                        new Hal.Link(
                                pacticipantUrl + "/versions/" + BrokerUrls.encode(versionNumber),
                                "Version",
                                versionNumber,
                                null)));
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("pacticipant", pacticipant);
        embedded.put("version", version);
        return embedded;
    }
}
