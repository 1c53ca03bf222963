package io.pactport.api.integrations;

import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The UI's home page, the Pact Broker's index: every integration with its latest pact and verification, searchable and
 * paged, with branches, tags and environments on request ({@code /?tags=true}, the Pact Broker's address), and the
 * integration's delete for those who may write.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class IntegrationsPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance integrations(
                PageFrame frame, Page<IntegrationOverview> integrations, String search, boolean tags, int page);
    }

    private final IntegrationService service;
    private final Pages pages;

    IntegrationsPage(IntegrationService service, Pages pages) {
        this.service = service;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> integrations(
            @RestQuery String search, @RestQuery boolean tags, @RestQuery Integer page, @Context UriInfo uri) {
        int number = page == null || page < 1 ? 1 : page;
        PageFrame frame = pages.frame("Integrations", "integrations", uri);
        return service.overview(search, new PageRequest(number, PAGE_SIZE))
                .map(list -> Templates.integrations(frame, list, search == null ? "" : search, tags, number));
    }

    /** The Pact Broker's dashboard, opened in a browser, is this page. */
    @GET
    @Path("/dashboard")
    @Operation(hidden = true)
    public Uni<TemplateInstance> dashboard(@Context UriInfo uri) {
        return integrations(null, true, 1, uri);
    }

    /** Deletes an integration with its pacts, verifications and webhooks, then shows the list again. */
    @POST
    @Path("/integrations/delete")
    @Operation(hidden = true)
    public Uni<RestResponse<Void>> delete(
            @RestForm String consumer, @RestForm String provider, @RestForm String search, @Context UriInfo uri) {
        return service.delete(consumer, provider).map(ignored -> backToTheList(uri, search));
    }

    /** Deletes every pact of an integration and keeps the rest, as the Pact Broker's index offers. */
    @POST
    @Path("/integrations/pacts/delete")
    @Operation(hidden = true)
    public Uni<RestResponse<Void>> deletePacts(
            @RestForm String consumer, @RestForm String provider, @RestForm String search, @Context UriInfo uri) {
        return service.deletePacts(consumer, provider).map(ignored -> backToTheList(uri, search));
    }

    /** The list the form was sent from, with its search. */
    private RestResponse<Void> backToTheList(UriInfo uri, String search) {
        PageFrame frame = pages.frame("", "", uri);
        String query = search == null || search.isBlank() ? "" : "?search=" + frame.query(search);
        return RestResponse.seeOther(URI.create(frame.link("/") + query));
    }
}
