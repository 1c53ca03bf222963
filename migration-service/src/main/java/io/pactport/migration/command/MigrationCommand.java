package io.pactport.migration.command;

import picocli.CommandLine.Command;

/** The migration tool's command line; every command reads the database from {@code PACTFLOW_DATABASE_*}. */
@Command(
        name = "migration-service",
        mixinStandardHelpOptions = true,
        description = "Takes a Pact Broker PostgreSQL database over in place.")
public class MigrationCommand {}
