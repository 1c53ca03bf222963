package io.pactport.migration;

import io.pactport.core.config.DatabaseConfig;
import io.pactport.migration.command.EnvCommand;
import io.pactport.migration.command.MigrateCommand;
import io.pactport.migration.command.MigrationCommand;
import io.pactport.migration.command.StatusCommand;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Instance;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine;

/** Runs one command of the migration tool and exits with its code. */
@QuarkusMain
public class MigrationMain implements QuarkusApplication {

    /** Resolved only by the commands that use it: {@code env} runs with no database configured at all. */
    private final Supplier<DataSource> dataSource;
    private final DatabaseConfig config;

    MigrationMain(Instance<DataSource> dataSource, DatabaseConfig config) {
        this.dataSource = dataSource::get;
        this.config = config;
    }

    @Override
    public int run(String... args) {
        return commandLine().execute(args);
    }

    CommandLine commandLine() {
        return new CommandLine(new MigrationCommand())
                .addSubcommand(new StatusCommand(dataSource))
                .addSubcommand(new MigrateCommand(dataSource, config))
                .addSubcommand(new EnvCommand(System.getenv()));
    }
}
