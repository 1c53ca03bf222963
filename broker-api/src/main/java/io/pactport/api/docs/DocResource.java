package io.pactport.api.docs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /doc/{rel}}: the page of a link relation, which the HAL browser opens from a document's curies. The
 * Pact Broker's {@code ?context=} is accepted and needs no different page. An unknown relation is a 404 page.
 */
@Path("/doc/{rel}")
public class DocResource {

    static final String HTML = "text/html;charset=utf-8";

    @GET
    @Produces(HTML)
    public RestResponse<String> page(@PathParam("rel") String rel) {
        return DocPages.find(rel)
                .map(page -> RestResponse.ResponseBuilder.ok(DocPages.html(page))
                        .type(HTML)
                        .build())
                .orElseGet(
                        () -> RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_FOUND, DocPages.notFound(rel))
                                .type(HTML)
                                .build());
    }
}
