package io.pactport.api.environments;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code /released-versions/{uuid}}: one release, and ending its support with the merge patch
 * {@code {"currentlySupported": false}} (what {@code pact-broker record-support-ended} sends).
 */
@Path("/released-versions/{uuid}")
@Produces(Hal.MEDIA_TYPE)
public class ReleasedVersionResource {

    private final ReleaseService releases;
    private final EnvironmentService environments;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    ReleasedVersionResource(
            ReleaseService releases, EnvironmentService environments, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.releases = releases;
        this.environments = environments;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<ReleasedVersionJson> get(@RestPath String uuid, @Context UriInfo request) {
        return releases.find(uuid).map(found -> json(found, baseUrl.of(request)));
    }

    /**
     * {@code currentlySupported: false} ends support (again: no change); {@code true} cannot be (the release must be
     * recorded again); anything else leaves it as it is, as in the Pact Broker.
     */
    @PATCH
    @Consumes(DeployedVersionResource.MERGE_PATCH)
    public Uni<ReleasedVersionJson> patch(@RestPath String uuid, String body, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return releases.find(uuid)
                .flatMap(found -> bodies.json(body).flatMap(patch -> {
                    JsonNode currentlySupported =
                            DeployedVersionResource.objectOf(patch).path("currentlySupported");
                    if (currentlySupported.isBoolean() && currentlySupported.booleanValue()) {
                        throw new DeploymentStateException(
                                "currentlySupported",
                                "The currentlySupported property cannot be"
                                        + " set back to true. Please record a new release.");
                    }
                    if (currentlySupported.isBoolean()) {
                        return releases.endSupport(uuid);
                    }
                    return Uni.createFrom().item(found);
                }))
                .map(result -> json(result, base));
    }

    private ReleasedVersionJson json(ReleaseService.Released released, String base) {
        return ReleasedVersionJson.of(
                released.releasedVersion(),
                EnvironmentJson.of(released.environment(), environments.contacts(released.environment()), base),
                base);
    }
}
