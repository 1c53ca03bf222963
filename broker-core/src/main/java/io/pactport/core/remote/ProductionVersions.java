package io.pactport.core.remote;

import io.pactport.core.remote.RemoteModel.Deployment;
import io.pactport.core.remote.RemoteModel.Environment;
import io.pactport.core.remote.RemoteModel.Release;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The production versions of a broker: what can-i-deploy to production compares against. A version is one when it is
 * currently deployed, or released and still supported, in an environment marked production, or when it is the latest
 * version carrying one of the production tags (the version {@code can-i-deploy --to prod} uses, for teams still on
 * tags).
 */
public final class ProductionVersions {

    /** Why a version counts: deployed or released to an environment, or tagged. */
    public enum Kind {
        DEPLOYED,
        RELEASED,
        TAGGED
    }

    /** One reason: the environment (with the application instance, for a deployment) or the tag. */
    public record Placement(Kind kind, String where, String applicationInstance, boolean production) {}

    /** A production version and every reason it is one. */
    public record ProductionVersion(String pacticipant, String version, List<Placement> placements) {}

    private ProductionVersions() {}

    /** Every production version of the broker, grouped by pacticipant then version, in the broker's order. */
    public static List<ProductionVersion> of(BrokerReader broker, List<String> productionTags) {
        Map<List<String>, List<Placement>> found = new LinkedHashMap<>();
        for (Environment environment : broker.environments()) {
            if (!environment.production()) {
                continue;
            }
            for (Deployment d : broker.currentDeployments(environment)) {
                found.computeIfAbsent(List.of(d.pacticipant(), d.version()), k -> new ArrayList<>())
                        .add(new Placement(Kind.DEPLOYED, d.environment(), d.applicationInstance(), true));
            }
            for (Release r : broker.currentReleases(environment)) {
                found.computeIfAbsent(List.of(r.pacticipant(), r.version()), k -> new ArrayList<>())
                        .add(new Placement(Kind.RELEASED, r.environment(), null, true));
            }
        }
        if (!productionTags.isEmpty()) {
            for (String pacticipant : broker.pacticipants()) {
                for (String tag : productionTags) {
                    broker.latestVersionWithTag(pacticipant, tag)
                            .ifPresent(version -> found.computeIfAbsent(
                                            List.of(pacticipant, version), k -> new ArrayList<>())
                                    .add(new Placement(Kind.TAGGED, tag, null, true)));
                }
            }
        }
        List<ProductionVersion> versions = new ArrayList<>();
        found.forEach((key, placements) ->
                versions.add(new ProductionVersion(key.get(0), key.get(1), List.copyOf(placements))));
        versions.sort(java.util.Comparator.comparing(ProductionVersion::pacticipant));
        return versions;
    }
}
