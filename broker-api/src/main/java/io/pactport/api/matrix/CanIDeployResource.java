package io.pactport.api.matrix;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.matrix.CanIDeployService.Answer;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /can-i-deploy}: may this pacticipant version go to an environment (or where a tag points)? Also the
 * answer and badge shared by the shortcut URLs ({@link CanIDeployBranchResource}, {@link CanIDeployTagResource}).
 */
@Path("/can-i-deploy")
public class CanIDeployResource {

    /** Where the Pact Broker's badges come from. */
    static final String SHIELDS = "https://img.shields.io";

    private final CanIDeployService service;
    private final BaseUrl baseUrl;

    CanIDeployResource(CanIDeployService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<RestResponse<Object>> canIDeploy(@Context UriInfo uri, @Context HttpHeaders headers) {
        MatrixQueryParser.Params params = MatrixQueryParser.parse(uri.getRequestUri().getRawQuery());
        return service.canIDeploy(params.scalars(), params.ignore())
                .map(result -> MatrixResource.answer(result, baseUrl.of(uri), headers));
    }

    /** The shortcut's matrix answer, or 404 when what it names does not exist. */
    static RestResponse<Object> found(BaseUrl baseUrl, Answer answer, UriInfo uri, HttpHeaders headers,
            String notFound) {
        if (answer.missing() != null) {
            throw new NotFoundException(notFound);
        }
        return MatrixResource.answer(answer.result(), baseUrl.of(uri), headers);
    }

    /**
     * A temporary redirect to the shields.io badge, never cached, as the Pact Broker answers: green when deployable,
     * red otherwise, grey naming what was not found.
     */
    static RestResponse<Object> badge(Answer answer, String from, String to, String label) {
        String url;
        if (answer.missing() != null) {
            url = shield(answer.missing(), "not found", "lightgrey");
        } else {
            Boolean deployable = MatrixSummary.of(answer.result()).deployable();
            url = shield(label == null || label.isEmpty() ? "can-i-deploy" : label, from + " to " + to,
                    Boolean.TRUE.equals(deployable) ? "brightgreen" : "red");
        }
        return RestResponse.ResponseBuilder.<Object>create(RestResponse.Status.TEMPORARY_REDIRECT)
                .location(URI.create(url)).header("Cache-Control", "no-cache").build();
    }

    /** shields.io's static badge path: dashes and underscores doubled, then percent-encoded. */
    static String shield(String left, String right, String color) {
        return SHIELDS + "/badge/" + escape(left) + "-" + escape(right) + "-" + color + ".svg";
    }

    private static String escape(String text) {
        return BrokerUrls.encode(text.replace("-", "--").replace("_", "__"));
    }
}
