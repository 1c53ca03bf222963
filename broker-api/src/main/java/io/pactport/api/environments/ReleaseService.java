package io.pactport.api.environments;

import io.pactport.api.environments.ReleasedVersionRepository.Change;
import io.pactport.api.events.Outbox;
import io.pactport.api.http.NotFoundException;
import io.pactport.core.events.PactportEvent.ReleaseRecorded;
import io.pactport.core.events.PactportEvent.ReleaseSupportEnded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Releases: recording one (or supporting an old one again), ending support, and what is supported where. Each change
 * appends its event in its transaction.
 */
@ApplicationScoped
public class ReleaseService {

    private final Pool pool;
    private final EnvironmentService environmentService;
    private final EnvironmentRepository environments;
    private final ReleasedVersionRepository releasedVersions;
    private final DeploymentVersions versions;
    private final Outbox outbox;

    ReleaseService(
            Pool pool,
            EnvironmentService environmentService,
            EnvironmentRepository environments,
            ReleasedVersionRepository releasedVersions,
            DeploymentVersions versions,
            Outbox outbox) {
        this.pool = pool;
        this.environmentService = environmentService;
        this.environments = environments;
        this.releasedVersions = releasedVersions;
        this.versions = versions;
        this.outbox = outbox;
    }

    /** A released version and the environment it is released in. */
    public record Released(ReleasedVersion releasedVersion, Environment environment) {}

    /**
     * The outcome of recording a release.
     *
     * @param created whether the release is new (rather than one recorded before, supported again if it had ended)
     */
    public record Recorded(Released released, boolean created) {}

    /** The releases of one environment. */
    public record InEnvironment(Environment environment, List<ReleasedVersion> releasedVersions) {}

    public Uni<Recorded> record(String pacticipantName, String versionNumber, String environmentUuid) {
        return pool.withTransaction(tx -> versions.find(tx, pacticipantName, versionNumber)
                .flatMap(version -> environmentService
                        .find(tx, environmentUuid)
                        .flatMap(environment -> releasedVersions
                                .record(tx, UUID.randomUUID().toString(), version, environment.id())
                                .call(recorded -> recorded.change() == Change.NONE
                                        ? Uni.createFrom().voidItem()
                                        : appendEvent(
                                                tx, recorded.releasedVersion(), environment, ReleaseRecorded::new))
                                .map(recorded -> new Recorded(
                                        new Released(recorded.releasedVersion(), environment),
                                        recorded.change() == Change.CREATED)))));
    }

    public Uni<Released> find(String uuid) {
        return find(pool, uuid);
    }

    /** Records that the release is no longer supported; one whose support has already ended is returned unchanged. */
    public Uni<Released> endSupport(String uuid) {
        return pool.withTransaction(tx -> find(tx, uuid)
                .flatMap(released -> releasedVersions
                        .endSupport(tx, released.releasedVersion().id())
                        .flatMap(changed -> releasedVersions
                                .findByUuid(tx, uuid)
                                .map(Optional::orElseThrow)
                                .call(ended -> changed
                                        ? appendEvent(tx, ended, released.environment(), ReleaseSupportEnded::new)
                                        : Uni.createFrom().voidItem())
                                .map(ended -> new Released(ended, released.environment())))));
    }

    /** The releases currently supported in the environment, optionally of one pacticipant and version number. */
    public Uni<InEnvironment> currentlySupported(String environmentUuid, String pacticipantName, String versionNumber) {
        return environmentService
                .find(pool, environmentUuid)
                .flatMap(environment -> releasedVersions
                        .findSupportedInEnvironment(pool, environment.id(), pacticipantName, versionNumber)
                        .map(found -> new InEnvironment(environment, found)));
    }

    /** The release of the version in the environment, as a list of none or one (the Pact Broker's shape). */
    public Uni<InEnvironment> forVersion(String pacticipantName, String versionNumber, String environmentUuid) {
        return versions.find(pool, pacticipantName, versionNumber)
                .flatMap(version -> environmentService
                        .find(pool, environmentUuid)
                        .flatMap(environment -> releasedVersions
                                .findForVersion(pool, version.id(), environment.id())
                                .map(found -> new InEnvironment(
                                        environment, found.map(List::of).orElse(List.of())))));
    }

    private Uni<Released> find(SqlClient c, String uuid) {
        return releasedVersions
                .findByUuid(c, uuid)
                .map(found -> found.orElseThrow(
                        () -> new NotFoundException("No released version with uuid '" + uuid + "' found")))
                .flatMap(released -> environments
                        .findById(c, released.environmentId())
                        .map(environment -> new Released(released, environment)));
    }

    private Uni<Void> appendEvent(
            SqlClient tx, ReleasedVersion released, Environment environment, EnvironmentEvents.OfRelease<?> event) {
        return outbox.append(tx, EnvironmentEvents.release(released, environment, event));
    }
}
