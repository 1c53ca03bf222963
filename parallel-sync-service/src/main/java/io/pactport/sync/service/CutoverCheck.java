package io.pactport.sync.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.pactport.core.remote.BrokerCopy;
import io.pactport.core.remote.BrokerReader;
import io.pactport.core.remote.ProductionVersions;
import io.pactport.core.remote.ProductionVersions.Placement;
import io.pactport.core.remote.ProductionVersions.ProductionVersion;
import io.pactport.core.remote.RemoteModel.Pact;
import io.pactport.core.remote.RemoteModel.Verification;
import io.pactport.core.remote.RemoteModel.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares an old broker with Pactport: every production version of the old broker must be in Pactport, with the same
 * production standing (deployment, release or tag), the same pacts (same content SHA), and the verification results
 * can-i-deploy reads for them — those of the old broker's latest results by a production version of the provider.
 */
public final class CutoverCheck {

    /** What is missing from Pactport; {@code source} is what the old broker holds, for the backfill. */
    public record Gap(
            String kind,
            String pacticipant,
            String version,
            String detail,
            @JsonIgnore Object source) {

        /** Writes what this gap names with the copy's source data; a refusal is kept in the copy's tally. */
        void fill(BrokerCopy copy) {
            if (source instanceof Version v) {
                copy.fillVersion(v);
            } else if (source instanceof PactWithLabels pact) {
                copy.fillPact(pact.pact(), pact.labels());
            } else if (source instanceof Verification verification) {
                copy.fillVerification(verification);
            } else if (source instanceof Placement placement) {
                copy.fillPlacement(pacticipant, version, placement);
            } else {
                throw new IllegalArgumentException("no copy for a gap of kind " + kind);
            }
        }
    }

    /** The comparison with one old broker. */
    public record Report(boolean ready, int productionVersions, List<Gap> missing) {}

    private CutoverCheck() {}

    public static Report compare(BrokerReader old, BrokerReader pactport, List<String> productionTags) {
        List<ProductionVersion> production = ProductionVersions.of(old, productionTags);
        Map<String, Set<String>> productionByPacticipant = production.stream()
                .collect(Collectors.groupingBy(
                        ProductionVersion::pacticipant,
                        Collectors.mapping(ProductionVersion::version, Collectors.toSet())));
        List<Gap> missing = new ArrayList<>();
        for (ProductionVersion p : production) {
            missing.addAll(gaps(old, pactport, p, productionByPacticipant));
        }
        return new Report(missing.isEmpty(), production.size(), missing);
    }

    private static List<Gap> gaps(
            BrokerReader old, BrokerReader pactport, ProductionVersion p, Map<String, Set<String>> production) {
        List<Gap> gaps = new ArrayList<>();
        Optional<Version> oldVersion = old.version(p.pacticipant(), p.version());
        Optional<Version> newVersion = pactport.version(p.pacticipant(), p.version());
        if (newVersion.isEmpty()) {
            gaps.add(new Gap(
                    "version",
                    p.pacticipant(),
                    p.version(),
                    null,
                    oldVersion.orElse(Version.of(p.pacticipant(), p.version()))));
        }
        for (Placement placement : p.placements()) {
            if (!holds(pactport, p, placement, newVersion)) {
                gaps.add(new Gap(
                        placement.kind().name().toLowerCase(),
                        p.pacticipant(),
                        p.version(),
                        placement.where()
                                + (placement.applicationInstance() == null
                                        ? ""
                                        : " (" + placement.applicationInstance() + ")"),
                        placement));
            }
        }
        for (Pact pact : old.pacts(p.pacticipant(), p.version())) {
            Optional<Pact> mirrored = newVersion.isEmpty()
                    ? Optional.empty()
                    : pactport.pact(pact.consumer(), pact.provider(), pact.consumerVersion());
            if (mirrored.isEmpty() || !mirrored.get().sha().equals(pact.sha())) {
                gaps.add(new Gap(
                        "pact",
                        p.pacticipant(),
                        p.version(),
                        "with " + pact.provider() + " (content " + pact.sha()
                                + (mirrored.isEmpty()
                                        ? ""
                                        : ", Pactport has " + mirrored.get().sha()) + ")",
                        new PactWithLabels(pact, oldVersion.orElse(null))));
                mirrored = Optional.empty();
            }
            Set<String> providerProduction = production.getOrDefault(pact.provider(), Set.of());
            List<Verification> mirroredResults =
                    mirrored.map(pactport::verifications).orElse(List.of());
            for (Verification v : old.verifications(pact)) {
                if (providerProduction.contains(v.providerVersion())
                        && mirroredResults.stream()
                                .noneMatch(m -> m.providerVersion().equals(v.providerVersion())
                                        && m.success() == v.success())) {
                    gaps.add(new Gap(
                            "verification",
                            p.pacticipant(),
                            p.version(),
                            "of the pact with "
                                    + pact.provider() + " by " + pact.provider() + " " + v.providerVersion() + " ("
                                    + (v.success() ? "success" : "failure") + ")",
                            v));
                }
            }
        }
        return gaps;
    }

    private static boolean holds(
            BrokerReader pactport, ProductionVersion p, Placement placement, Optional<Version> version) {
        if (version.isEmpty()) {
            return false;
        }
        return switch (placement.kind()) {
            case TAGGED -> version.get().tags().contains(placement.where());
            case DEPLOYED ->
                pactport.environments().stream()
                        .filter(e -> e.name().equals(placement.where()))
                        .flatMap(e -> pactport.currentDeployments(e).stream())
                        .anyMatch(d -> d.pacticipant().equals(p.pacticipant())
                                && d.version().equals(p.version())
                                && java.util.Objects.equals(d.applicationInstance(), placement.applicationInstance()));
            case RELEASED ->
                pactport.environments().stream()
                        .filter(e -> e.name().equals(placement.where()))
                        .flatMap(e -> pactport.currentReleases(e).stream())
                        .anyMatch(r -> r.pacticipant().equals(p.pacticipant())
                                && r.version().equals(p.version()));
        };
    }

    /** A missing pact with the consumer version's labels, so the backfill copies both. */
    public record PactWithLabels(Pact pact, Version labels) {}
}
