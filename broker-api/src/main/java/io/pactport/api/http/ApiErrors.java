package io.pactport.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.pactport.core.errors.InvalidRequestException;
import io.pactport.core.pact.JsonProblems;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error answer, in the Pact Broker's shapes: {@code {"errors": {field: [msg]}}} for invalid requests,
 * {@code {"error": msg}} otherwise, and RFC 7807 problem+json when the client asks for it. Messages say what is wrong;
 * nothing leaks class names or stack traces.
 */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);
    /** PostgreSQL's foreign_key_violation. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    public static final String PROBLEM_JSON = "application/problem+json;charset=utf-8";
    public static final String JSON = "application/json;charset=utf-8";

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
        return error(Response.Status.NOT_FOUND, "Not found", e.getMessage(), headers, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> conflict(ConflictException e, HttpHeaders headers, UriInfo uri) {
        return error(Response.Status.CONFLICT, "Conflict", e.getMessage(), headers, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> invalid(InvalidRequestException e, HttpHeaders headers, UriInfo uri) {
        if (wantsProblem(headers)) {
            List<Map<String, Object>> errors = new ArrayList<>();
            e.errors()
                    .forEach((field, messages) -> messages.forEach(message -> errors.add(Hal.object(
                            "type",
                            "invalid-body-error",
                            "title",
                            "Invalid body",
                            "detail",
                            message,
                            "pointer",
                            "/" + field))));
            Map<String, Object> body = problem(400, "Validation errors", "Validation errors", uri);
            body.put("errors", errors);
            return RestResponse.ResponseBuilder.create(Response.Status.BAD_REQUEST, body)
                    .type(PROBLEM_JSON)
                    .build();
        }
        return RestResponse.ResponseBuilder.<Map<String, Object>>create(
                        Response.Status.BAD_REQUEST, Map.of("errors", e.errors()))
                .type(jsonType(headers))
                .build();
    }

    /** A matrix query the Pact Broker refuses: its messages as a list, in its content type. */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> invalidMatrix(InvalidQueryException e, HttpHeaders headers, UriInfo uri) {
        if (wantsProblem(headers)) {
            Map<String, Object> body = problem(400, "Validation errors", String.join("\n", e.errors()), uri);
            body.put("errors", e.errors());
            return RestResponse.ResponseBuilder.create(Response.Status.BAD_REQUEST, body)
                    .type(PROBLEM_JSON)
                    .build();
        }
        return RestResponse.ResponseBuilder.<Map<String, Object>>create(
                        Response.Status.BAD_REQUEST, Map.of("errors", e.errors()))
                .type(Hal.MEDIA_TYPE)
                .build();
    }

    /** A body that is not JSON where JSON was declared. */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> unparsable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return error(
                Response.Status.BAD_REQUEST,
                "Invalid JSON",
                "Error parsing JSON" + where + ": " + JsonProblems.problem(e),
                headers,
                uri);
    }

    /**
     * A body Jackson could not bind (Quarkus' own mapper for this answers an empty 400). Bodies are bound by
     * {@link RequestBodies}, which names the field; this is for any other reader.
     */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> unbindable(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unparsable(e, headers, uri);
    }

    /** A well-formed body holding more than the broker parses for one request. */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> tooLarge(BodyTooLargeException e, HttpHeaders headers, UriInfo uri) {
        return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Payload too large", e.getMessage(), headers, uri);
    }

    /** Work given up after its configured time (a pact diff). */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> timedOut(TimedOutException e, HttpHeaders headers, UriInfo uri) {
        return error(Response.Status.REQUEST_TIMEOUT, "Request timeout", e.getMessage(), headers, uri);
    }

    /**
     * The HTTP errors the REST layer raises itself: no such resource or method (404, 405), an Accept header it cannot
     * satisfy (406); answered with a message in the Pact Broker's shape rather than Quarkus' empty or HTML bodies.
     */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No resource here; the index at / lists them.";
            case 405 -> "This resource does not answer this HTTP method.";
            case 406 -> "This resource cannot answer with the content type the Accept header asks for.";
            default -> status.getReasonPhrase();
        };
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            LOG.errorf(e, "%s failed", uri.getPath());
            detail = "The request failed on the server; it is logged there.";
        }
        return error(
                Response.Status.fromStatusCode(status.getStatusCode()) == null
                        ? Response.Status.BAD_REQUEST
                        : Response.Status.fromStatusCode(status.getStatusCode()),
                status.getReasonPhrase(),
                detail,
                headers,
                uri);
    }

    /**
     * A content type the resource does not read. PATCH of anything but a pact takes a JSON merge patch, as in the
     * Pact Broker (whose deployed and released versions, like these, refuse plain JSON); the message says so.
     */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> unsupportedType(
            NotSupportedException e, HttpHeaders headers, UriInfo uri, Request request) {
        MediaType type = headers.getMediaType();
        boolean mergePatch =
                "PATCH".equals(request.getMethod()) && !uri.getPath().startsWith("/pacts/");
        return error(
                Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                "The request content type " + (type == null ? "(none)" : type) + " is not supported here; send "
                        + (mergePatch ? "application/merge-patch+json (a JSON merge patch)" : "application/json"),
                headers,
                uri);
    }

    /**
     * A write whose transaction referred to a row deleted while it ran (a version the data clean-up removed, a
     * pacticipant deleted at the same moment): the transaction rolled back, nothing was written, and the same request
     * again succeeds (it creates what it needs, as it would have had it come a moment later). Any other database
     * error is ours: a 500 without its text, which may name tables and values, and the cause in the log.
     */
    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> database(PgException e, HttpHeaders headers, UriInfo uri) {
        if (FOREIGN_KEY_VIOLATION.equals(e.getSqlState())) {
            return error(
                    Response.Status.CONFLICT,
                    "Conflict",
                    "Something this request refers to was deleted while"
                            + " it ran (by the data clean-up, or another request); nothing was written. Send the request"
                            + " again.",
                    headers,
                    uri);
        }
        LOG.errorf(e, "%s %s failed in the database", uri.getPath(), e.getSqlState());
        return error(
                Response.Status.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The database could not complete this" + " request; it is logged on the server.",
                headers,
                uri);
    }

    private static RestResponse<Map<String, Object>> error(
            Response.Status status, String title, String detail, HttpHeaders headers, UriInfo uri) {
        if (wantsProblem(headers)) {
            return RestResponse.ResponseBuilder.create(status, problem(status.getStatusCode(), title, detail, uri))
                    .type(PROBLEM_JSON)
                    .build();
        }
        return RestResponse.ResponseBuilder.<Map<String, Object>>create(status, Map.of("error", detail))
                .type(jsonType(headers))
                .build();
    }

    private static Map<String, Object> problem(int status, String title, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", uri.getBaseUri() + "problems/" + title.toLowerCase().replace(' ', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", "/" + uri.getPath().replaceFirst("^/", ""));
        return body;
    }

    /** HAL for a client that asks for it, as the Pact Broker's resources answer their errors; JSON otherwise. */
    private static String jsonType(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/hal+json") ? Hal.MEDIA_TYPE : JSON;
    }

    private static boolean wantsProblem(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/problem+json");
    }
}
