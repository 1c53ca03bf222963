package io.pactport.api.matrix;

import io.pactport.api.http.InvalidQueryException;
import io.pactport.api.http.NotFoundException;
import io.pactport.api.ui.BrowserPages;
import io.pactport.api.ui.PageFrame;
import io.pactport.api.ui.Pages;
import io.pactport.core.errors.InvalidRequestException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The matrix and can-i-deploy for people, at the Pact Broker's addresses ({@code /matrix?q[][pacticipant]=…} as
 * bookmarked, {@code /matrix/provider/{p}/consumer/{c}}, {@code /can-i-deploy?pacticipant=&version=&to=}): a form of
 * the selectors and the target, the rows, and the verdict. Each address asks the same service as its API resource, so
 * the page answers what {@code GET /matrix} and {@code GET /can-i-deploy} answer, refusals included (a 400 with the
 * API's messages).
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class MatrixPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance matrix(PageFrame frame, MatrixView view);
    }

    private final MatrixService matrix;
    private final CanIDeployService canIDeploy;
    private final Pages pages;

    MatrixPage(MatrixService matrix, CanIDeployService canIDeploy, Pages pages) {
        this.matrix = matrix;
        this.canIDeploy = canIDeploy;
        this.pages = pages;
    }

    /** The form alone until it names a selector; then the API's answer, or its refusal. */
    @GET
    @Path("/matrix")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> matrix(@Context UriInfo uri) {
        PageFrame frame = pages.frame("Matrix", "matrix", uri);
        MatrixQueryParser.Params params =
                MatrixQueryParser.parse(uri.getRequestUri().getRawQuery());
        MatrixQuery q = MatrixQueryParser.matrixQuery(params);
        if (q.selectors().isEmpty() && q.ignore().isEmpty()) {
            return Uni.createFrom().item(RestResponse.ok(Templates.matrix(frame, MatrixView.asked(q))));
        }
        return answer(frame, q, matrix.query(q));
    }

    @GET
    @Path("/matrix/provider/{provider}/consumer/{consumer}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> integration(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo uri) {
        PageFrame frame = pages.frame("Matrix of " + consumer + " and " + provider, "matrix", uri);
        MatrixQuery options = MatrixQueryParser.matrixQuery(
                MatrixQueryParser.parse(uri.getRequestUri().getRawQuery()));
        MatrixQuery q = options.forIntegration(consumer, provider);
        return answer(frame, q, matrix.forIntegration(consumer, provider, options));
    }

    /** can-i-deploy's address opened in a browser: its answer, in a form that asks the matrix the same question. */
    @GET
    @Path("/can-i-deploy")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> canIDeploy(@Context UriInfo uri) {
        PageFrame frame = pages.frame("Can I deploy?", "matrix", uri);
        MatrixQueryParser.Params params =
                MatrixQueryParser.parse(uri.getRequestUri().getRawQuery());
        String environment = params.present("environment");
        String to = params.present("to");
        // the matrix query can-i-deploy answers with (CanIDeployService), so that the form asks it again
        MatrixQuery asked = MatrixQuery.of(List.of(new MatrixSelector(
                        params.present("pacticipant"), params.present("version"), false, null, null, false, null)))
                .latestby(environment != null ? "cvpv" : "cvp")
                .toEnvironment(environment)
                .ignoring(params.ignore());
        MatrixQuery q = to != null ? asked.toTag(to) : asked;
        return answer(frame, q, canIDeploy.canIDeploy(params.scalars(), params.ignore()));
    }

    private static Uni<RestResponse<TemplateInstance>> answer(
            PageFrame frame, MatrixQuery q, Uni<MatrixResult> result) {
        return result.map(
                        found -> RestResponse.ok(Templates.matrix(frame, MatrixView.answered(q, found, frame.base()))))
                .onFailure(InvalidQueryException.class)
                .recoverWithItem(
                        e -> refused(frame, q, RestResponse.Status.BAD_REQUEST, ((InvalidQueryException) e).errors()))
                .onFailure(InvalidRequestException.class)
                .recoverWithItem(
                        e -> refused(frame, q, RestResponse.Status.BAD_REQUEST, messages((InvalidRequestException) e)))
                .onFailure(NotFoundException.class)
                .recoverWithItem(e -> refused(frame, q, RestResponse.Status.NOT_FOUND, List.of(e.getMessage())));
    }

    private static RestResponse<TemplateInstance> refused(
            PageFrame frame, MatrixQuery q, RestResponse.Status status, List<String> errors) {
        return RestResponse.status(status, Templates.matrix(frame, MatrixView.refused(q, errors)));
    }

    /** can-i-deploy's field errors as sentences: the field's name, then its message ("" is about the request). */
    private static List<String> messages(InvalidRequestException e) {
        List<String> messages = new ArrayList<>();
        e.errors().forEach((field, list) -> list.forEach(m -> messages.add(field.isEmpty() ? m : field + " " + m)));
        return messages;
    }
}
