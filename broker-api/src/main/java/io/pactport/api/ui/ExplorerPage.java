package io.pactport.api.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The API explorer, in place of the Pact Broker's HAL browser: any API resource opened in a browser that no page of its
 * own claims is shown here, its HAL links followed from the page (each link is the resource's own address, so the
 * browser's history and bookmarks work) and its {@code curies} relations linked to their {@code /doc} pages.
 * {@code /hal-browser/browser.html#/path}, the HAL browser's address, opens the path after the {@code #}.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class ExplorerPage {

    static final String HAL_BROWSER = "hal-browser/browser.html";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance explorer(PageFrame frame, String resource);
    }

    private final Pages pages;

    ExplorerPage(Pages pages) {
        this.pages = pages;
    }

    @GET
    @Path("/{resource: .+}")
    @Operation(hidden = true)
    public TemplateInstance explorer(@PathParam("resource") String resource, @Context UriInfo uri) {
        PageFrame frame = pages.frame("API explorer", "explorer", uri);
        // the HAL browser's own address names its resource in the fragment, which only the page's script can read
        String path = HAL_BROWSER.equals(resource) ? "" : "/" + resource;
        String query = uri.getRequestUri().getRawQuery();
        return Templates.explorer(frame, query == null || path.isEmpty() ? path : path + "?" + query);
    }
}
