package io.pactport.api.pacts;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.Hal;
import io.pactport.api.http.ParsingPool;
import io.pactport.api.integrations.IntegrationService;
import io.pactport.api.pacticipants.LookalikePacticipantException;
import io.pactport.api.pacts.PactDeletionRepository.Selection;
import io.pactport.api.pacts.PactPublishService.Mode;
import io.pactport.api.pacts.PactPublishService.Outcome;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One pact: published (PUT), merged into (PATCH), deleted, and read by consumer version, tag, branch, content SHA or as
 * the latest untagged; the list of all versions, and its delete.
 */
@Path("/pacts/provider/{provider}/consumer/{consumer}")
@Produces({Hal.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class PactResource {

    /** Says which consumer version a pact read by tag, branch or "latest" belongs to; the CLI prints it. */
    private static final String CONSUMER_VERSION_HEADER = "X-Pact-Consumer-Version";

    private final PactPublishService publisher;
    private final PactReadService reader;
    private final PactDeletionService deletions;
    private final IntegrationService integrations;
    private final BaseUrl baseUrl;
    private final ParsingPool parsing;

    PactResource(
            PactPublishService publisher,
            PactReadService reader,
            PactDeletionService deletions,
            IntegrationService integrations,
            BaseUrl baseUrl,
            ParsingPool parsing) {
        this.parsing = parsing;
        this.publisher = publisher;
        this.reader = reader;
        this.deletions = deletions;
        this.integrations = integrations;
        this.baseUrl = baseUrl;
    }

    /** Deletes every version's pact between the two; their content, verifications and the integration stay. */
    @DELETE
    public Uni<RestResponse<Void>> deleteAll(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return integrations.deletePacts(consumer, provider).map(ignored -> RestResponse.noContent());
    }

    @PUT
    @Path("/version/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<String>> publish(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            byte[] body,
            @Context UriInfo request) {
        return write(provider, consumer, version, body, Mode.OVERWRITE, request);
    }

    @PATCH
    @Path("/version/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<String>> merge(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            byte[] body,
            @Context UriInfo request) {
        return write(provider, consumer, version, body, Mode.MERGE, request);
    }

    private Uni<RestResponse<String>> write(
            String provider, String consumer, String version, byte[] body, Mode mode, UriInfo request) {
        return publisher
                .publish(provider, consumer, version, body, mode, baseUrl.of(request))
                .flatMap(published -> respond(
                        published.outcome() == Outcome.CREATED ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        published.pact(),
                        request,
                        null));
    }

    /** Every consumer version's pact between the two, latest first. */
    @GET
    @Path("/versions")
    public Uni<Map<String, Object>> versions(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        String base = baseUrl.of(request);
        return reader.allForExistingIntegration(provider, consumer)
                .map(pacts -> PactVersionsHal.versions(
                        provider,
                        consumer,
                        pacts,
                        base,
                        BrokerUrls.integration(base, consumer, provider) + "/versions"));
    }

    /** The Pact Broker's path for deleting every pact between the two (one {@code all-versions} event). */
    @DELETE
    @Path("/versions")
    public Uni<RestResponse<Void>> deleteVersions(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return deletions.delete(provider, consumer, Selection.all()).map(ignored -> RestResponse.noContent());
    }

    /** Deletes every revision of the consumer version's pact; answers with the latest pact left. */
    @DELETE
    @Path("/version/{version}")
    public Uni<RestResponse<Map<String, Object>>> deleteVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @Context UriInfo request) {
        String base = baseUrl.of(request);
        return deletions
                .delete(provider, consumer, Selection.consumerVersion(version))
                .map(latest -> RestResponse.ResponseBuilder.ok(PactVersionsHal.afterDeletion(latest, base))
                        .type(Hal.MEDIA_TYPE)
                        .build());
    }

    /** The latest pact whose consumer version has no tag. */
    @GET
    @Path("/latest-untagged")
    public Uni<RestResponse<String>> latestUntagged(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return reader.latestUntagged(provider, consumer).flatMap(pact -> ok(pact, request, null));
    }

    @GET
    @Path("/version/{version}")
    public Uni<RestResponse<String>> forConsumerVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @Context UriInfo request) {
        return reader.forConsumerVersion(provider, consumer, version).flatMap(pact -> ok(pact, request, null));
    }

    @GET
    @Path("/latest")
    public Uni<RestResponse<String>> latest(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo request) {
        return reader.latest(provider, consumer).flatMap(pact -> ok(pact, request, null));
    }

    @GET
    @Path("/latest/{tag}")
    public Uni<RestResponse<String>> latestTagged(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag,
            @Context UriInfo request) {
        return reader.latestTagged(provider, consumer, tag).flatMap(pact -> ok(pact, request, null));
    }

    @GET
    @Path("/branch/{branch}/latest")
    public Uni<RestResponse<String>> latestOnBranch(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch,
            @Context UriInfo request) {
        return reader.latestOnBranch(provider, consumer, branch).flatMap(pact -> ok(pact, request, null));
    }

    @GET
    @Path("/pact-version/{sha}")
    public Uni<RestResponse<String>> bySha(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @Context UriInfo request) {
        return reader.bySha(provider, consumer, sha, null).flatMap(pact -> ok(pact, request, null));
    }

    @GET
    @Path("/pact-version/{sha}/metadata/{metadata}")
    public Uni<RestResponse<String>> byShaWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("metadata") String metadata,
            @Context UriInfo request) {
        return reader.bySha(provider, consumer, sha, metadata).flatMap(pact -> ok(pact, request, metadata));
    }

    private Uni<RestResponse<String>> ok(PactPublication pact, UriInfo request, String metadata) {
        return respond(RestResponse.Status.OK, pact, request, metadata);
    }

    private Uni<RestResponse<String>> respond(
            RestResponse.Status status, PactPublication pact, UriInfo request, String metadata) {
        return respond(parsing, status, pact, baseUrl.of(request), metadata);
    }

    /** Rendering re-reads the stored content, which for a large pact takes long enough to stall an event loop. */
    static Uni<RestResponse<String>> respond(
            ParsingPool parsing, RestResponse.Status status, PactPublication pact, String base, String metadata) {
        return parsing.run(
                pact.content().length(),
                () -> RestResponse.ResponseBuilder.create(status, PactDocument.render(pact, base, metadata))
                        .type(Hal.MEDIA_TYPE)
                        .header(CONSUMER_VERSION_HEADER, pact.consumerVersionNumber())
                        .build());
    }

    /**
     * The Pact Broker's answer to a new pacticipant name that looks like an existing one: 409 with its messages as
     * plain text.
     */
    @ServerExceptionMapper
    public RestResponse<String> lookalike(LookalikePacticipantException e) {
        return RestResponse.ResponseBuilder.create(Response.Status.CONFLICT, String.join("\n", e.messages()))
                .type(MediaType.TEXT_PLAIN)
                .build();
    }
}
