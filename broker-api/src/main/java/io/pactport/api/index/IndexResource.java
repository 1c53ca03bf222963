package io.pactport.api.index;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.Hal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HAL index, {@code GET /}: the entry point clients navigate from. The rel names and URL templates are the Pact
 * Broker's, because the CLI, pact-jvm and pact-js look them up by name.
 */
@Path("/")
public class IndexResource {

    /** rel, path below the base URL, title, templated. */
    private record Rel(String rel, String path, String title, boolean templated) {}

    private static final List<Rel> RELS = List.of(
            new Rel(
                    "pb:publish-pact",
                    "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}",
                    "Publish a pact",
                    true),
            new Rel("pb:publish-contracts", "/contracts/publish", "Publish contracts", false),
            new Rel("pb:latest-pact-versions", "/pacts/latest", "Latest pact versions", false),
            new Rel(
                    "pb:tagged-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}",
                    "Pact versions for a consumer, provider and consumer version tag",
                    false),
            new Rel(
                    "pb:branch-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}",
                    "Pact versions for a provider and a consumer branch",
                    true),
            new Rel(
                    "pb:latest-branch-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}/latest/versions",
                    "Latest pact for a provider and a consumer branch",
                    true),
            new Rel(
                    "pb:main-branch-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/branch/versions",
                    "Pact versions for a provider and the consumer's main branch",
                    true),
            new Rel(
                    "pb:latest-main-branch-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/branch/latest/versions",
                    "Latest pact for a provider and the consumer's main branch",
                    true),
            new Rel(
                    "pb:provider-pacts-with-main-branch",
                    "/pacts/provider/{provider}/branch",
                    "Pacts for a provider from every consumer's main branch",
                    true),
            new Rel(
                    "pb:provider-pacts-with-branch",
                    "/pacts/provider/{provider}/branch/{branch}",
                    "Pacts for a provider from a named consumer branch",
                    true),
            new Rel(
                    "pb:latest-provider-pacts-with-main-branch",
                    "/pacts/provider/{provider}/branch/latest",
                    "Latest pacts for a provider from every consumer's main branch",
                    true),
            new Rel(
                    "pb:latest-provider-pacts-with-branch",
                    "/pacts/provider/{provider}/branch/{branch}/latest",
                    "Latest pacts for a provider from a named consumer branch",
                    true),
            new Rel("pb:pacticipants", "/pacticipants", "Pacticipants", false),
            new Rel("pb:pacticipant", "/pacticipants/{pacticipant}", "Pacticipant by name", true),
            new Rel(
                    "pb:latest-provider-pacts",
                    "/pacts/provider/{provider}/latest",
                    "Latest pacts for a provider",
                    true),
            new Rel(
                    "pb:latest-provider-pacts-with-tag",
                    "/pacts/provider/{provider}/latest/{tag}",
                    "Latest pacts for a provider with a consumer version tag",
                    true),
            new Rel(
                    "pb:provider-pacts-with-tag",
                    "/pacts/provider/{provider}/tag/{tag}",
                    "Pact versions for a provider with a consumer version tag",
                    true),
            new Rel("pb:provider-pacts", "/pacts/provider/{provider}", "Pact versions for a provider", true),
            new Rel(
                    "pb:latest-version",
                    "/pacticipants/{pacticipant}/latest-version",
                    "Latest version of a pacticipant",
                    true),
            new Rel(
                    "pb:latest-tagged-version",
                    "/pacticipants/{pacticipant}/latest-version/{tag}",
                    "Latest version of a pacticipant with a tag",
                    true),
            new Rel("pb:webhooks", "/webhooks", "Webhooks", false),
            new Rel("pb:webhook", "/webhooks/{uuid}", "Webhook", true),
            new Rel("pb:integrations", "/integrations", "Integrations", false),
            new Rel(
                    "pb:pacticipant-version-tag",
                    "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}",
                    "Tag of a pacticipant version",
                    true),
            new Rel(
                    "pb:pacticipant-branch",
                    "/pacticipants/{pacticipant}/branches/{branch}",
                    "Branch of a pacticipant",
                    true),
            new Rel(
                    "pb:pacticipant-branch-version",
                    "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}",
                    "Version of a pacticipant on a branch",
                    true),
            new Rel(
                    "pb:pacticipant-version",
                    "/pacticipants/{pacticipant}/versions/{version}",
                    "Pacticipant version",
                    true),
            new Rel("pb:metrics", "/metrics", "Broker metrics", false),
            new Rel(
                    "pb:can-i-deploy-pacticipant-version-to-tag",
                    "/can-i-deploy?pacticipant={pacticipant}&version={version}&to={tag}",
                    "Can this version be deployed to the environment a tag names?",
                    true),
            new Rel(
                    "pb:can-i-deploy-pacticipant-version-to-environment",
                    "/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}",
                    "Can this version be deployed to an environment?",
                    true),
            new Rel(
                    "pb:provider-pacts-for-verification",
                    "/pacts/provider/{provider}/for-verification",
                    "Pacts a provider should verify",
                    true),
            new Rel("pb:environments", "/environments", "Environments", false),
            new Rel("pb:environment", "/environments/{uuid}", "Environment", true));

    private final BaseUrl baseUrl;

    IndexResource(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    @GET
    @Produces(Hal.MEDIA_TYPE)
    public Map<String, Object> index(@Context UriInfo request) {
        String base = baseUrl.of(request);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Hal.Link.of(base, "Index", false));
        for (Rel rel : RELS) {
            links.put(rel.rel(), Hal.Link.of(base + rel.path(), rel.title(), rel.templated()));
        }
        // clients from before the rel left beta still look it up under this name
        links.put(
                "beta:provider-pacts-for-verification",
                new Hal.Link(
                        base + "/pacts/provider/{provider}/for-verification",
                        "Deprecated: use pb:provider-pacts-for-verification",
                        "beta",
                        true));
        links.put(
                "curies",
                List.of(
                        new Hal.Link(base + "/doc/{rel}?context=index", null, "pb", true),
                        new Hal.Link(base + "/doc/{rel}?context=index", null, "beta", true)));
        return Map.of("_links", links);
    }
}
