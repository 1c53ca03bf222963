package io.pactport.core.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pg_dump -s} of a database the Ruby Pact Broker 2.120 migrated, kept outside the repository in the
 * shared compat directory. Loads it over JDBC, so the tests need no psql binary.
 */
final class ReferenceDump {

    static final String FILE_NAME = "pact_broker_2.120_schema.sql";

    private ReferenceDump() {}

    /**
     * Where the dump should be: {@code -Dpactport.compat.dir} (surefire sets it), else {@code ../shared/compat}
     * next to the repository root, found by walking up from the working directory.
     */
    static Path location() {
        String configured = System.getProperty("pactport.compat.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize().resolve(FILE_NAME);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("broker-core"))) {
                return candidate.resolve("../shared/compat").normalize().resolve(FILE_NAME);
            }
        }
        return dir.resolve("../shared/compat").normalize().resolve(FILE_NAME);
    }

    static Optional<Path> find() {
        Path dump = location();
        return Files.isRegularFile(dump) ? Optional.of(dump) : Optional.empty();
    }

    /** Runs the dump's statements against an empty database. */
    static void load(Path dump, Connection connection) throws IOException, SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(Files.readString(dump, StandardCharsets.UTF_8))) {
                statement.execute(sql);
            }
            // the dump empties search_path for its own session; later statements on this connection should
            // see the schema the way the application does
            statement.execute("RESET search_path");
        }
    }

    /**
     * The dump's SQL statements without psql meta-commands ({@code \restrict} and friends), comments and
     * ownership changes (the test server's roles need not match the one the dump was taken from). pg_dump ends
     * every statement with a semicolon at the end of a line, and the Pact Broker schema has no function bodies,
     * so splitting there is enough.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.startsWith("\\") || line.startsWith("--") || (current.isEmpty() && line.isBlank())) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                if (!sql.matches("(?s)ALTER \\w+ .* OWNER TO .*")) {
                    statements.add(sql);
                }
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("dump ends inside a statement: " + current);
        }
        return statements;
    }
}
