package io.pactport.api.environments;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.pactport.api.http.RequestErrors;
import io.pactport.core.errors.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Recording a deployment: the version's {@code pb:record-deployment} link, matched by the environment's name, points
 * here. Body {@code {"applicationInstance": …}} (or the deprecated {@code target}), or none.
 */
@Path("/pacticipants/{pacticipant}/versions/{version}/deployed-versions/environment/{environmentUuid}")
@Produces(Hal.MEDIA_TYPE)
public class DeploymentResource {

    private final DeploymentService deployments;
    private final EnvironmentService environments;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    DeploymentResource(
            DeploymentService deployments, EnvironmentService environments, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.deployments = deployments;
        this.environments = environments;
        this.baseUrl = baseUrl;
    }

    /** 201 with the deployment, also when it was already recorded (then the existing one), as the Pact Broker does. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<DeployedVersionJson>> record(
            @RestPath String pacticipant,
            @RestPath String version,
            @RestPath String environmentUuid,
            String body,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(body)
                .map(DeploymentResource::applicationInstance)
                .flatMap(instance -> deployments.record(pacticipant, version, environmentUuid, instance))
                .map(deployed -> RestResponse.ResponseBuilder.<DeployedVersionJson>created(
                                URI.create(BrokerUrls.deployedVersion(
                                        base, deployed.deployedVersion().uuid())))
                        .entity(DeployedVersionJson.of(
                                deployed.deployedVersion(),
                                EnvironmentJson.of(
                                        deployed.environment(), environments.contacts(deployed.environment()), base),
                                base))
                        .build());
    }

    /** Every deployment of the version to the environment, newest first. */
    @GET
    public Uni<Map<String, Object>> list(
            @RestPath String pacticipant,
            @RestPath String version,
            @RestPath String environmentUuid,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return deployments
                .forVersion(pacticipant, version, environmentUuid)
                .map(found -> DeployedVersionJson.list(
                        found.deployedVersions().stream()
                                .map(d -> DeployedVersionJson.entry(d, false, base))
                                .toList(),
                        BrokerUrls.self(base, request),
                        "Deployed versions for " + pacticipant + " version " + version + " in environment "
                                + found.environment().displayName()));
    }

    /**
     * {@code applicationInstance}, else {@code target}; a number is taken as its text, as the Pact Broker does. An
     * empty one means none: the database keeps "none" as '' in target_for_index, so '' cannot be an instance name.
     */
    private static String applicationInstance(JsonNode body) {
        if (body.isMissingNode() || body.isNull()) {
            return null;
        }
        if (!body.isObject()) {
            throw InvalidRequestException.of("base", "the body must be a JSON object");
        }
        JsonNode instance = body.path("applicationInstance");
        String field = "applicationInstance";
        if (instance.isMissingNode() || instance.isNull()) {
            instance = body.path("target");
            field = "target";
        }
        if (instance.isMissingNode() || instance.isNull()) {
            return null;
        }
        if (!instance.isValueNode()) {
            throw InvalidRequestException.of(field, "must be a string");
        }
        new RequestErrors().notTooLong(field, instance.asText()).throwIfAny();
        return instance.asText().isEmpty() ? null : instance.asText();
    }
}
