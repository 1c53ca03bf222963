package io.pactport.migration.command;

import io.pactport.core.schema.SchemaRefusedException;
import io.pactport.migration.takeover.PreFlight;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The dry run of {@code migrate}: what it would apply, the data's row counts and integrity, how long it would take. */
@Command(
        name = "plan",
        description = "Show what migrate would do and check the data first; changes nothing."
                + " Exit code 3 when something would stop the migration.")
public class PlanCommand implements Callable<Integer> {

    private final Supplier<DataSource> dataSource;

    @Spec
    CommandSpec spec;

    public PlanCommand(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PreFlight.Report report;
        try {
            report = new PreFlight(dataSource.get()).run();
        } catch (SchemaRefusedException e) {
            err.println(e.getMessage());
            err.flush();
            return MigrateCommand.REFUSED;
        }
        out.println("database: " + report.state().describe());
        out.println(
                report.actions().isEmpty()
                        ? "migrate would change nothing: the database is up to date"
                        : "migrate would:");
        for (int i = 0; i < report.actions().size(); i++) {
            out.printf("  %2d. %s%n", i + 1, report.actions().get(i));
        }
        if (!report.rowCounts().isEmpty()) {
            out.println("rows per Pact Broker table:");
            int width = report.rowCounts().keySet().stream()
                    .mapToInt(String::length)
                    .max()
                    .orElse(0);
            for (Map.Entry<String, Long> table : report.rowCounts().entrySet()) {
                out.printf("  %-" + width + "s %,12d%n", table.getKey(), table.getValue());
            }
        }
        out.println(report.findings().isEmpty() ? "checks: no problems found" : "checks:");
        report.findings().forEach(finding -> out.println("  " + finding.describe()));
        out.println("estimated duration: "
                + Math.max(1, Math.round(report.estimate().toMillis() / 1000.0)) + " s");
        out.flush();
        if (report.blocked()) {
            err.println("migrate would stop:");
            report.findings().stream()
                    .filter(f -> f.severity() == PreFlight.Severity.BLOCKER)
                    .forEach(f -> err.println("  " + f.check() + ": " + f.detail()));
            err.flush();
            return MigrateCommand.REFUSED;
        }
        return 0;
    }
}
