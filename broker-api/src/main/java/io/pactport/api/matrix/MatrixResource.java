package io.pactport.api.matrix;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /matrix} (and {@code /matrix/provider/{p}/consumer/{c}}, one integration's): which consumer and provider versions were verified against each other, with can-i-deploy's
 * verdict. HAL JSON, or the Pact Broker's text table when {@code text/plain} is asked for.
 */
@Path("/matrix")
public class MatrixResource {

    static final String TEXT = "text/plain;charset=utf-8";

    private final MatrixService service;
    private final BaseUrl baseUrl;

    MatrixResource(MatrixService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<RestResponse<Object>> matrix(@Context UriInfo uri, @Context HttpHeaders headers) {
        MatrixQueryParser.Params params =
                MatrixQueryParser.parse(uri.getRequestUri().getRawQuery());
        String base = baseUrl.of(uri);
        return service.query(MatrixQueryParser.matrixQuery(params)).map(result -> answer(result, base, headers));
    }

    /** {@code GET /matrix/provider/{p}/consumer/{c}}: every version of the two, with the matrix's options. */
    @GET
    @Path("/provider/{provider}/consumer/{consumer}")
    @Produces(Hal.MEDIA_TYPE)
    public Uni<Map<String, Object>> integration(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo uri) {
        MatrixQuery options = MatrixQueryParser.matrixQuery(
                MatrixQueryParser.parse(uri.getRequestUri().getRawQuery()));
        String base = baseUrl.of(uri);
        return service.forIntegration(consumer, provider, options).map(result -> MatrixHal.json(base, result));
    }

    /** The result in the representation the client asked for: HAL JSON unless only plain text is acceptable. */
    static RestResponse<Object> answer(MatrixResult result, String base, HttpHeaders headers) {
        if (wantsText(headers)) {
            return RestResponse.ResponseBuilder.<Object>ok(MatrixHal.text(result))
                    .type(TEXT)
                    .build();
        }
        return RestResponse.ResponseBuilder.<Object>ok(MatrixHal.json(base, result))
                .type(Hal.MEDIA_TYPE)
                .build();
    }

    static boolean wantsText(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/plain") && !accept.contains("json");
    }
}
