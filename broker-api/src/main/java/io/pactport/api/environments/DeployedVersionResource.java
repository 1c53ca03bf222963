package io.pactport.api.environments;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.pactport.core.errors.InvalidRequestException;
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
 * {@code /deployed-versions/{uuid}}: one deployment, and recording its end with the merge patch
 * {@code {"currentlyDeployed": false}} (what {@code pact-broker record-undeployment} sends).
 */
@Path("/deployed-versions/{uuid}")
@Produces(Hal.MEDIA_TYPE)
public class DeployedVersionResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final DeploymentService deployments;
    private final EnvironmentService environments;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    DeployedVersionResource(
            DeploymentService deployments, EnvironmentService environments, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.deployments = deployments;
        this.environments = environments;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<DeployedVersionJson> get(@RestPath String uuid, @Context UriInfo request) {
        return deployments.find(uuid).map(found -> json(found, baseUrl.of(request)));
    }

    /**
     * {@code currentlyDeployed: false} ends the deployment (again: no change); {@code true} cannot be (a new deployment
     * must be recorded); anything else leaves it as it is, as in the Pact Broker.
     */
    @PATCH
    @Consumes(MERGE_PATCH)
    public Uni<DeployedVersionJson> patch(@RestPath String uuid, String body, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return deployments
                .find(uuid)
                .flatMap(found -> bodies.json(body).flatMap(patch -> {
                    JsonNode currentlyDeployed = objectOf(patch).path("currentlyDeployed");
                    if (currentlyDeployed.isBoolean() && currentlyDeployed.booleanValue()) {
                        throw new DeploymentStateException(
                                "currentlyDeployed",
                                "The currentlyDeployed property cannot be"
                                        + " set back to true. Please record a new deployment.");
                    }
                    if (currentlyDeployed.isBoolean()) {
                        return deployments.undeploy(uuid);
                    }
                    return Uni.createFrom().item(found);
                }))
                .map(result -> json(result, base));
    }

    /** A merge patch must be an object; an empty body patches nothing. */
    static JsonNode objectOf(JsonNode patch) {
        if (!patch.isMissingNode() && !patch.isObject()) {
            throw InvalidRequestException.of("base", "the merge patch must be a JSON object");
        }
        return patch;
    }

    private DeployedVersionJson json(DeploymentService.Deployed deployed, String base) {
        return DeployedVersionJson.of(
                deployed.deployedVersion(),
                EnvironmentJson.of(deployed.environment(), environments.contacts(deployed.environment()), base),
                base);
    }
}
