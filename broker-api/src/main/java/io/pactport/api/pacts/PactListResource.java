package io.pactport.api.pacts;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists of pacts: the latest of every integration, and a provider's pacts (latest, or all, by consumer version tag or
 * branch).
 */
@Path("/pacts")
@Produces(Hal.MEDIA_TYPE)
public class PactListResource {

    private final PactReadService reader;
    private final BaseUrl baseUrl;

    PactListResource(PactReadService reader, BaseUrl baseUrl) {
        this.reader = reader;
        this.baseUrl = baseUrl;
    }

    @GET
    @Path("/latest")
    public Uni<Map<String, Object>> latest(@Context UriInfo uri) {
        String base = baseUrl.of(uri);
        return reader.latestPerIntegration().map(pacts -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("_links", Map.of("self", Hal.Link.titled(base + "/pacts/latest", "Latest pact versions")));
            body.put("pacts", pacts.stream().map(pact -> latestPact(pact, base)).toList());
            return body;
        });
    }

    @GET
    @Path("/provider/{provider}/latest")
    public Uni<Map<String, Object>> latestForProvider(@PathParam("provider") String provider, @Context UriInfo uri) {
        return reader.latestForProvider(provider, Optional.empty())
                .map(pacts -> providerPacts(
                        provider,
                        pacts,
                        baseUrl.of(uri),
                        "/latest",
                        "Latest pact versions for the provider " + provider));
    }

    @GET
    @Path("/provider/{provider}/latest/{tag}")
    public Uni<Map<String, Object>> latestTaggedForProvider(
            @PathParam("provider") String provider, @PathParam("tag") String tag, @Context UriInfo uri) {
        return reader.latestForProvider(provider, Optional.of(tag))
                .map(pacts -> providerPacts(
                        provider,
                        pacts,
                        baseUrl.of(uri),
                        "/latest/" + BrokerUrls.encode(tag),
                        "Latest pact versions for the provider " + provider + " with consumer version tag '" + tag
                                + "'"));
    }

    @GET
    @Path("/provider/{provider}")
    public Uni<Map<String, Object>> forProvider(@PathParam("provider") String provider, @Context UriInfo uri) {
        return reader.allForProvider(provider, Optional.empty())
                .map(pacts -> providerPacts(
                        provider, pacts, baseUrl.of(uri), "", "All pact versions for the provider " + provider));
    }

    @GET
    @Path("/provider/{provider}/tag/{tag}")
    public Uni<Map<String, Object>> taggedForProvider(
            @PathParam("provider") String provider, @PathParam("tag") String tag, @Context UriInfo uri) {
        return reader.allForProvider(provider, Optional.of(tag))
                .map(pacts -> providerPacts(
                        provider,
                        pacts,
                        baseUrl.of(uri),
                        "/tag/" + BrokerUrls.encode(tag),
                        "All pact versions for the provider " + provider + " with consumer version tag '" + tag + "'"));
    }

    /** The provider's pacts from consumer versions on each consumer's main branch. */
    @GET
    @Path("/provider/{provider}/branch")
    public Uni<Map<String, Object>> onMainBranch(@PathParam("provider") String provider, @Context UriInfo uri) {
        return onBranch(provider, null, false, uri);
    }

    @GET
    @Path("/provider/{provider}/branch/{branch}")
    public Uni<Map<String, Object>> onBranch(
            @PathParam("provider") String provider, @PathParam("branch") String branch, @Context UriInfo uri) {
        return onBranch(provider, branch, false, uri);
    }

    /** The provider's pacts from the head of each consumer's main branch. */
    @GET
    @Path("/provider/{provider}/branch/latest")
    public Uni<Map<String, Object>> latestOnMainBranch(@PathParam("provider") String provider, @Context UriInfo uri) {
        return onBranch(provider, null, true, uri);
    }

    @GET
    @Path("/provider/{provider}/branch/{branch}/latest")
    public Uni<Map<String, Object>> latestOnBranch(
            @PathParam("provider") String provider, @PathParam("branch") String branch, @Context UriInfo uri) {
        return onBranch(provider, branch, true, uri);
    }

    private Uni<Map<String, Object>> onBranch(String provider, String branch, boolean latest, UriInfo uri) {
        String suffix = "/branch" + (branch == null ? "" : "/" + BrokerUrls.encode(branch)) + (latest ? "/latest" : "");
        String title = (latest ? "Latest" : "All") + " pact versions for the provider " + provider
                + (branch == null ? "" : " with consumer version branch '" + branch + "'");
        return reader.onBranch(provider, null, branch, latest)
                .map(pacts -> providerPacts(provider, pacts, baseUrl.of(uri), suffix, title));
    }

    private static Map<String, Object> latestPact(PactPublication pact, String base) {
        Map<String, Object> consumer = new LinkedHashMap<>();
        consumer.put("name", pact.consumerName());
        consumer.put("_links", Map.of("self", Map.of("href", BrokerUrls.pacticipant(base, pact.consumerName()))));
        consumer.put("_embedded", Map.of("version", Map.of("number", pact.consumerVersionNumber())));
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", pact.providerName());
        provider.put("_links", Map.of("self", Map.of("href", BrokerUrls.pacticipant(base, pact.providerName()))));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("createdAt", Timestamps.format(pact.createdAt()));
        item.put("_embedded", Hal.object("consumer", consumer, "provider", provider));
        item.put(
                "_links",
                Map.of("self", List.of(Map.of("href", pact.latestUrl(base)), Map.of("href", pact.url(base)))));
        return item;
    }

    private static Map<String, Object> providerPacts(
            String provider, List<PactPublication> pacts, String base, String suffix, String title) {
        String providerUrl = BrokerUrls.pacticipant(base, provider);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Hal.Link.titled(base + "/pacts/provider/" + BrokerUrls.encode(provider) + suffix, title));
        links.put("pb:provider", new Hal.Link(providerUrl, null, provider, null));
        links.put(
                "pb:pacts",
                pacts.stream()
                        .map(pact -> new Hal.Link(pact.url(base), pact.name(), pact.consumerName(), null))
                        .toList());
        links.put(
                "provider",
                new Hal.Link(providerUrl, provider, "DEPRECATED - please use the pb:provider relation", null));
        links.put(
                "pacts",
                pacts.stream()
                        .map(pact -> new Hal.Link(
                                pact.url(base),
                                "DEPRECATED - please use the pb:pacts relation. " + pact.name(),
                                pact.consumerName(),
                                null))
                        .toList());
        return Map.of("_links", links);
    }
}
