package io.pactport.migration.command;

import io.pactport.core.schema.MigrationStatus;
import io.pactport.core.schema.RowBaseline;
import io.pactport.core.schema.SchemaRefusedException;
import io.pactport.core.schema.Verification;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Proves a migration lost nothing: the rows recorded before it are all there, and every pact reads back. */
@Command(
        name = "verify",
        description = "Check that every row the Pact Broker had is still there, unchanged, and that"
                + " every pact's content reads back; changes nothing but recording its outcome (status shows the last"
                + " one). Exit code 4 when a check fails; stored SHAs Pactport"
                + " does not compute are a warning.")
public class VerifyCommand implements Callable<Integer> {

    /** Exit code when data recorded before the migration is missing or changed, or a pact's content does not parse. */
    static final int FAILED = 4;

    private final Supplier<DataSource> dataSource;

    @Spec
    CommandSpec spec;

    public VerifyCommand(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Verification.Report report;
        try {
            report = new Verification(dataSource.get()).run();
        } catch (SchemaRefusedException e) {
            err.println(e.getMessage());
            err.flush();
            return MigrateCommand.REFUSED;
        }
        if (!MigrationStatus.record(dataSource.get(), report)) {
            err.println("the outcome was not recorded: a Pactport migration is pending (run migrate)");
        }
        if (report.baselineNote() != null) {
            out.println("rows: " + report.baselineNote());
        } else {
            out.println("rows, against the counts and checksums recorded before the migration:");
            for (RowBaseline.TableCheck check : report.tables()) {
                out.println((check.ok() ? "  ok    " : "  FAIL  ") + check.describe());
            }
        }
        out.println("pacts: " + report.pactsRead() + " read, "
                + (report.pactFailureCount() != 0
                        ? report.pactFailureCount() + " do not read back:"
                        : report.shaDifferenceCount() == 0
                                ? "every one parses and matches its SHA"
                                : "every one parses; " + report.shaDifferenceCount()
                                        + " with a stored SHA Pactport does not compute"));
        report.pactFailures().forEach(failure -> out.println("  FAIL  " + failure));
        if (report.shaDifferenceCount() > 0) {
            out.println("warning: " + Verification.shaDifferenceWarning(report.shaDifferenceCount()));
            report.shaDifferences().forEach(difference -> out.println("  SHA   " + difference));
        }
        out.flush();
        if (report.ok()) {
            out.println("verified: nothing was lost");
            out.flush();
            return 0;
        }
        long tables = report.tables().stream().filter(check -> !check.ok()).count();
        err.println("verification failed: " + tables + " table(s) differ, " + report.pactFailureCount()
                + " pact(s) do not read back (see above; the README's migration guide says what to do)");
        err.flush();
        return FAILED;
    }
}
