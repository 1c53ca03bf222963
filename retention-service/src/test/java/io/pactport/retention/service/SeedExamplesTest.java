package io.pactport.retention.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every example of the seed document ("Automatic data clean up"), on one small dataset, one by one. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class SeedExamplesTest {

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    /** Foo 1..5 and Bar 1..3, oldest first, with their tags and ages in days. */
    private void dataset() throws SQLException {
        db.tag(db.version("Foo", "1", 60), "main");
        db.tag(db.version("Foo", "2", 40), "production");
        db.tag(db.version("Foo", "3", 20), "main");
        db.tag(db.version("Foo", "4", 10), "feat");
        db.version("Foo", "5", 5);
        db.tag(db.version("Bar", "1", 50), "main");
        db.tag(db.version("Bar", "2", 20), "production");
        db.tag(db.version("Bar", "3", 2), "main");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // main-tagged versions younger than 30 days
                "[{\"max_age\":30,\"tag\":\"main\"}]   | Foo 3, Bar 3",
                // the latest version of each tag of each pacticipant
                "[{\"latest\":true,\"tag\":true}]      | Foo 2, Foo 3, Foo 4, Bar 2, Bar 3",
                // every version younger than 30 days
                "[{\"max_age\":30}]                    | Foo 3, Foo 4, Foo 5, Bar 2, Bar 3",
                // every version of Foo
                "[{\"pacticipant\":\"Foo\"}]           | Foo 1, Foo 2, Foo 3, Foo 4, Foo 5",
                // the latest version of each pacticipant
                "[{\"latest\":true}]                   | Foo 5, Bar 3",
                // Foo's main-tagged versions
                "[{\"pacticipant\":\"Foo\",\"tag\":\"main\"}] | Foo 1, Foo 3",
                // every production-tagged version
                "[{\"tag\":\"production\"}]            | Foo 2, Bar 2",
                // OR of several
                "[{\"pacticipant\":\"Foo\",\"tag\":\"main\"},{\"tag\":\"production\"},{\"latest\":true}] | Foo 1, Foo 2, Foo 3, Foo 5, Bar 2, Bar 3"
            })
    void keepsExactlyWhatTheExampleSays(String selectors, String kept) throws SQLException {
        dataset();
        db.run(selectors, 1000);
        List<String> left = new ArrayList<>();
        db.versions("Foo").forEach(n -> left.add("Foo " + n));
        db.versions("Bar").forEach(n -> left.add("Bar " + n));
        assertThat(left).containsExactlyInAnyOrder(kept.split(", "));
    }
}
