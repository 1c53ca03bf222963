package io.pactport.core.schema;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Pactport's Flyway migrations, listed rather than scanned: classpath directory scanning does not work inside every
 * packaging (Quarkus' runner class loader lists no directories), and a list cannot silently lose a file. A test keeps
 * the list equal to the directory. Public for migration-service's plan ({@code io.pactport.migration.takeover}),
 * which names the migrations it would apply.
 */
public final class MigrationScripts implements ResourceProvider {

    static final String LOCATION = "db/migration/";
    public static final List<String> FILES = List.of(
            "V1__pact_broker_2_120_schema.sql",
            "V2__pactport_outbox.sql",
            "V3__pactport_migration_baseline.sql",
            "V4__pactport_retention_runs.sql",
            "V5__pactport_webhook_attempts.sql",
            "V8__pactport_retention_indexes.sql",
            "V9__pactport_released_versions_supported_index.sql",
            "V11__pactport_can_i_deploy_questions.sql",
            "V12__pactport_successful_verifications_index.sql",
            "V13__pactport_outbox_notify.sql",
            "V14__pactport_migration_verifications.sql");

    private final ClassLoader classLoader = MigrationScripts.class.getClassLoader();

    @Override
    public LoadableResource getResource(String name) {
        String file = name.startsWith(LOCATION) ? name.substring(LOCATION.length()) : name;
        return FILES.contains(file) ? new Script(file) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return FILES.stream()
                .filter(file ->
                        file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith))
                .<LoadableResource>map(Script::new)
                .toList();
    }

    private final class Script extends LoadableResource {
        private final String file;

        Script(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = classLoader.getResourceAsStream(LOCATION + file);
            if (in == null) {
                throw new IllegalStateException("migration " + LOCATION + file + " is missing from the classpath");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return LOCATION + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
