package io.pactport.api.operations;

import com.fasterxml.jackson.core.type.TypeReference;
import io.pactport.api.operations.OperationsPage.Outcome;
import io.pactport.api.operations.ServiceClient.Service;
import io.pactport.api.operations.SyncViews.Backfill;
import io.pactport.api.operations.SyncViews.Readiness;
import io.pactport.api.operations.SyncViews.Redriven;
import io.pactport.api.operations.SyncViews.Shadow;
import io.pactport.api.operations.SyncViews.Target;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * parallel-sync-service's work, read from its API with the operator's credentials: per old broker, the sync's lag and
 * counters with the re-drive of its dead letters ({@code /operations/sync}), and the cut-over readiness with the
 * backfill of what Pactport lacks and the shadow can-i-deploy disagreements ({@code /operations/cutover}).
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class SyncPage {

    private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {};
    private static final TypeReference<List<Redriven>> REDRIVEN = new TypeReference<>() {};
    private static final TypeReference<Readiness> READINESS = new TypeReference<>() {};
    private static final TypeReference<Shadow> SHADOW = new TypeReference<>() {};
    private static final TypeReference<Backfill> BACKFILL = new TypeReference<>() {};

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sync(
                PageFrame frame, String url, Section<List<Target>> targets, Outcome outcome);

        static native TemplateInstance cutover(
                PageFrame frame, String url, Section<Readiness> readiness, Section<Shadow> shadow, Outcome outcome);
    }

    private final Pages pages;
    private final ServiceClient client;

    SyncPage(Pages pages, ServiceClient client) {
        this.pages = pages;
        this.client = client;
    }

    @GET
    @Path("/operations/sync")
    @Operation(hidden = true)
    public Uni<TemplateInstance> sync(
            @RestQuery Integer redriven,
            @RestQuery Integer delivered,
            @RestQuery Integer again,
            @RestQuery Integer skipped,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        Outcome outcome = redriven == null
                ? null
                : new Outcome(
                        true,
                        "Re-drove the dead letters of " + redriven + " target" + (redriven == 1 ? "" : "s") + ": "
                                + number(delivered) + " delivered, " + number(again) + " dead-lettered again, "
                                + number(skipped) + " skipped.");
        return syncPage(uri, authorization, outcome);
    }

    /** Re-drives the dead letters of one target ({@code target}) or of every enabled one, then shows the targets. */
    @POST
    @Path("/operations/sync/redrive")
    @Operation(hidden = true)
    public Uni<Response> redrive(
            @RestForm String target,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        String path = "/sync/dlq/redrive"
                + (target == null || target.isBlank()
                        ? ""
                        : "?target=" + pages.frame("", "", uri).query(target));
        return client.post(Service.SYNC, path, null, authorization).flatMap(reply -> {
            Section<List<Redriven>> done = client.section(Service.SYNC, reply, REDRIVEN);
            if (done.problem() != null) {
                return syncPage(uri, authorization, new Outcome(false, "Nothing was re-driven: " + done.problem()))
                        .map(page -> Response.status(failureStatus(reply))
                                .entity(page)
                                .build());
            }
            List<Redriven> summaries = done.value();
            String query = "?redriven=" + summaries.size()
                    + "&delivered="
                    + summaries.stream().mapToInt(Redriven::delivered).sum()
                    + "&again="
                    + summaries.stream().mapToInt(Redriven::deadLetteredAgain).sum()
                    + "&skipped="
                    + summaries.stream().mapToInt(Redriven::skipped).sum();
            return Uni.createFrom().item(seeOther(uri, "/operations/sync" + query));
        });
    }

    @GET
    @Path("/operations/cutover")
    @Operation(hidden = true)
    public Uni<TemplateInstance> cutover(
            @RestQuery Integer backfilled,
            @RestQuery Integer refused,
            @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        Outcome outcome = backfilled == null
                ? null
                : new Outcome(
                        number(refused) == 0,
                        "The backfill copied " + backfilled + " item" + (backfilled == 1 ? "" : "s") + " to Pactport"
                                + (number(refused) == 0 ? "." : "; Pactport refused " + refused + "."));
        return cutoverPage(uri, authorization, outcome);
    }

    /** Copies to Pactport what the old brokers' production versions have and Pactport lacks. */
    @POST
    @Path("/operations/cutover/backfill")
    @Operation(hidden = true)
    public Uni<Response> backfill(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        return client.post(Service.SYNC, "/cutover/backfill", null, authorization)
                .flatMap(reply -> {
                    Section<Backfill> done = client.section(Service.SYNC, reply, BACKFILL);
                    if (done.problem() != null) {
                        return cutoverPage(
                                        uri,
                                        authorization,
                                        new Outcome(false, "Nothing was backfilled: " + done.problem()))
                                .map(page -> Response.status(failureStatus(reply))
                                        .entity(page)
                                        .build());
                    }
                    return Uni.createFrom()
                            .item(seeOther(
                                    uri,
                                    "/operations/cutover?backfilled="
                                            + done.value().writtenCount() + "&refused="
                                            + done.value().refusedCount()));
                });
    }

    private Uni<TemplateInstance> syncPage(UriInfo uri, String authorization, Outcome outcome) {
        PageFrame frame = pages.frame("Sync targets", "operations", uri);
        return client.read(Service.SYNC, "/sync/targets", authorization, TARGETS)
                .map(targets -> Templates.sync(frame, client.url(Service.SYNC), targets, outcome));
    }

    private Uni<TemplateInstance> cutoverPage(UriInfo uri, String authorization, Outcome outcome) {
        PageFrame frame = pages.frame("Cut-over readiness", "operations", uri);
        return Uni.combine()
                .all()
                .unis(
                        client.read(Service.SYNC, "/cutover", authorization, READINESS),
                        client.read(Service.SYNC, "/cutover/shadow", authorization, SHADOW))
                .with((readiness, shadow) ->
                        Templates.cutover(frame, client.url(Service.SYNC), readiness, shadow, outcome));
    }

    /** The service's own refusal (a 4xx) is the operator's; anything else is the service failing: a bad gateway. */
    static int failureStatus(ServiceClient.Reply reply) {
        return reply.status() >= 400 && reply.status() < 500 ? reply.status() : 502;
    }

    private Response seeOther(UriInfo uri, String path) {
        return Response.seeOther(URI.create(pages.frame("", "", uri).link(path)))
                .build();
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }
}
