package io.pactport.api.versions;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * {@code /pacticipants/{pacticipant}/latest-version[/{tag}]}: the version with the greatest order (with the tag). The
 * representation is the version's, its self link the URL asked for, as in the Pact Broker.
 */
@Path("/pacticipants/{pacticipant}/latest-version")
@Produces(Hal.MEDIA_TYPE)
public class VersionLatestResource {

    private final VersionService service;
    private final BaseUrl baseUrl;

    VersionLatestResource(VersionService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> latest(@PathParam("pacticipant") String pacticipant, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.latest(pacticipant)
                .map(d -> VersionHal.version(base, d, BrokerUrls.pacticipant(base, pacticipant) + "/latest-version"));
    }

    @GET
    @Path("{tag}")
    public Uni<Map<String, Object>> latestWithTag(
            @PathParam("pacticipant") String pacticipant, @PathParam("tag") String tag, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return service.latestWithTag(pacticipant, tag)
                .map(d -> VersionHal.version(
                        base,
                        d,
                        BrokerUrls.pacticipant(base, pacticipant) + "/latest-version/" + BrokerUrls.encode(tag)));
    }
}
