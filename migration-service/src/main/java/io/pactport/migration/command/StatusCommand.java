package io.pactport.migration.command;

import io.pactport.core.schema.DatabaseState;
import io.pactport.core.schema.Migrator;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What the database is, what is pending, and whether a Ruby broker is migrating it right now. Changes nothing. */
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
        if (migrator.migrationLockHeld()) {
            out.println("the migration lock is held: a Pact Broker or another Pactport is migrating this database now");
        }
        out.flush();
        return 0;
    }
}
