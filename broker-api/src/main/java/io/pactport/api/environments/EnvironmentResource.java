package io.pactport.api.environments;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /environments}: creating, listing, replacing and deleting environments, and what is currently deployed and
 * supported in each (the links the CLI follows from an environment).
 */
@Path("/environments")
@Produces(Hal.MEDIA_TYPE)
public class EnvironmentResource {

    private final EnvironmentService environments;
    private final DeploymentService deployments;
    private final ReleaseService releases;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    EnvironmentResource(
            EnvironmentService environments,
            DeploymentService deployments,
            ReleaseService releases,
            BaseUrl baseUrl,
            RequestBodies bodies) {
        this.bodies = bodies;
        this.environments = environments;
        this.deployments = deployments;
        this.releases = releases;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(@RestQuery String name, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return environments
                .list(name)
                .map(found -> EnvironmentJson.list(
                        found.stream()
                                .map(e -> EnvironmentJson.of(e, environments.contacts(e), base))
                                .toList(),
                        base));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<EnvironmentJson>> create(String body, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return bodies.json(body)
                .map(EnvironmentInput::parse)
                .flatMap(environments::create)
                .map(created -> RestResponse.ResponseBuilder.<EnvironmentJson>created(
                                URI.create(BrokerUrls.environment(base, created.uuid())))
                        .entity(json(created, base))
                        .build());
    }

    @GET
    @Path("{uuid}")
    public Uni<EnvironmentJson> get(@RestPath String uuid, @Context UriInfo request) {
        return environments.find(uuid).map(found -> json(found, baseUrl.of(request)));
    }

    @PUT
    @Path("{uuid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EnvironmentJson> replace(@RestPath String uuid, String body, @Context UriInfo request) {
        // as in the Pact Broker, an unknown environment is a 404 whatever the body
        return environments
                .find(uuid)
                .flatMap(existing -> bodies.json(body))
                .map(EnvironmentInput::parse)
                .flatMap(input -> environments.replace(uuid, input))
                .map(replaced -> json(replaced, baseUrl.of(request)));
    }

    @DELETE
    @Path("{uuid}")
    public Uni<RestResponse<Void>> delete(@RestPath String uuid) {
        return environments.delete(uuid).map(deleted -> RestResponse.noContent());
    }

    /**
     * What is deployed in the environment now, newest first; {@code applicationInstance} (or the deprecated
     * {@code target}) narrows to one instance, and given empty, to deployments without one.
     */
    @GET
    @Path("{uuid}/deployed-versions/currently-deployed")
    public Uni<Map<String, Object>> currentlyDeployed(
            @RestPath String uuid, @RestQuery String pacticipant, @Context UriInfo request) {
        String base = baseUrl.of(request);
        Optional<String> instance = applicationInstance(request.getQueryParameters());
        return deployments
                .currentlyDeployed(uuid, pacticipant, instance)
                .map(found -> DeployedVersionJson.list(
                        found.deployedVersions().stream()
                                .map(d -> DeployedVersionJson.entry(d, true, base))
                                .toList(),
                        BrokerUrls.self(base, request),
                        "Currently deployed versions for " + found.environment().displayName()));
    }

    /** The releases supported in the environment now. */
    @GET
    @Path("{uuid}/released-versions/currently-supported")
    public Uni<Map<String, Object>> currentlySupported(
            @RestPath String uuid, @RestQuery String pacticipant, @RestQuery String version, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return releases.currentlySupported(uuid, pacticipant, version)
                .map(found -> ReleasedVersionJson.list(
                        found.releasedVersions().stream()
                                .map(r -> ReleasedVersionJson.entry(r, true, base))
                                .toList(),
                        BrokerUrls.self(base, request),
                        "Currently supported versions in " + found.environment().displayName()));
    }

    /**
     * {@code applicationInstance}, else the deprecated {@code target}; read from the raw parameters, because
     * {@code ?applicationInstance=} (empty: deployments without an instance) must stay distinct from no parameter.
     */
    private static Optional<String> applicationInstance(MultivaluedMap<String, String> query) {
        for (String name : List.of("applicationInstance", "target")) {
            if (query.containsKey(name)) {
                String value = query.getFirst(name);
                return Optional.of(value == null ? "" : value);
            }
        }
        return Optional.empty();
    }

    /** The request's own URL below the base, query included, as the Pact Broker links a list to itself. */
    private EnvironmentJson json(Environment environment, String base) {
        return EnvironmentJson.of(environment, environments.contacts(environment), base);
    }
}
