package io.pactport.api.matrix;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.matrix.CanIDeployService.Answer;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /can-i-deploy}: may this pacticipant version go to an environment (or where a tag points)? Also the
 * answer shared by the shortcut URLs ({@link CanIDeployBranchResource}, {@link CanIDeployTagResource}).
 */
@Path("/can-i-deploy")
public class CanIDeployResource {

    private final CanIDeployService service;
    private final BaseUrl baseUrl;

    CanIDeployResource(CanIDeployService service, BaseUrl baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @GET
    public Uni<RestResponse<Object>> canIDeploy(@Context UriInfo uri, @Context HttpHeaders headers) {
        MatrixQueryParser.Params params =
                MatrixQueryParser.parse(uri.getRequestUri().getRawQuery());
        return service.canIDeploy(params.scalars(), params.ignore())
                .map(result -> MatrixResource.answer(result, baseUrl.of(uri), headers));
    }

    /** The shortcut's matrix answer, or 404 when what it names does not exist. */
    static RestResponse<Object> found(
            BaseUrl baseUrl, Answer answer, UriInfo uri, HttpHeaders headers, String notFound) {
        if (answer.missing() != null) {
            throw new NotFoundException(notFound);
        }
        return MatrixResource.answer(answer.result(), baseUrl.of(uri), headers);
    }
}
