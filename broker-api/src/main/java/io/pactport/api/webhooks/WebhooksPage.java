package io.pactport.api.webhooks;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.ui.BrowserPages;
import io.pactport.api.ui.PageFrame;
import io.pactport.api.ui.Pages;
import io.pactport.api.webhooks.WebhookService.TriggeredWebhookLogs;
import io.pactport.api.webhooks.WebhookService.WebhookWithLastRun;
import io.pactport.core.errors.InvalidRequestException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The webhooks, at their API addresses: the list with each one's scope, events and newest run, and one webhook's request
 * (secrets masked as the API masks them) with its recent runs and their logs. Those who may write can test a webhook
 * (run now, as {@code POST /webhooks/{uuid}/execute} does, the result shown on its page), turn it on or off, and delete
 * it.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class WebhooksPage {

    /** How many of a webhook's newest runs its page shows. */
    static final int HISTORY = 20;

    /**
     * A test execution's result as the page shows it.
     *
     * @param showsResponse whether the receiver's answer may be shown (only with a host whitelist, as in the API)
     */
    public record TestResult(WebhookRunner.Outcome outcome, boolean showsResponse) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(PageFrame frame, List<WebhookWithLastRun> webhooks);

        /** {@code path}: the webhook's address, which its forms' actions extend. */
        static native TemplateInstance webhook(
                PageFrame frame, Webhook webhook, String path, List<TriggeredWebhookLogs> history, TestResult test);
    }

    private final WebhookService service;
    private final Pages pages;
    private final BaseUrl baseUrl;

    WebhooksPage(WebhookService service, Pages pages, BaseUrl baseUrl) {
        this.service = service;
        this.pages = pages;
        this.baseUrl = baseUrl;
    }

    @GET
    @Path("/webhooks")
    @Operation(hidden = true)
    public Uni<TemplateInstance> webhooks(@Context UriInfo uri) {
        PageFrame frame = pages.frame("Webhooks", "webhooks", uri);
        return service.listWithLastRuns().map(list -> Templates.webhooks(frame, list));
    }

    @GET
    @Path("/webhooks/{uuid}")
    @Operation(hidden = true)
    public Uni<TemplateInstance> webhook(@PathParam("uuid") String uuid, @Context UriInfo uri) {
        return page(uuid, null, uri);
    }

    /** Runs the webhook now and shows its page with the result; nothing is recorded, as with the API's execute. */
    @POST
    @Path("/webhooks/{uuid}/execute")
    @Operation(hidden = true)
    public Uni<TemplateInstance> test(@PathParam("uuid") String uuid, @Context UriInfo uri) {
        return service.execute(uuid, baseUrl.of(uri))
                .flatMap(outcome -> page(uuid, new TestResult(outcome, service.showsResponses()), uri));
    }

    @POST
    @Path("/webhooks/{uuid}/enabled")
    @Operation(hidden = true)
    public Uni<RestResponse<Void>> enable(
            @PathParam("uuid") String uuid, @RestForm String enabled, @Context UriInfo uri) {
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            throw InvalidRequestException.of("enabled", "must be true or false");
        }
        return service.setEnabled(uuid, Boolean.parseBoolean(enabled)).map(saved -> {
            PageFrame frame = pages.frame("", "", uri);
            return RestResponse.seeOther(URI.create(frame.link("/webhooks/" + frame.segment(saved.uuid()))));
        });
    }

    /** Deletes the webhook (its runs stay, as with the API's DELETE), then shows the list. */
    @POST
    @Path("/webhooks/{uuid}/delete")
    @Operation(hidden = true)
    public Uni<RestResponse<Void>> delete(@PathParam("uuid") String uuid, @Context UriInfo uri) {
        return service.delete(uuid)
                .map(ignored -> RestResponse.seeOther(
                        URI.create(pages.frame("", "", uri).link("/webhooks"))));
    }

    private Uni<TemplateInstance> page(String uuid, TestResult test, UriInfo uri) {
        return service.find(uuid)
                .flatMap(webhook -> service.history(uuid, HISTORY).map(history -> {
                    PageFrame frame = pages.frame(webhook.displayDescription(), "webhooks", uri);
                    String path = "/webhooks/" + frame.segment(webhook.uuid());
                    return Templates.webhook(frame, webhook, path, history, test);
                }));
    }
}
