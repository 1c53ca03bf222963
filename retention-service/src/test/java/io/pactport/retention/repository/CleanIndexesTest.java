package io.pactport.retention.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every foreign key to a table the clean deletes from is checked (or cascaded) per deleted row by a lookup on the
 * referencing column; without an index on it each lookup scans the referencing table and a batch goes quadratic.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CleanIndexesTest {

    /** Foreign keys whose columns are not the leading columns of some index on the referencing table. */
    private static final String UNINDEXED = """
            SELECT c.conrelid::regclass || '(' || (SELECT string_agg(a.attname, ',') FROM unnest(c.conkey) k(n)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) || ') -> ' || c.confrelid::regclass
            FROM pg_constraint c
            WHERE c.contype = 'f'
              AND c.confrelid::regclass::text IN ('versions', 'pact_publications', 'pact_versions', 'verifications',
                                                  'triggered_webhooks', 'branches')
              AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid
                              AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                              AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
            ORDER BY 1
            """;

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    @Test
    void everyForeignKeyIntoTheCleanedTablesIsIndexed() throws SQLException {
        List<String> unindexed = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
                ResultSet rs = s.executeQuery(UNINDEXED)) {
            while (rs.next()) {
                unindexed.add(rs.getString(1));
            }
        }
        assertThat(unindexed).isEmpty();
    }
}
