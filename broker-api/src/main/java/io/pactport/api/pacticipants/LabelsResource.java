package io.pactport.api.pacticipants;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /labels}: every label name in use, once each, alphabetically; paged as the Pact Broker pages lists. The
 * embedded labels have only their name, as in the Pact Broker (a name is not one pacticipant's label).
 */
@Path("/labels")
@Produces(Hal.MEDIA_TYPE)
public class LabelsResource {

    private final LabelService service;
    private final BaseUrl baseUrl;

    LabelsResource(LabelService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<Map<String, Object>> list(@Context UriInfo request) {
        String self = baseUrl.of(request) + "/labels";
        return service.names(Paging.requested(request)).map(page -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put(
                    "_embedded",
                    Map.of(
                            "labels",
                            page.items().stream()
                                    .map(name -> Map.of("name", name))
                                    .toList()));
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("self", Hal.Link.titled(self, "Labels"));
            json.put("_links", links);
            return Paging.describe(json, page, self);
        });
    }
}
