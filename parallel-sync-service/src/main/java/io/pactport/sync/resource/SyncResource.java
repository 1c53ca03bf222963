package io.pactport.sync.resource;

import io.pactport.sync.messaging.DeadLetterRedrive;
import io.pactport.sync.model.TargetStatus;
import io.pactport.sync.service.SyncTargets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** The targets with their counters and lag, and the re-drive of their dead letters. */
@Path("/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final SyncTargets targets;

    SyncResource(SyncTargets targets) {
        this.targets = targets;
    }

    @GET
    @Path("/targets")
    public List<TargetStatus> targets() {
        return targets.statuses();
    }

    /** Re-drives one target's dead letters ({@code ?target=name}), or every enabled target's. */
    @POST
    @Path("/dlq/redrive")
    public List<DeadLetterRedrive.Summary> redrive(@RestQuery String target) {
        if (target != null && !target.isBlank()) {
            var found = targets.named(target)
                    .orElseThrow(() -> new NotFoundException("no sync target named '" + target + "'"));
            return List.of(targets.redrive(found));
        }
        return targets.all().stream()
                .filter(t -> t.sync() != null)
                .map(targets::redrive)
                .toList();
    }
}
