package io.pactport.api.operations;

import io.pactport.api.events.OutboxBacklog;
import io.pactport.api.events.OutboxHousekeeping;
import io.pactport.api.ui.BrowserPages;
import io.pactport.api.ui.PageFrame;
import io.pactport.api.ui.Pages;
import io.pactport.core.schema.MigrationStatus;
import io.pactport.core.time.TimeInWords;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator's start page ({@code /operations}): how this database was taken over from a Pact Broker (the schema,
 * when, the row baseline migration-service recorded and its last {@code verify}), and the event outbox's backlog; the
 * pages of the other services' work (cut-over, sync, retention) are linked from here.
 */
@Path(BrowserPages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class OperationsPage {

    /**
     * The outcome of a button, shown at the top of the page it returns to.
     *
     * @param ok whether it did what was asked
     */
    public record Outcome(boolean ok, String text) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance operations(
                PageFrame frame, Section<MigrationStatus> migration, OutboxBacklog outbox, String oldestUnsent);
    }

    private final Pages pages;
    private final DataSource dataSource;
    private final OutboxHousekeeping outbox;
    private final Clock clock;

    OperationsPage(Pages pages, DataSource dataSource, OutboxHousekeeping outbox, Clock clock) {
        this.pages = pages;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    @GET
    @Path("/operations")
    @Operation(hidden = true)
    public Uni<TemplateInstance> operations(@Context UriInfo uri) {
        PageFrame frame = pages.frame("Operations", "operations", uri);
        // migration-service's own reading, over JDBC: on a worker thread, never the event loop
        Uni<Section<MigrationStatus>> migration = Uni.createFrom()
                .item(() -> Section.of(MigrationStatus.read(dataSource)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure()
                .recoverWithItem(e -> Section.failed("migration-service's records cannot be read: " + e.getMessage()));
        return Uni.combine()
                .all()
                .unis(migration, outbox.backlog())
                .with((status, backlog) -> Templates.operations(
                        frame, status, backlog, TimeInWords.of(backlog.oldestAge(clock.instant()))));
    }
}
