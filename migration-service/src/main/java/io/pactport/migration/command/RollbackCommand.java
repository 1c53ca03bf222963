package io.pactport.migration.command;

import io.pactport.core.config.DatabaseConfig;
import io.pactport.core.schema.SchemaRefusedException;
import io.pactport.migration.takeover.Rollback;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Hands the database back to the Ruby broker: everything of Pactport's goes, the Pact Broker's rows stay. */
@Command(
        name = "rollback",
        description =
                "Remove everything Pactport added (every pactport_ table and its history),"
                        + " leaving a database the Pact Broker runs on. Refused (exit code 3) when that would lose data, unless --force.")
public class RollbackCommand implements Callable<Integer> {

    private final Supplier<DataSource> dataSource;
    private final DatabaseConfig config;

    @Option(
            names = "--force",
            description = "Roll back even when events not yet sent, or other Pactport data with no"
                    + " Pact Broker equivalent, would be lost.")
    boolean force;

    @Spec
    CommandSpec spec;

    public RollbackCommand(Supplier<DataSource> dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Rollback.Result result = new Rollback(dataSource.get(), config.migrationLockWait()).run(force);
            result.dropped().forEach(object -> out.println("dropped " + object));
            out.println("rolled back: " + result.note());
            out.flush();
            return 0;
        } catch (SchemaRefusedException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return MigrateCommand.REFUSED;
        }
    }
}
