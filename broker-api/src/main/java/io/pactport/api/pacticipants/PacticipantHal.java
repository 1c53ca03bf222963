package io.pactport.api.pacticipants;

import static io.pactport.api.http.HalFields.link;
import static io.pactport.api.http.HalFields.putPresent;
import static io.pactport.api.http.HalFields.templated;

import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.HalFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pacticipant representations in the Pact Broker's shapes (its pacticipant(s) and label decorators). */
final class PacticipantHal {

    private PacticipantHal() {}

    static Map<String, Object> pacticipant(String base, PacticipantDetails details) {
        Pacticipant p = details.pacticipant();
        String self = BrokerUrls.pacticipant(base, p.name());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", p.name());
        putPresent(json, "displayName", p.displayName());
        putPresent(json, "repositoryUrl", p.repositoryUrl());
        putPresent(json, "repositoryName", p.repositoryName());
        putPresent(json, "repositoryNamespace", p.repositoryNamespace());
        putPresent(json, "mainBranch", p.mainBranch());
        HalFields.timestamps(json, p.createdAt(), p.updatedAt());

        Map<String, Object> embedded = new LinkedHashMap<>();
        if (details.latestVersionNumber() != null) {
            embedded.put("latestVersion", latestVersion(base, p.name(), details.latestVersionNumber(), null));
            // the deprecated dasherized copy older clients (pact_broker-client's pacticipant lookups) read
            embedded.put(
                    "latest-version",
                    latestVersion(
                            base, p.name(), details.latestVersionNumber(), "DEPRECATED - please use latestVersion"));
        }
        embedded.put(
                "labels",
                details.labels().stream()
                        .map(label -> Hal.object(
                                "name",
                                label,
                                "_links",
                                Map.of("self", link(BrokerUrls.label(base, p.name(), label), "Label", label))))
                        .toList());
        json.put("_embedded", embedded);

        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Hal.Link.to(self));
        links.put("pb:versions", Hal.Link.to(BrokerUrls.versions(base, p.name())));
        links.put("pb:branches", Hal.Link.to(BrokerUrls.branches(base, p.name())));
        links.put("pb:version", templated(self + "/versions/{version}", "Get, create or delete a pacticipant version"));
        links.put(
                "pb:version-tag",
                templated(
                        self + "/versions/{version}/tags/{tag}",
                        "Get, create or delete a tag for a version of " + p.name()));
        links.put(
                "pb:branch-version",
                templated(
                        self + "/branches/{branch}/versions/{version}",
                        "Get or add/create a version for a branch of " + p.name()));
        links.put("pb:label", templated(self + "/labels/{label}", "Get, create or delete a label for " + p.name()));
        links.put("versions", link(BrokerUrls.versions(base, p.name()), "Deprecated - use pb:versions", null));
        links.put(
                "pb:can-i-deploy-badge",
                templated(
                        self + "/latest-version/{tag}/can-i-deploy/to/{environmentTag}/badge",
                        "Can I Deploy " + p.name() + " badge"));
        links.put(
                "pb:can-i-deploy-branch-to-environment-badge",
                templated(
                        self + "/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}/badge",
                        "Can I Deploy " + p.name() + " from branch to environment badge"));
        links.put("curies", List.of(HalFields.curie(base, "pacticipant")));
        json.put("_links", links);
        return json;
    }

    /**
     * The collection: embedded pacticipants, plus the deprecated top-level {@code pacticipants} array and
     * {@code pacticipants} links that pact_broker-client still reads ({@code deprecated} true for {@code GET
     * /pacticipants}, whose decorator the Pact Broker keeps for it).
     */
    static Map<String, Object> pacticipants(String base, List<PacticipantDetails> all, boolean deprecated) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> embedded =
                all.stream().map(d -> pacticipant(base, d)).toList();
        json.put("_embedded", Map.of("pacticipants", embedded));
        if (deprecated) {
            json.put(
                    "pacticipants",
                    all.stream()
                            .map(d -> {
                                Map<String, Object> item = pacticipant(base, d);
                                item.put("title", "DEPRECATED - Please use the embedded pacticipants collection");
                                return item;
                            })
                            .toList());
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Hal.Link.to(BrokerUrls.pacticipants(base)));
        links.put(
                "pb:pacticipants-with-label",
                templated(BrokerUrls.pacticipants(base) + "/label/{label}", "Find pacticipants by label"));
        links.put(
                "pb:pacticipants",
                all.stream()
                        .map(d -> link(
                                BrokerUrls.pacticipant(base, d.pacticipant().name()),
                                "Pacticipant",
                                d.pacticipant().name()))
                        .toList());
        links.put(
                "pacticipants",
                all.stream()
                        .map(d -> link(
                                BrokerUrls.pacticipant(base, d.pacticipant().name()),
                                d.pacticipant().name(),
                                "DEPRECATED - please use pb:pacticipants"))
                        .toList());
        json.put("_links", links);
        return json;
    }

    static Map<String, Object> label(String base, String pacticipant, Label label) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", label.name());
        HalFields.timestamps(json, label.createdAt(), label.updatedAt());
        json.put(
                "_links",
                Hal.object(
                        "self", link(BrokerUrls.label(base, pacticipant, label.name()), "Label", label.name()),
                        "pacticipant", link(BrokerUrls.pacticipant(base, pacticipant), "Pacticipant", pacticipant)));
        return json;
    }

    private static Map<String, Object> latestVersion(
            String base, String pacticipant, String number, String deprecated) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", number);
        json.put("_links", Map.of("self", link(BrokerUrls.version(base, pacticipant, number), "Version", number)));
        if (deprecated != null) {
            json.put("title", deprecated);
            json.put("name", deprecated);
        }
        return json;
    }
}
