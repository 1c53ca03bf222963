package io.pactport.migration.command;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The migration tool's entry point; every command reads the database from {@code PACTFLOW_DATABASE_*}. */
@TopCommand
@Command(name = "migration-service", mixinStandardHelpOptions = true,
        description = "Takes a Pact Broker PostgreSQL database over in place.",
        subcommands = {StatusCommand.class, MigrateCommand.class})
public class MigrationCommand {
}
