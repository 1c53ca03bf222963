package io.pactport.api.environments;

import io.pactport.api.http.NotFoundException;
import io.pactport.api.pacticipants.PacticipantRepository;
import io.pactport.api.versions.Version;
import io.pactport.api.versions.VersionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The version a deployment or release is recorded for. Unlike publishing, recording a deployment never creates the
 * pacticipant or the version: an unknown one is a 404, as in the Pact Broker.
 */
@ApplicationScoped
public class DeploymentVersions {

    private final PacticipantRepository pacticipants;
    private final VersionRepository versions;

    DeploymentVersions(PacticipantRepository pacticipants, VersionRepository versions) {
        this.pacticipants = pacticipants;
        this.versions = versions;
    }

    /** @throws NotFoundException naming what is missing */
    public Uni<Version> find(SqlClient c, String pacticipantName, String number) {
        return pacticipants
                .findByName(c, pacticipantName)
                .map(found -> found.orElseThrow(
                        () -> new NotFoundException("No pacticipant with name '" + pacticipantName + "' found")))
                .flatMap(pacticipant -> versions.find(c, pacticipant.id(), number))
                .map(found -> found.orElseThrow(() -> new NotFoundException(
                        "No version '" + number + "' of pacticipant '" + pacticipantName + "' found")));
    }
}
