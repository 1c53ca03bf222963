package io.pactport.api.environments;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The environments, at the API's addresses: the list ({@code /environments}) and one environment
 * ({@code /environments/{uuid}}) with what is deployed and released there now, each linked to its pacticipant's page.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class EnvironmentsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance environments(PageFrame frame, List<Environment> environments);

        static native TemplateInstance environment(
                PageFrame frame,
                Environment environment,
                List<DeployedVersion> deployed,
                List<ReleasedVersion> released);
    }

    private final EnvironmentService environments;
    private final DeploymentService deployments;
    private final ReleaseService releases;
    private final Pages pages;

    EnvironmentsPage(
            EnvironmentService environments, DeploymentService deployments, ReleaseService releases, Pages pages) {
        this.environments = environments;
        this.deployments = deployments;
        this.releases = releases;
        this.pages = pages;
    }

    @GET
    @Path("/environments")
    @Operation(hidden = true)
    public Uni<TemplateInstance> environments(@Context UriInfo uri) {
        PageFrame frame = pages.frame("Environments", "environments", uri);
        return environments.list(null).map(all -> Templates.environments(frame, all));
    }

    @GET
    @Path("/environments/{uuid}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> environment(@PathParam("uuid") String uuid, @Context UriInfo uri) {
        PageFrame frame = pages.frame("Environment", "environments", uri);
        return deployments
                .currentlyDeployed(uuid, null, Optional.empty())
                .flatMap(deployed -> releases.currentlySupported(uuid, null, null)
                        .map(released -> Templates.environment(
                                titled(frame, deployed.environment()),
                                deployed.environment(),
                                deployed.deployedVersions(),
                                released.releasedVersions())))
                .map(RestResponse::ok);
    }

    private static PageFrame titled(PageFrame frame, Environment environment) {
        String name = environment.displayName() == null ? environment.name() : environment.displayName();
        return new PageFrame("Environment " + name, frame.base(), frame.section(), frame.canWrite(), frame.csrf());
    }
}
