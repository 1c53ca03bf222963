package io.pactport.api.versions;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** The pacticipant's versions with a tag, newest first, paged as the Pact Broker pages lists; 404 when none has it. */
@Path("/pacticipants/{pacticipant}/tags/{tag}/versions")
@Produces(Hal.MEDIA_TYPE)
public class TagVersionsResource {

    private final VersionService service;
    private final BaseUrl baseUrl;

    TagVersionsResource(VersionService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(
            @PathParam("pacticipant") String pacticipant, @PathParam("tag") String tag, @Context UriInfo request) {
        String base = baseUrl.of(request);
        String self = BrokerUrls.pacticipant(base, pacticipant) + "/tags/" + BrokerUrls.encode(tag) + "/versions";
        return service.withTag(pacticipant, tag, Paging.requested(request))
                .map(page -> Paging.describe(
                        VersionHal.versions(
                                base, pacticipant, page.items(), self, "All application versions of " + pacticipant),
                        page,
                        self));
    }
}
