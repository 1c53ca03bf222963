package io.pactport.migration.command;

import io.pactport.core.config.DatabaseConfig;
import io.pactport.core.schema.DatabaseState;
import io.pactport.core.schema.Migrator;
import io.pactport.core.schema.SchemaRefusedException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Applies what is pending: an empty database gets the whole schema, a Pact Broker 2.120 database Pactport's tables. */
@Command(name = "migrate", description = "Bring the database to Pactport's schema, keeping every row.")
public class MigrateCommand implements Callable<Integer> {

    /** Exit code when the database is not one Pactport may migrate; nothing was changed. */
    static final int REFUSED = 3;

    private final Supplier<DataSource> dataSource;
    private final DatabaseConfig config;

    @Spec
    CommandSpec spec;

    public MigrateCommand(Supplier<DataSource> dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public Integer call() {
        try {
            DatabaseState state = new Migrator(dataSource.get(), config.migrationLockWait()).migrate();
            spec.commandLine().getOut().println("database: " + state.describe());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (SchemaRefusedException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return REFUSED;
        }
    }
}
