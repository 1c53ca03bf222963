package io.pactport.migration;

import io.pactport.core.config.DatabaseConfig;
import io.pactport.migration.command.MigrateCommand;
import io.pactport.migration.command.MigrationCommand;
import io.pactport.migration.command.StatusCommand;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import javax.sql.DataSource;
import picocli.CommandLine;

/** Runs one command of the migration tool and exits with its code. */
@QuarkusMain
public class MigrationMain implements QuarkusApplication {

    private final DataSource dataSource;
    private final DatabaseConfig config;

    MigrationMain(DataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public int run(String... args) {
        return commandLine().execute(args);
    }

    CommandLine commandLine() {
        return new CommandLine(new MigrationCommand())
                .addSubcommand(new StatusCommand(dataSource))
                .addSubcommand(new MigrateCommand(dataSource, config));
    }
}
