package io.pactport.sync.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactport.sync.model.Question;
import io.pactport.sync.service.CutoverService;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** Cut-over readiness, the backfill of what Pactport lacks, and shadow can-i-deploy. */
@Path("/cutover")
@Produces(MediaType.APPLICATION_JSON)
public class CutoverResource {

    private final CutoverService cutover;

    CutoverResource(CutoverService cutover) {
        this.cutover = cutover;
    }

    @GET
    public CutoverService.Report report() {
        return cutover.report();
    }

    @POST
    @Path("/backfill")
    public CutoverService.Backfill backfill() {
        return cutover.backfill();
    }

    /**
     * The can-i-deploy questions Pactport answered recently ({@code pactflow.sync.shadow-window}), asked of every old
     * broker and Pactport again now; also replayed every {@code shadow-every}, the disagreements in the metric
     * {@code pactport_cutover_shadow_disagreements}.
     */
    @GET
    @Path("/shadow")
    public CutoverService.Shadow recent() {
        return cutover.shadowRecent();
    }

    /**
     * Body (optional): {@code {"questions":[{"pacticipant","version","environment" or "to"}]}}; without it, every production
     * version of each old broker is asked about the environment it is in.
     */
    @POST
    @Path("/shadow")
    @Consumes(MediaType.APPLICATION_JSON)
    public CutoverService.Shadow shadow(JsonNode body) {
        List<Question> questions = new ArrayList<>();
        if (body != null && !body.isNull() && !body.isMissingNode()) {
            JsonNode list = body.path("questions");
            if (!list.isArray()) {
                throw new BadRequestException(
                        "the body must be {\"questions\":[{\"pacticipant\",\"version\"," + "\"environment\"}]}");
            }
            for (JsonNode q : list) {
                if (!q.hasNonNull("pacticipant")
                        || !q.hasNonNull("version")
                        || q.hasNonNull("environment") == q.hasNonNull("to")) {
                    throw new BadRequestException("each question needs pacticipant, version and environment (or a"
                            + " 'to' tag instead of the environment)");
                }
                questions.add(new Question(
                        q.get("pacticipant").asText(),
                        q.get("version").asText(),
                        q.hasNonNull("environment") ? q.get("environment").asText() : null,
                        q.hasNonNull("to") ? q.get("to").asText() : null));
            }
        }
        return cutover.shadow(questions);
    }
}
