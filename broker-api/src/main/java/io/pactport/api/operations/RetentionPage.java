package io.pactport.api.operations;

import com.fasterxml.jackson.core.type.TypeReference;
import io.pactport.api.operations.OperationsPage.Outcome;
import io.pactport.api.operations.RetentionViews.Preview;
import io.pactport.api.operations.RetentionViews.Run;
import io.pactport.api.operations.RetentionViews.Runs;
import io.pactport.api.operations.RetentionViews.Schedule;
import io.pactport.api.operations.ServiceClient.Service;
import io.pactport.api.ui.BrowserPages;
import io.pactport.api.ui.PageFrame;
import io.pactport.api.ui.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * retention-service's work ({@code /operations/retention}), read from its API with the operator's credentials: the
 * schedule, the recent runs with what they deleted, a run started now, and a preview of any keep selectors, which is
 * retention-service's own {@code POST /retention/preview} report for them, shown as it answers.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class RetentionPage {

    static final int RUNS_SHOWN = 20;

    private static final TypeReference<Schedule> SCHEDULE = new TypeReference<>() {};
    private static final TypeReference<Runs> RUNS = new TypeReference<>() {};
    private static final TypeReference<Preview> PREVIEW = new TypeReference<>() {};
    private static final TypeReference<Run> RUN = new TypeReference<>() {};

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance retention(
                PageFrame frame,
                String url,
                Section<Schedule> schedule,
                Section<Runs> runs,
                String selectors,
                String limit,
                Section<Preview> preview,
                Outcome outcome);
    }

    private final Pages pages;
    private final ServiceClient client;

    RetentionPage(Pages pages, ServiceClient client) {
        this.pages = pages;
        this.client = client;
    }

    /**
     * The page; with {@code preview=true}, also the preview of {@code selectors} (a JSON array as {@code POST
     * /retention/preview} takes; blank: the configured ones) under {@code limit} (blank: the configured one). A preview
     * retention-service refuses is answered with its status and its reason beside the form.
     */
    @GET
    @Path("/operations/retention")
    @Operation(hidden = true)
    public Uni<Response> retention(
            @RestQuery boolean preview,
            @RestQuery String selectors,
            @RestQuery String limit,
            @RestQuery Long started,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        Outcome outcome = started == null
                ? null
                : new Outcome(true, "Run " + started + " started: it is listed below, and finishes in the background.");
        return page(preview, selectors, limit, outcome, authorization, uri);
    }

    private Uni<Response> page(
            boolean preview, String selectors, String limit, Outcome outcome, String authorization, UriInfo uri) {
        PageFrame frame = pages.frame("Retention", "operations", uri);
        String keep = selectors == null ? "" : selectors.trim();
        String max = limit == null ? "" : limit.trim();
        if (preview && !max.isEmpty() && !max.matches("[0-9]{1,9}")) {
            // retention-service would take a non-number for an unknown route; say what is wrong with it here
            return page(
                    frame,
                    keep,
                    max,
                    Section.failed("The deletion limit must be a whole number, not '" + max + "'."),
                    outcome,
                    authorization);
        }
        Uni<ServiceClient.Reply> previewed = preview
                ? client.post(
                        Service.RETENTION,
                        "/retention/preview" + (max.isEmpty() ? "" : "?limit=" + frame.query(max)),
                        keep.isEmpty() ? null : keep,
                        authorization)
                : Uni.createFrom().nullItem();
        return previewed.flatMap(reply -> {
            Section<Preview> report = reply == null ? null : client.section(Service.RETENTION, reply, PREVIEW);
            return page(frame, keep, max, report, outcome, authorization)
                    .map(page -> report != null && report.problem() != null
                            ? Response.fromResponse(page)
                                    .status(SyncPage.failureStatus(reply))
                                    .build()
                            : page);
        });
    }

    /** The page around a preview already made (or refused, or none: null). */
    private Uni<Response> page(
            PageFrame frame,
            String selectors,
            String limit,
            Section<Preview> preview,
            Outcome outcome,
            String authorization) {
        return Uni.combine()
                .all()
                .unis(
                        client.read(Service.RETENTION, "/retention/schedule", authorization, SCHEDULE),
                        client.read(Service.RETENTION, "/retention/runs?limit=" + RUNS_SHOWN, authorization, RUNS))
                .with((schedule, runs) -> {
                    TemplateInstance page = Templates.retention(
                            frame, client.url(Service.RETENTION), schedule, runs, selectors, limit, preview, outcome);
                    int status = preview != null && preview.problem() != null ? 400 : 200;
                    return Response.status(status).entity(page).build();
                });
    }

    /** Starts a run with the configured settings now, as {@code POST /retention/runs} does. */
    @POST
    @Path("/operations/retention/run")
    @Operation(hidden = true)
    public Uni<Response> run(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        return client.post(Service.RETENTION, "/retention/runs", null, authorization)
                .flatMap(reply -> {
                    Section<Run> run = client.section(Service.RETENTION, reply, RUN);
                    if (run.problem() != null) {
                        Outcome failed = new Outcome(false, "No run was started: " + run.problem());
                        return page(false, null, null, failed, authorization, uri)
                                .map(page -> Response.fromResponse(page)
                                        .status(SyncPage.failureStatus(reply))
                                        .build());
                    }
                    return Uni.createFrom()
                            .item(Response.seeOther(URI.create(pages.frame("", "", uri)
                                            .link("/operations/retention?started="
                                                    + run.value().id())))
                                    .build());
                });
    }
}
