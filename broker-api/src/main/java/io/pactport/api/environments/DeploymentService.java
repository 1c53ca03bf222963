package io.pactport.api.environments;

import io.pactport.api.config.ApiConfig;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.versions.TagListener;
import io.pactport.api.versions.Version;
import io.pactport.core.events.PactportEvent.DeploymentRecorded;
import io.pactport.core.events.PactportEvent.UndeploymentRecorded;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deployments: recording one (which undeploys what the pacticipant had live in that environment and application
 * instance), recording an undeployment, and what is deployed where. Each change appends its events in its transaction.
 */
@ApplicationScoped
public class DeploymentService implements TagListener {

    private final Pool pool;
    private final EnvironmentService environmentService;
    private final EnvironmentRepository environments;
    private final DeployedVersionRepository deployedVersions;
    private final DeploymentVersions versions;
    private final Outbox outbox;
    private final ApiConfig config;

    DeploymentService(
            Pool pool,
            EnvironmentService environmentService,
            EnvironmentRepository environments,
            DeployedVersionRepository deployedVersions,
            DeploymentVersions versions,
            Outbox outbox,
            ApiConfig config) {
        this.pool = pool;
        this.environmentService = environmentService;
        this.environments = environments;
        this.deployedVersions = deployedVersions;
        this.versions = versions;
        this.outbox = outbox;
        this.config = config;
    }

    /** A deployed version and the environment it is in. */
    public record Deployed(DeployedVersion deployedVersion, Environment environment) {}

    /** The deployments of one environment. */
    public record InEnvironment(Environment environment, List<DeployedVersion> deployedVersions) {}

    /**
     * Records that the version is deployed to the environment (and application instance, when given); when it already
     * is, returns that record unchanged.
     */
    public Uni<Deployed> record(
            String pacticipantName, String versionNumber, String environmentUuid, String applicationInstance) {
        return pool.withTransaction(tx -> versions.find(tx, pacticipantName, versionNumber)
                .flatMap(version -> environmentService
                        .find(tx, environmentUuid)
                        .flatMap(environment -> record(tx, version, environment, applicationInstance, false))));
    }

    @Override
    public Uni<Void> tagPut(SqlClient tx, Version version, String tag) {
        return recordAutoDeploymentForTag(tx, version, tag).replaceWithVoid();
    }

    /**
     * The Pact Broker's {@code create_deployed_versions_for_tags}: tagging a version with the name of an environment
     * records its deployment there (without application instance), unless the setting is off. Runs in the caller's
     * transaction.
     *
     * @return the deployment, when the tag names an environment and the setting is on
     */
    public Uni<Optional<Deployed>> recordAutoDeploymentForTag(SqlClient tx, Version version, String tagName) {
        if (!config.createDeployedVersionsForTags()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return environments
                .findByName(tx, tagName)
                .flatMap(environment -> environment.isEmpty()
                        ? Uni.createFrom().item(Optional.<Deployed>empty())
                        : record(tx, version, environment.get(), null, true).map(Optional::of));
    }

    public Uni<Deployed> find(String uuid) {
        return find(pool, uuid);
    }

    /** Records that the deployment has ended; a deployment already ended is returned unchanged. */
    public Uni<Deployed> undeploy(String uuid) {
        return pool.withTransaction(tx -> find(tx, uuid)
                .flatMap(deployed -> deployedVersions
                        .undeploy(tx, deployed.deployedVersion().id())
                        .flatMap(changed -> deployedVersions
                                .findById(tx, deployed.deployedVersion().id())
                                .call(undeployed -> changed
                                        ? appendEvent(tx, undeployed, deployed.environment(), UndeploymentRecorded::new)
                                        : Uni.createFrom().voidItem())
                                .map(undeployed -> new Deployed(undeployed, deployed.environment())))));
    }

    /**
     * What is currently deployed to the environment, newest first.
     *
     * @param pacticipantName only this pacticipant's, when not null
     * @param applicationInstance when present, only those to exactly this instance (empty: those without one)
     */
    public Uni<InEnvironment> currentlyDeployed(
            String environmentUuid, String pacticipantName, Optional<String> applicationInstance) {
        return environmentService
                .find(pool, environmentUuid)
                .flatMap(environment -> deployedVersions
                        .findCurrentInEnvironment(pool, environment.id(), pacticipantName, applicationInstance)
                        .map(found -> new InEnvironment(environment, found)));
    }

    /** Every deployment of the version to the environment, newest first. */
    public Uni<InEnvironment> forVersion(String pacticipantName, String versionNumber, String environmentUuid) {
        return versions.find(pool, pacticipantName, versionNumber)
                .flatMap(version -> environmentService
                        .find(pool, environmentUuid)
                        .flatMap(environment -> deployedVersions
                                .findForVersion(pool, version.id(), environment.id())
                                .map(found -> new InEnvironment(environment, found))));
    }

    private Uni<Deployed> record(
            SqlClient tx, Version version, Environment environment, String target, boolean autoCreated) {
        return deployedVersions
                .lock(tx, version.pacticipantId(), environment.id())
                .flatMap(locked -> deployedVersions.findCurrent(tx, version.id(), environment.id(), target))
                .flatMap(current -> current.isPresent()
                        ? Uni.createFrom().item(new Deployed(current.get(), environment))
                        : recordNew(tx, version, environment, target, autoCreated));
    }

    private Uni<Deployed> recordNew(
            SqlClient tx, Version version, Environment environment, String target, boolean autoCreated) {
        return deployedVersions
                .record(tx, UUID.randomUUID().toString(), version, environment.id(), target, autoCreated)
                .call(recorded -> Multi.createFrom()
                        .iterable(recorded.undeployedIds())
                        .onItem()
                        .transformToUniAndConcatenate(id -> deployedVersions
                                .findById(tx, id)
                                .call(previous -> appendEvent(tx, previous, environment, UndeploymentRecorded::new)))
                        .collect()
                        .asList())
                .call(recorded -> appendEvent(tx, recorded.deployedVersion(), environment, DeploymentRecorded::new))
                .map(recorded -> new Deployed(recorded.deployedVersion(), environment));
    }

    private Uni<Deployed> find(SqlClient c, String uuid) {
        return deployedVersions
                .findByUuid(c, uuid)
                .map(found -> found.orElseThrow(
                        () -> new NotFoundException("No deployed version with uuid '" + uuid + "' found")))
                .flatMap(deployed -> environments
                        .findById(c, deployed.environmentId())
                        .map(environment -> new Deployed(deployed, environment)));
    }

    private Uni<Void> appendEvent(
            SqlClient tx, DeployedVersion deployed, Environment environment, EnvironmentEvents.OfDeployment<?> event) {
        return outbox.append(tx, EnvironmentEvents.deployment(deployed, environment, event));
    }
}
