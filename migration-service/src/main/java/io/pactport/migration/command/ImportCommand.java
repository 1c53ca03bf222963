package io.pactport.migration.command;

import io.pactport.core.remote.BrokerCopy;
import io.pactport.core.remote.BrokerCredentials;
import io.pactport.core.remote.BrokerReader;
import io.pactport.core.remote.BrokerWriter;
import io.pactport.core.remote.PactBrokerClient;
import io.pactport.core.remote.RemoteBrokerException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Copies another Pact Broker's data into this Pactport through both HTTP APIs (so every write goes through broker-api's
 * rules and emits its events): environments, pacticipants, production versions first, then every other version with
 * its branches, tags, pacts (exact content) and verification results, and the current deployments and releases.
 * Idempotent: a second run writes nothing; an interrupted run is finished by running it again. Needs no database.
 */
@Command(
        name = "import",
        description = "Copy another Pact Broker's data into this Pactport through its HTTP API"
                + " (credentials: PACTFLOW_IMPORT_FROM_USERNAME/_PASSWORD or _TOKEN; for Pactport"
                + " PACTFLOW_IMPORT_TO_USERNAME/_PASSWORD or _TOKEN, else PACTFLOW_BASIC_AUTH_USERNAME/_PASSWORD).")
public class ImportCommand implements Callable<Integer> {

    /** Exit code when the copy stopped part-way; running it again resumes it. */
    static final int INTERRUPTED = 1;
    /** Exit code for options that cannot be used. */
    static final int INVALID = 2;
    /** Exit code when everything was copied but what Pactport refused for good (pact content that differs, say). */
    static final int REFUSED = 3;

    @Option(names = "--from", required = true, paramLabel = "URL", description = "The Pact Broker to copy from.")
    String from;

    @Option(
            names = "--to",
            paramLabel = "URL",
            description = "This Pactport's broker-api (default: PACTFLOW_BASE_URL," + " else http://localhost:9292).")
    String to;

    @Option(
            names = "--production-only",
            description = "Copy only the production versions (deployed or released"
                    + " to a production environment, or latest with a production tag).")
    boolean productionOnly;

    @Option(
            names = "--production-tag",
            split = ",",
            paramLabel = "TAG",
            defaultValue = "production,prod",
            description = "Tags that mark production versions (default: production,prod).")
    List<String> productionTags;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Timeout of each HTTP request, in seconds (default 30).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    public ImportCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        String target = to != null ? to : environment.getOrDefault("PACTFLOW_BASE_URL", "http://localhost:9292");
        PactBrokerClient source;
        PactBrokerClient destination;
        try {
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            source = new PactBrokerClient(from, credentials("PACTFLOW_IMPORT_FROM_", null), timeout);
            destination =
                    new PactBrokerClient(target, credentials("PACTFLOW_IMPORT_TO_", "PACTFLOW_BASIC_AUTH_"), timeout);
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            err.flush();
            return INVALID;
        }
        if (source.baseUrl().equals(destination.baseUrl())) {
            err.println("import: --from and --to are the same broker (" + target + ")");
            err.flush();
            return INVALID;
        }
        out.println("importing " + source.baseUrl() + " into " + destination.baseUrl()
                + (productionOnly ? " (production versions only)" : ""));
        out.flush();
        BrokerCopy copy = new BrokerCopy(new BrokerReader(source), new BrokerWriter(destination));
        try {
            copy.all(productionOnly, productionTags, step -> {
                out.println("  " + step);
                out.flush();
            });
        } catch (RemoteBrokerException e) {
            out.println("written " + copy.tally().written() + ", already there "
                    + copy.tally().unchanged());
            out.flush();
            err.println("import stopped: " + e.getMessage());
            err.println("nothing is lost: run the same command again to finish it (what is there already is skipped)");
            err.flush();
            return INTERRUPTED;
        }
        out.println("done: written " + copy.tally().written() + ", already there "
                + copy.tally().unchanged() + ", refused "
                + copy.tally().refused().size());
        out.flush();
        if (!copy.tally().refused().isEmpty()) {
            copy.tally().refused().forEach(refusal -> err.println("refused: " + refusal));
            err.println("everything else is copied; what was refused will not change by running it again");
            err.flush();
            return REFUSED;
        }
        return 0;
    }

    private BrokerCredentials credentials(String prefix, String fallbackPrefix) {
        String token = environment.get(prefix + "TOKEN");
        if (token != null && !token.isBlank()) {
            return BrokerCredentials.bearer(token);
        }
        String user = environment.get(prefix + "USERNAME");
        if (user != null && !user.isBlank()) {
            return BrokerCredentials.basic(user, environment.getOrDefault(prefix + "PASSWORD", ""));
        }
        return fallbackPrefix == null ? BrokerCredentials.NONE : credentials(fallbackPrefix, null);
    }
}
