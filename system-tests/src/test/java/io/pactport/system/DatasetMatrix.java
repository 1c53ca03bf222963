package io.pactport.system;

import io.pactport.core.testing.LegacyDataset;
import io.pactport.core.testing.LegacyDataset.Model;
import io.pactport.core.testing.LegacyDataset.Version;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The can-i-deploy answers a {@link LegacyDataset} implies, worked out from what the generator decided (which consumer
 * version has which pact content, which provider version verified which content with what result, what is deployed
 * where, which version has which tag) and the Pact Broker's rules, without any of broker-api's SQL: so a migration
 * that lost or mangled a row, or a query that reads the migrated tables wrongly, shows as a different answer.
 *
 * <p>The rules, for one asked version V of A and a target (an environment, the latest version with a tag, the latest
 * version), with {@code latestby=cvp}: the target names the versions of every application A is integrated with. As a
 * consumer, V's pact with each of its providers is a row verified by the newest target version of that provider that
 * verified the pact's content, or unverified when none did (a provider version verifies content, so one verification
 * answers for every consumer version that published the same pact). As a provider, each target version of each of A's
 * consumers that has a pact with A is a row, verified by V or not. Deployable: unknown (null) when a row is unverified,
 * else whether every row succeeded.
 */
final class DatasetMatrix {

    /** One row of the matrix; the provider version and the success are null when no target version verified it. */
    record Row(String consumer, String consumerVersion, String provider, String providerVersion, Boolean success) {}

    /** The verdict and the rows, in no order. */
    record Answer(Boolean deployable, Set<Row> rows) {}

    /** Where the other applications' versions come from. */
    sealed interface Target {
        /** The query string the Pact Broker CLI sends for it. */
        String query();

        List<Version> versions(Model model, String pacticipant);
    }

    record ToEnvironment(String environment) implements Target {
        @Override
        public String query() {
            return "environment=" + environment;
        }

        @Override
        public List<Version> versions(Model model, String pacticipant) {
            Set<Integer> ids =
                    model.environments().getOrDefault(environment, Map.of()).getOrDefault(pacticipant, Set.of());
            return model.versions().get(pacticipant).stream()
                    .filter(v -> ids.contains(v.id()))
                    .toList();
        }
    }

    record ToLatestWithTag(String tag) implements Target {
        @Override
        public String query() {
            return "latest=true&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        }

        @Override
        public List<Version> versions(Model model, String pacticipant) {
            return newest(model.versions().get(pacticipant).stream()
                    .filter(v -> v.tags().contains(tag))
                    .toList());
        }
    }

    record ToLatest() implements Target {
        @Override
        public String query() {
            return "latest=true";
        }

        @Override
        public List<Version> versions(Model model, String pacticipant) {
            return newest(model.versions().get(pacticipant));
        }
    }

    private final Model model;

    DatasetMatrix(Model model) {
        this.model = model;
    }

    Answer canIDeploy(String pacticipant, String versionNumber, Target target) {
        Version asked = model.versions().get(pacticipant).stream()
                .filter(v -> v.number().equals(versionNumber))
                .findFirst()
                .orElseThrow();
        Set<Row> rows = new LinkedHashSet<>();
        model.pacts().getOrDefault(asked.id(), Map.of()).forEach((provider, pact) -> {
            Optional<Version> verifier = target.versions(model, provider).stream()
                    .filter(pv -> model.verifications().containsKey(List.of(pact, pv.id())))
                    .max(Comparator.comparingInt(Version::order));
            rows.add(new Row(
                    pacticipant,
                    asked.number(),
                    provider,
                    verifier.map(Version::number).orElse(null),
                    verifier.map(pv -> model.verifications().get(List.of(pact, pv.id())))
                            .orElse(null)));
        });
        for (List<String> integration : model.integrations()) {
            if (!integration.get(1).equals(pacticipant)) {
                continue;
            }
            String consumer = integration.get(0);
            for (Version cv : target.versions(model, consumer)) {
                Integer pact = model.pacts().getOrDefault(cv.id(), Map.of()).get(pacticipant);
                if (pact != null) {
                    Boolean success = model.verifications().get(List.of(pact, asked.id()));
                    rows.add(new Row(
                            consumer, cv.number(), pacticipant, success == null ? null : asked.number(), success));
                }
            }
        }
        Boolean deployable = rows.stream().anyMatch(r -> r.success() == null)
                ? null
                : rows.stream().allMatch(r -> Objects.equals(r.success(), Boolean.TRUE));
        return new Answer(deployable, rows);
    }

    private static List<Version> newest(List<Version> versions) {
        return versions.stream().max(Comparator.comparingInt(Version::order)).stream()
                .toList();
    }
}
