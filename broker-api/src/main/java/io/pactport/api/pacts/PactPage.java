package io.pactport.api.pacts;

import io.pactport.api.http.BaseUrl;
import io.pactport.api.http.BrokerUrls;
import io.pactport.api.http.ParsingPool;
import io.pactport.api.http.RequestErrors;
import io.pactport.api.matrix.MatrixQuery;
import io.pactport.api.matrix.MatrixResult;
import io.pactport.api.matrix.MatrixSelector;
import io.pactport.api.matrix.MatrixService;
import io.pactport.api.matrix.MatrixVersionDetails;
import io.pactport.api.pacts.PactDeletionRepository.Selection;
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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A pact for people, at every address a pact has (by consumer version, latest, latest with a tag, latest untagged,
 * latest on a branch, by content): who published it and when, its interactions and messages in any pact
 * specification, the verification results of its content, the integration's other versions, the diff with the
 * previous distinct version, its badge, and its delete for those who may write.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class PactPage {

    private static final String PACT = "/pacts/provider/{provider}/consumer/{consumer}";

    /** One verification of the pact's content by a provider version; {@code success} null: none yet. */
    public record VerificationLine(String providerVersion, Boolean success, LocalDateTime verifiedAt, String href) {}

    /** One consumer version's pact in the integration's list. */
    public record VersionLine(String number, LocalDateTime publishedAt, String href, boolean shown) {}

    /**
     * What the page shows besides the content.
     *
     * @param apiPath the resource's address, for the API explorer
     * @param document the pact as the API answers it, pretty-printed
     */
    public record Facts(
            PactPublication pact,
            MatrixVersionDetails consumerVersion,
            List<VerificationLine> verifications,
            List<VersionLine> versions,
            String diffUrl,
            String badgeUrl,
            String badgeMarkdown,
            String apiPath) {}

    /** How many of the integration's newest pact versions the page lists; the API's list has them all. */
    static final int VERSIONS_SHOWN = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pact(PageFrame frame, Facts facts, PactView view);
    }

    private final PactReadService reader;
    private final PactDeletionService deletions;
    private final MatrixService matrix;
    private final Pages pages;
    private final BaseUrl baseUrl;
    private final ParsingPool parsing;

    PactPage(
            PactReadService reader,
            PactDeletionService deletions,
            MatrixService matrix,
            Pages pages,
            BaseUrl baseUrl,
            ParsingPool parsing) {
        this.reader = reader;
        this.deletions = deletions;
        this.matrix = matrix;
        this.pages = pages;
        this.baseUrl = baseUrl;
        this.parsing = parsing;
    }

    @GET
    @Path(PACT + "/version/{version}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> forConsumerVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @Context UriInfo uri) {
        return show(reader.forConsumerVersion(provider, consumer, version), null, consumer, provider, uri);
    }

    @GET
    @Path(PACT + "/latest")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> latest(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo uri) {
        return show(reader.latest(provider, consumer), null, consumer, provider, uri);
    }

    @GET
    @Path(PACT + "/latest/{tag}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> latestTagged(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag,
            @Context UriInfo uri) {
        return show(reader.latestTagged(provider, consumer, tag), null, consumer, provider, uri);
    }

    @GET
    @Path(PACT + "/latest-untagged")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> latestUntagged(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer, @Context UriInfo uri) {
        return show(reader.latestUntagged(provider, consumer), null, consumer, provider, uri);
    }

    @GET
    @Path(PACT + "/branch/{branch}/latest")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> latestOnBranch(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch,
            @Context UriInfo uri) {
        return show(reader.latestOnBranch(provider, consumer, branch), null, consumer, provider, uri);
    }

    @GET
    @Path(PACT + "/pact-version/{sha}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> bySha(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @Context UriInfo uri) {
        return show(reader.bySha(provider, consumer, sha, null), null, consumer, provider, uri);
    }

    /** The address pacts for verification link to: the metadata names the consumer version to show. */
    @GET
    @Path(PACT + "/pact-version/{sha}/metadata/{metadata}")
    @Operation(hidden = true)
    public Uni<RestResponse<TemplateInstance>> byShaWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("metadata") String metadata,
            @Context UriInfo uri) {
        return show(reader.bySha(provider, consumer, sha, metadata), metadata, consumer, provider, uri);
    }

    /**
     * Deletes the consumer version's pact (every revision) as the API's {@code DELETE} does, with its event, then
     * shows the latest pact left between the two, or the integrations when none is.
     */
    @POST
    @Path("/pacts/delete")
    @Operation(hidden = true)
    public Uni<RestResponse<Void>> delete(
            @RestForm String consumer, @RestForm String provider, @RestForm String version, @Context UriInfo uri) {
        RequestErrors errors = new RequestErrors();
        errors.notBlank("consumer", consumer);
        errors.notBlank("provider", provider);
        errors.notBlank("version", version);
        errors.throwIfAny();
        PageFrame frame = pages.frame("", "", uri);
        return deletions
                .delete(provider, consumer, Selection.consumerVersion(version))
                .map(latest -> RestResponse.seeOther(
                        URI.create(latest.map(p -> p.url(frame.base())).orElse(frame.link("/")))));
    }

    private Uni<RestResponse<TemplateInstance>> show(
            Uni<PactPublication> found, String metadata, String consumer, String provider, UriInfo uri) {
        PageFrame frame = pages.frame("Pact between " + consumer + " and " + provider, "integrations", uri);
        String base = baseUrl.of(uri);
        String apiPath = uri.getRequestUri().getRawPath().substring(BrowserPages.ROOT.length());
        return found.flatMap(pact -> facts(pact, metadata, frame, base, apiPath)
                .flatMap(facts -> parsing.run(
                        pact.content().length(),
                        () -> RestResponse.ok(Templates.pact(frame, facts, PactView.of(pact.content()))))));
    }

    private Uni<Facts> facts(PactPublication pact, String metadata, PageFrame frame, String base, String apiPath) {
        String consumer = pact.consumerName();
        String provider = pact.providerName();
        // the matrix of this consumer version with every provider version: the verifications of the pact's content
        MatrixQuery rows = MatrixQuery.of(
                List.of(MatrixSelector.of(consumer, pact.consumerVersionNumber()), MatrixSelector.of(provider)));
        String badgeUrl = pact.latestUrl(base) + "/badge";
        return Uni.combine()
                .all()
                .unis(
                        matrix.find(rows),
                        // the newest few: an integration publishes thousands of versions over its life
                        reader.newestForIntegration(provider, consumer, VERSIONS_SHOWN))
                .with((result, all) -> new Facts(
                        pact,
                        result.details(pact.consumerVersionId()),
                        verifications(result, frame),
                        all.stream()
                                .map(p -> new VersionLine(
                                        p.consumerVersionNumber(),
                                        p.createdAt(),
                                        p.url(frame.base()),
                                        p.consumerVersionId() == pact.consumerVersionId()))
                                .toList(),
                        // fetched when asked for: a diff of two large pacts costs more than the rest of the page
                        frame.link(BrokerUrls.pact("", consumer, provider, pact.consumerVersionNumber()))
                                + "/diff/previous-distinct",
                        badgeUrl,
                        "[![" + consumer + "/" + provider + " Pact Status](" + badgeUrl + ")](" + pact.url(base) + ")",
                        apiPath));
    }

    private static List<VerificationLine> verifications(MatrixResult result, PageFrame frame) {
        return result.considered().stream()
                .filter(row -> row.providerVersionNumber() != null)
                .map(row -> new VerificationLine(
                        row.providerVersionNumber(),
                        row.success(),
                        row.verifiedAt(),
                        BrokerUrls.verification(
                                frame.base(),
                                row.consumerName(),
                                row.providerName(),
                                row.pactVersionSha(),
                                Objects.requireNonNull(row.verificationNumber()))))
                .toList();
    }
}
