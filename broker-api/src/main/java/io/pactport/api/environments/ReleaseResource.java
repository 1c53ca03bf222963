package io.pactport.api.environments;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Recording a release: the version's {@code pb:record-release} link, matched by the environment's name, points here. */
@Path("/pacticipants/{pacticipant}/versions/{version}/released-versions/environment/{environmentUuid}")
@Produces(Hal.MEDIA_TYPE)
public class ReleaseResource {

    private final ReleaseService releases;
    private final EnvironmentService environments;
    private final BaseUrl baseUrl;
    private final RequestBodies bodies;

    ReleaseResource(ReleaseService releases, EnvironmentService environments, BaseUrl baseUrl, RequestBodies bodies) {
        this.bodies = bodies;
        this.releases = releases;
        this.environments = environments;
        this.baseUrl = baseUrl;
    }

    /** 201 for a new release, 200 for one recorded before (supported again if its support had ended). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ReleasedVersionJson>> record(
            @RestPath String pacticipant,
            @RestPath String version,
            @RestPath String environmentUuid,
            String body,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        // the body carries nothing, but broken JSON is still refused, as the Pact Broker refuses it
        return bodies.json(body)
                .flatMap(ignored -> releases.record(pacticipant, version, environmentUuid))
                .map(recorded -> {
                    var released = recorded.released();
                    return RestResponse.ResponseBuilder.<ReleasedVersionJson>create(
                                    recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                            .location(URI.create(BrokerUrls.releasedVersion(
                                    base, released.releasedVersion().uuid())))
                            .entity(ReleasedVersionJson.of(
                                    released.releasedVersion(),
                                    EnvironmentJson.of(
                                            released.environment(),
                                            environments.contacts(released.environment()),
                                            base),
                                    base))
                            .build();
                });
    }

    /** The release of the version in the environment, as a list of none or one. */
    @GET
    public Uni<Map<String, Object>> list(
            @RestPath String pacticipant,
            @RestPath String version,
            @RestPath String environmentUuid,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return releases.forVersion(pacticipant, version, environmentUuid)
                .map(found -> ReleasedVersionJson.list(
                        found.releasedVersions().stream()
                                .map(r -> ReleasedVersionJson.entry(r, false, base))
                                .toList(),
                        BrokerUrls.self(base, request),
                        "Released versions for " + pacticipant + " version " + version + " in "
                                + found.environment().displayName()));
    }
}
