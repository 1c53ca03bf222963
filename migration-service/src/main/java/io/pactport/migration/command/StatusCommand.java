package io.pactport.migration.command;

import io.pactport.core.schema.MigrationStatus;
import io.pactport.core.schema.Migrator;
import io.pactport.core.schema.SchemaRefusedException;
import io.pactport.migration.takeover.PreFlight;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the database is, what is pending (the Pact Broker's own missing migrations as well as Pactport's), which Pact
 * Broker schema was taken over and when, the last {@code verify}, and whether a Ruby broker is migrating it right now.
 * Changes nothing, and counts no table's rows: it is quick on any database.
 */
@Command(name = "status", aliases = "version", description = "Show what the database is and what is pending.")
public class StatusCommand implements Callable<Integer> {

    private final Supplier<DataSource> dataSource;

    @Spec
    CommandSpec spec;

    public StatusCommand(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() {
        Migrator migrator = new Migrator(dataSource.get());
        MigrationStatus status = MigrationStatus.read(dataSource.get());
        var out = spec.commandLine().getOut();
        out.println("database: " + status.state().describe());
        if (status.pactBrokerSchema() != null) {
            out.println("taken over: Pact Broker schema " + status.pactBrokerSchema() + " ("
                    + status.pactBrokerRelease() + ") on " + status.takenOverAt() + ", "
                    + status.baselineRows() + " rows in " + status.baseline().size() + " tables recorded");
        }
        MigrationStatus.LastVerification verified = status.lastVerification();
        if (verified != null) {
            out.println("last verify: " + verified.verifiedAt() + ", "
                    + (verified.ok()
                            ? "nothing was lost"
                            : "FAILED (" + verified.findings().size() + " finding(s))"));
        } else if (status.takenOver()) {
            out.println("last verify: none recorded (run verify)");
        }
        try {
            List<String> pending = new PreFlight(dataSource.get()).pendingActions();
            out.println(
                    pending.isEmpty() ? "pending: nothing, the database is up to date" : "pending (migrate would):");
            pending.forEach(action -> out.println("  " + action));
        } catch (SchemaRefusedException e) {
            out.println("pending: migrate would refuse this database: " + e.getMessage());
        }
        if (migrator.migrationLockHeld()) {
            out.println("the migration lock is held: a Pact Broker or another Pactport is migrating this database now");
        }
        out.flush();
        return 0;
    }
}
