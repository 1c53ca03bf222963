package io.pactport.migration;

import io.pactport.core.config.ConfigurationException;
import io.pactport.core.config.DatabaseConfig;
import io.pactport.core.config.DatabaseSettings;
import io.pactport.core.config.EnvironmentVariables;
import io.pactport.migration.command.EnvCommand;
import io.pactport.migration.command.ImportCommand;
import io.pactport.migration.command.MigrateCommand;
import io.pactport.migration.command.MigrationCommand;
import io.pactport.migration.command.PlanCommand;
import io.pactport.migration.command.RollbackCommand;
import io.pactport.migration.command.StatusCommand;
import io.pactport.migration.command.VerifyCommand;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine;

/** Runs one command of the migration tool and exits with its code. */
@QuarkusMain
public class MigrationMain implements QuarkusApplication {

    /** Exit code when the settings a command needs are missing or wrong. */
    static final int NOT_CONFIGURED = 2;

    /** Resolved only by the commands that use it: {@code env} runs with no database configured at all. */
    private final Supplier<DataSource> dataSource;

    private final DatabaseConfig config;

    MigrationMain(InjectableInstance<DataSource> dataSource, DatabaseConfig config) {
        this.dataSource = () -> {
            try {
                return dataSource.getActive();
            } catch (RuntimeException e) {
                // Quarkus deactivates a datasource without URL; its exception names Quarkus' properties, not ours
                throw new ConfigurationException("no database is configured: set PACTFLOW_DATABASE_URL="
                        + "postgres://user:password@host:5432/database (or PACTFLOW_DATABASE_HOST and _NAME)");
            }
        };
        this.config = config;
    }

    /**
     * Refuses a database that is not PostgreSQL before Quarkus starts, whose configuration would otherwise stop on the
     * same error with a stack trace: the operator gets the reason alone, and nothing is touched. {@code env} is the one
     * command such settings are fine for (it translates them, with a warning): it then runs without Quarkus.
     */
    public static void main(String... args) {
        boolean runsACommand = args.length > 0 && !args[0].startsWith("-") && !args[0].equals("help");
        if (runsACommand) {
            try {
                DatabaseSettings.from(EnvironmentVariables.system());
            } catch (ConfigurationException e) {
                if (args[0].equals("env")) {
                    System.exit(new CommandLine(new MigrationCommand())
                            .addSubcommand(new EnvCommand(System.getenv()))
                            .execute(args));
                }
                System.err.println(e.getMessage());
                System.exit(NOT_CONFIGURED);
            }
        }
        Quarkus.run(MigrationMain.class, args);
    }

    @Override
    public int run(String... args) {
        return commandLine().execute(args);
    }

    CommandLine commandLine() {
        return new CommandLine(new MigrationCommand())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    if (!(e instanceof ConfigurationException)) {
                        throw e;
                    }
                    commandLine.getErr().println(e.getMessage());
                    commandLine.getErr().flush();
                    return NOT_CONFIGURED;
                })
                .addSubcommand(new StatusCommand(dataSource))
                .addSubcommand(new PlanCommand(dataSource))
                .addSubcommand(new MigrateCommand(dataSource, config))
                .addSubcommand(new VerifyCommand(dataSource))
                .addSubcommand(new RollbackCommand(dataSource, config))
                .addSubcommand(new ImportCommand(System.getenv()))
                .addSubcommand(new EnvCommand(System.getenv()));
    }
}
