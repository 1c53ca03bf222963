package io.pactport.api.versions;

import io.pactport.api.http.Page;
import io.pactport.api.http.PageRequest;
import io.pactport.api.http.RequestErrors;
import io.pactport.api.integrations.Integration;
import io.pactport.api.integrations.IntegrationService;
import io.pactport.api.pacticipants.PacticipantDetails;
import io.pactport.api.pacticipants.PacticipantService;
import io.pactport.api.ui.BrowserPages;
import io.pactport.api.ui.PageFrame;
import io.pactport.api.ui.Pages;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A pacticipant's page, at the Pact Broker's address {@code /pacticipants/{p}}: its facts and labels, the integrations
 * it is consumer or provider in, and its versions, newest first and paged, each with its branches, tags and the
 * environments it is deployed and released in now; for those who may write, the deletes of a version and of the
 * pacticipant, through the same services (and so with the same events) as the API's DELETEs.
 * <p>
 * It lives with the versions rather than the pacticipants: it reads and deletes versions and lists integrations, which
 * both build on pacticipants, and features may not depend on each other both ways.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class PacticipantPage {

    static final int PAGE_SIZE = 25;

    /** The pacticipant's integrations, split by its side in them. */
    public record Integrations(List<Integration> asConsumer, List<Integration> asProvider) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pacticipant(
                PageFrame frame,
                PacticipantDetails details,
                Integrations integrations,
                Page<VersionDetails> versions,
                int page);
    }

    private final PacticipantService pacticipants;
    private final VersionService versions;
    private final IntegrationService integrations;
    private final Pages pages;

    PacticipantPage(
            PacticipantService pacticipants, VersionService versions, IntegrationService integrations, Pages pages) {
        this.pacticipants = pacticipants;
        this.versions = versions;
        this.integrations = integrations;
        this.pages = pages;
    }

    @GET
    @Path("/pacticipants/{pacticipant}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> pacticipant(
            @PathParam("pacticipant") String name, @RestQuery Integer page, @Context UriInfo uri) {
        int number = page == null || page < 1 ? 1 : page;
        PageFrame frame = pages.frame(name, "integrations", uri);
        return pacticipants
                .get(name)
                .flatMap(details -> versions.list(name, Optional.of(new PageRequest(number, PAGE_SIZE)))
                        .flatMap(list -> integrations
                                .list(Optional.empty())
                                .map(all -> Templates.pacticipant(
                                        frame, details, split(all.items(), details), list, number))))
                .map(RestResponse::ok);
    }

    /** Deletes the version with all that depends on it, then shows the pacticipant again. */
    @POST
    @Path("/versions/delete")
    @Operation(hidden = true)
    public Uni<RestResponse<Void>> deleteVersion(
            @RestForm String pacticipant, @RestForm String version, @Context UriInfo uri) {
        RequestErrors errors = new RequestErrors();
        required(errors, "pacticipant", pacticipant);
        required(errors, "version", version);
        errors.throwIfAny();
        return versions.delete(pacticipant, version)
                .map(ignored -> RestResponse.seeOther(
                        URI.create(pages.frame("", "", uri).pacticipant(pacticipant))));
    }

    /** Deletes the pacticipant with everything it owns, then shows the integrations. */
    @POST
    @Path("/pacticipants/delete")
    @Operation(hidden = true)
    public Uni<RestResponse<Void>> deletePacticipant(@RestForm String pacticipant, @Context UriInfo uri) {
        RequestErrors errors = new RequestErrors();
        required(errors, "pacticipant", pacticipant);
        errors.throwIfAny();
        return pacticipants
                .delete(pacticipant)
                .map(ignored -> RestResponse.seeOther(
                        URI.create(pages.frame("", "", uri).link("/"))));
    }

    private static void required(RequestErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, field + " " + RequestErrors.IS_MISSING);
        }
    }

    private static Integrations split(List<Integration> all, PacticipantDetails details) {
        long id = details.pacticipant().id();
        return new Integrations(
                all.stream().filter(i -> i.consumerId() == id).toList(),
                all.stream().filter(i -> i.providerId() == id).toList());
    }
}
