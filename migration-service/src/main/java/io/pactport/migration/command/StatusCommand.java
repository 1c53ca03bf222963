package io.pactport.migration.command;

import io.pactport.core.schema.DatabaseState;
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
 * What the database is, what is pending (the Pact Broker's own missing migrations as well as Pactport's), and whether a
 * Ruby broker is migrating it right now. Changes nothing, and reads no table's rows: it is quick on any database.
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
        DatabaseState state = migrator.inspect();
        var out = spec.commandLine().getOut();
        out.println("database: " + state.describe());
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
