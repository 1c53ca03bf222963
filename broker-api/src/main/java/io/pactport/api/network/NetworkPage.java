package io.pactport.api.network;

import io.pactport.api.integrations.Integration;
import io.pactport.api.integrations.IntegrationService;
import io.pactport.api.ui.BrowserPages;
import io.pactport.api.ui.PageFrame;
import io.pactport.api.ui.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The network of integrations: the whole of it ({@code /network}) or the group around one pacticipant (the Pact
 * Broker's {@code /pacticipants/{p}/network}, the integrations of {@code /groups/{p}}). The page is a table of consumer →
 * provider links, which keyboard and screen-reader users (and browsers without scripts) read as it is, and from which
 * {@code network.js} draws the graph.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class NetworkPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance network(PageFrame frame, String centre, List<Integration> integrations);
    }

    private final NetworkService network;
    private final IntegrationService integrations;
    private final Pages pages;

    NetworkPage(NetworkService network, IntegrationService integrations, Pages pages) {
        this.network = network;
        this.integrations = integrations;
        this.pages = pages;
    }

    @GET
    @Path("/network")
    @Operation(hidden = true)
    public Uni<TemplateInstance> whole(@Context UriInfo uri) {
        PageFrame frame = pages.frame("Network", "network", uri);
        return integrations.list(Optional.empty()).map(all -> Templates.network(frame, "", all.items()));
    }

    @GET
    @Path("/pacticipants/{pacticipant}/network")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> around(
            @PathParam("pacticipant") String pacticipant,
            @QueryParam("maxPacticipants") String maxPacticipants,
            @Context UriInfo uri) {
        PageFrame frame = pages.frame("Network of " + pacticipant, "network", uri);
        return network.groupOf(pacticipant, GroupResource.maxPacticipants(maxPacticipants))
                .map(group -> Templates.network(frame, pacticipant, group))
                .map(RestResponse::ok);
    }
}
