package io.pactport.core.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.core.remote.BrokerWriter.Outcome;
import io.pactport.core.remote.ProductionVersions.Placement;
import io.pactport.core.remote.ProductionVersions.ProductionVersion;
import io.pactport.core.remote.RemoteModel.Deployment;
import io.pactport.core.remote.RemoteModel.Environment;
import io.pactport.core.remote.RemoteModel.Pact;
import io.pactport.core.remote.RemoteModel.Release;
import io.pactport.core.remote.RemoteModel.Verification;
import io.pactport.core.remote.RemoteModel.VerificationDetails;
import io.pactport.core.remote.RemoteModel.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies data from one Pact Broker to another through their APIs: the whole broker (migration-service's
 * {@code import}) or single records a caller found missing (parallel-sync-service's backfill). Every step is
 * idempotent, so an interrupted copy is finished by running it again, which writes only what is still missing.
 */
public final class BrokerCopy {

    /** How many writes changed the target, how many found it already so, and what the target refused for good. */
    public static final class Tally {
        private int written;
        private int unchanged;
        private final List<String> refused = new java.util.ArrayList<>();

        void add(Outcome outcome) {
            if (outcome == Outcome.WRITTEN) {
                written++;
            } else {
                unchanged++;
            }
        }

        public int written() {
            return written;
        }

        public int unchanged() {
            return unchanged;
        }

        /** The target's answers to writes that will not heal (a 409 for changed pact content, say). */
        public List<String> refused() {
            return List.copyOf(refused);
        }
    }

    private final BrokerReader from;
    private final BrokerWriter to;
    private final Tally tally = new Tally();

    public BrokerCopy(BrokerReader from, BrokerWriter to) {
        this.from = from;
        this.to = to;
    }

    public Tally tally() {
        return tally;
    }

    /** Writes one version with its labels; a refusal is kept in the tally, not thrown. */
    public void fillVersion(Version version) {
        attempt(() -> tally.add(to.version(version)));
    }

    /** Writes one pact, and with it the consumer version's labels when given; a refusal is kept in the tally. */
    public void fillPact(Pact pact, Version labels) {
        attempt(() -> tally.add(to.pact(pact, labels)));
    }

    /** Writes one verification result with its details from the source; a refusal is kept in the tally. */
    public void fillVerification(Verification verification) {
        attempt(() -> verification(verification));
    }

    /** Writes where a version stands (tag, deployment or release); a refusal is kept in the tally. */
    public void fillPlacement(String pacticipant, String version, Placement placement) {
        attempt(() -> placement(pacticipant, version, placement));
    }

    /**
     * Runs one copy step; a refusal that will not heal is noted and the copy goes on, while a failure that can heal
     * (the broker is down, say) is thrown: the copy stops, and running it again resumes it.
     */
    private void attempt(Runnable step) {
        try {
            step.run();
        } catch (RemoteBrokerException e) {
            if (e.retriable()) {
                throw e;
            }
            tally.refused.add(e.getMessage());
        }
    }

    /**
     * Copies everything: environments, pacticipants, then the production versions (so the target can answer
     * can-i-deploy for production as early as possible), then, unless {@code productionOnly}, every other version
     * oldest first with its pacts and verification results, and the non-production deployments and releases.
     */
    public void all(boolean productionOnly, List<String> productionTags, Consumer<String> progress) {
        List<Environment> environments = from.environments();
        for (Environment environment : environments) {
            attempt(() -> to.environment(environment));
        }
        progress.accept(environments.size() + " environments");
        List<String> pacticipants = from.pacticipants();
        for (String pacticipant : pacticipants) {
            from.pacticipant(pacticipant)
                    .ifPresent(fields -> attempt(() -> tally.add(to.pacticipant(pacticipant, fields))));
        }
        progress.accept(pacticipants.size() + " pacticipants");
        Set<List<String>> copied = new HashSet<>();
        List<ProductionVersion> production = ProductionVersions.of(from, productionTags);
        for (ProductionVersion p : production) {
            version(p.pacticipant(), p.version());
            copied.add(List.of(p.pacticipant(), p.version()));
            for (Placement placement : p.placements()) {
                attempt(() -> placement(p.pacticipant(), p.version(), placement));
            }
        }
        progress.accept(production.size() + " production versions");
        if (productionOnly) {
            return;
        }
        for (String pacticipant : pacticipants) {
            List<Version> versions = from.versions(pacticipant);
            for (Version v : versions) {
                if (copied.add(List.of(pacticipant, v.number()))) {
                    version(v);
                }
            }
            progress.accept(pacticipant + ": " + versions.size() + " versions");
        }
        for (Environment environment : environments) {
            for (Deployment d : from.currentDeployments(environment)) {
                attempt(() -> tally.add(to.deployment(d, environment.production())));
            }
            for (Release r : from.currentReleases(environment)) {
                attempt(() -> tally.add(to.release(r, environment.production())));
            }
        }
    }

    private void version(String pacticipant, String number) {
        from.version(pacticipant, number).ifPresent(this::version);
    }

    /** The version with its labels, its pacts, and their verification results. */
    private void version(Version version) {
        attempt(() -> tally.add(to.version(version)));
        for (Pact pact : from.pacts(version.pacticipant(), version.number())) {
            attempt(() -> {
                tally.add(to.pact(pact, null));
                for (Verification verification : from.verifications(pact)) {
                    attempt(() -> verification(verification));
                }
            });
        }
    }

    private void verification(Verification v) {
        JsonNode details =
                v.url() == null ? null : from.verificationDetails(v.url()).orElse(null);
        Verification withBuildUrl = details == null
                ? v
                : new Verification(
                        v.consumer(),
                        v.provider(),
                        v.sha(),
                        v.consumerVersion(),
                        v.providerVersion(),
                        v.success(),
                        details.path("buildUrl").asText(null),
                        v.url());
        Version provider =
                from.version(v.provider(), v.providerVersion()).orElse(Version.of(v.provider(), v.providerVersion()));
        tally.add(to.verification(
                withBuildUrl,
                new VerificationDetails(
                        provider.branches().isEmpty()
                                ? null
                                : provider.branches().get(provider.branches().size() - 1),
                        provider.tags(),
                        details == null ? null : details.get("testResults"),
                        details == null ? null : details.get("verifiedBy"))));
    }

    private void placement(String pacticipant, String version, Placement placement) {
        tally.add(
                switch (placement.kind()) {
                    case TAGGED -> to.tag(pacticipant, version, placement.where());
                    case DEPLOYED ->
                        to.deployment(
                                new Deployment(
                                        pacticipant, version, placement.where(), placement.applicationInstance()),
                                placement.production());
                    case RELEASED ->
                        to.release(new Release(pacticipant, version, placement.where()), placement.production());
                });
    }
}
