package io.pactport.api.versions;

import static io.pactport.api.http.HalFields.link;
import static io.pactport.api.http.HalFields.putPresent;
import static io.pactport.api.http.HalFields.templated;

import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.HalFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Version, tag and branch representations in the Pact Broker's shapes (its version, tag and branch decorators). */
final class VersionHal {

    private VersionHal() {}

    /** @param self the URL the version was asked for at (a version can be reached as "latest" too) */
    static Map<String, Object> version(String base, VersionDetails d, String self) {
        Version v = d.version();
        String p = d.pacticipantName();
        String versionUrl = BrokerUrls.version(base, p, v.number());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", v.number());
        putPresent(json, "buildUrl", v.buildUrl());
        HalFields.timestamps(json, v.createdAt(), v.updatedAt());

        List<Map<String, Object>> branchVersions = d.branchVersions().stream()
                .map(bv -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("name", bv.branchName());
                    item.put("latest", bv.latest());
                    item.put(
                            "_links",
                            Map.of(
                                    "self",
                                    link(
                                            BrokerUrls.branchVersion(base, p, bv.branchName(), v.number()),
                                            "Branch version",
                                            bv.branchName())));
                    return item;
                })
                .toList();
        Map<String, Object> embedded = new LinkedHashMap<>();
        // "branches" is the Pact Broker's older name for the same list
        embedded.put("branches", branchVersions);
        embedded.put("branchVersions", branchVersions);
        embedded.put(
                "tags",
                d.tags().stream()
                        .map(t -> Hal.object(
                                "name",
                                t.name(),
                                "_links",
                                Map.of("self", link(BrokerUrls.tag(base, p, v.number(), t.name()), "Tag", t.name()))))
                        .toList());
        json.put("_embedded", embedded);

        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(self, "Version", v.number()));
        links.put("pb:pacticipant", link(BrokerUrls.pacticipant(base, p), "Pacticipant", p));
        links.put(
                "pb:tag",
                templated(versionUrl + "/tags/{tag}", "Get, create or delete a tag for this pacticipant version"));
        links.put(
                "pb:latest-verification-results-where-pacticipant-is-consumer",
                link(
                        BrokerUrls.consumerVersionVerifications(base, p, v.number()),
                        "Latest verification results for consumer version",
                        null));
        links.put(
                "pb:pact-versions",
                d.pactProviders().stream()
                        .map(provider -> link(
                                base + "/pacts/provider/"
                                        + BrokerUrls.encode(provider) + "/consumer/" + BrokerUrls.encode(p)
                                        + "/version/"
                                        + BrokerUrls.encode(v.number()),
                                "Pact",
                                "Pact between " + p + " (" + v.number() + ") and " + provider))
                        .toList());
        links.put(
                "pb:deployed-environments",
                d.deployments().stream()
                        .map(r -> record(base + "/deployed-versions/", "deployed", "currently_deployed", r))
                        .toList());
        links.put(
                "pb:released-environments",
                d.releases().stream()
                        .map(r -> record(base + "/released-versions/", "released", "currently_supported", r))
                        .toList());
        links.put(
                "pb:record-deployment",
                d.environments().stream()
                        .map(e -> link(
                                versionUrl + "/deployed-versions/environment/" + e.uuid(),
                                "Record deployment to " + e.displayName(),
                                e.name()))
                        .toList());
        links.put(
                "pb:record-release",
                d.environments().stream()
                        .map(e -> link(
                                versionUrl + "/released-versions/environment/" + e.uuid(),
                                "Record release to " + e.displayName(),
                                e.name()))
                        .toList());
        links.put("curies", List.of(HalFields.curie(base, "version")));
        json.put("_links", links);
        return json;
    }

    static Map<String, Object> versions(String base, String pacticipant, List<VersionDetails> all) {
        return versions(
                base,
                pacticipant,
                all,
                BrokerUrls.versions(base, pacticipant),
                "All application versions of " + pacticipant);
    }

    /** A list of the pacticipant's versions ({@code self} and its title say which list). */
    static Map<String, Object> versions(
            String base, String pacticipant, List<VersionDetails> all, String self, String title) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "_embedded",
                Map.of(
                        "versions",
                        all.stream()
                                .map(d -> version(
                                        base,
                                        d,
                                        BrokerUrls.version(
                                                base, pacticipant, d.version().number())))
                                .toList()));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(self, title, null));
        links.put("pb:pacticipant", link(BrokerUrls.pacticipant(base, pacticipant), pacticipant, null));
        links.put(
                "pb:versions",
                all.stream()
                        .map(d -> link(
                                BrokerUrls.version(
                                        base, pacticipant, d.version().number()),
                                "Version " + d.version().number(),
                                null))
                        .toList());
        links.put(
                "pacticipant",
                link(BrokerUrls.pacticipant(base, pacticipant), "Deprecated - please use pb:pacticipant", null));
        links.put(
                "versions",
                all.stream()
                        .map(d -> link(
                                BrokerUrls.version(
                                        base, pacticipant, d.version().number()),
                                "Deprecated - please use pb:versions",
                                null))
                        .toList());
        json.put("_links", links);
        return json;
    }

    static Map<String, Object> tag(String base, String pacticipant, String number, Tag tag) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", tag.name());
        HalFields.timestamps(json, tag.createdAt(), tag.updatedAt());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(BrokerUrls.tag(base, pacticipant, number, tag.name()), "Tag", tag.name()));
        links.put("version", link(BrokerUrls.version(base, pacticipant, number), "Version", number));
        links.put("pacticipant", link(BrokerUrls.pacticipant(base, pacticipant), "Pacticipant", pacticipant));
        json.put("_links", links);
        return json;
    }

    static Map<String, Object> branch(String base, String pacticipant, Branch branch) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", branch.name());
        HalFields.timestamps(json, branch.createdAt(), branch.updatedAt());
        String self = BrokerUrls.branch(base, pacticipant, branch.name());
        json.put(
                "_links",
                Hal.object(
                        "self",
                        link(self, "Branch", null),
                        "pb:latest-version",
                        link(self + "/latest-version", "Latest version for branch", null)));
        return json;
    }

    static Map<String, Object> branches(String base, String pacticipant, List<Branch> all) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "_embedded",
                Map.of(
                        "branches",
                        all.stream().map(b -> branch(base, pacticipant, b)).toList()));
        json.put(
                "_links",
                Hal.object(
                        "self", link(BrokerUrls.branches(base, pacticipant), pacticipant + " branches", null),
                        "pb:branches",
                                all.stream()
                                        .map(b -> link(BrokerUrls.branch(base, pacticipant, b.name()), null, b.name()))
                                        .toList()));
        return json;
    }

    static Map<String, Object> branchVersion(String base, String pacticipant, BranchVersion bv) {
        Map<String, Object> json = new LinkedHashMap<>();
        HalFields.timestamps(json, bv.createdAt(), bv.updatedAt());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put(
                "self",
                link(
                        BrokerUrls.branchVersion(base, pacticipant, bv.branchName(), bv.versionNumber()),
                        "Branch version",
                        null));
        links.put("pb:branch", link(BrokerUrls.branch(base, pacticipant, bv.branchName()), "Branch", bv.branchName()));
        links.put(
                "pb:version",
                link(BrokerUrls.version(base, pacticipant, bv.versionNumber()), "Version", bv.versionNumber()));
        json.put("_links", links);
        return json;
    }

    private static Map<String, Object> record(String prefix, String verb, String currentKey, VersionRecord r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", "Version " + verb + " to " + r.environmentDisplayName());
        json.put("name", r.environmentDisplayName());
        json.put("href", prefix + r.uuid());
        json.put(currentKey, r.current());
        putPresent(json, "application_instance", r.applicationInstance());
        return json;
    }
}
