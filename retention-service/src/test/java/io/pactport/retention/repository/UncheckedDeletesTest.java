package io.pactport.retention.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.ForeignKeys;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Versions deleted without PostgreSQL's foreign-key triggers (the tests' database user is a superuser, so every clean
 * test runs that way): everything the triggers would have deleted or set to null is, no row is left referring to a
 * missing one, and a foreign key the clean does not know about brings the triggers back.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class UncheckedDeletesTest {

    @Inject
    RetentionFixture db;

    @Inject
    CleanRepository repository;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    @Test
    void whatTheTriggersDidIsDoneAndNothingIsLeftDangling() throws SQLException {
        assertThat(repository.whyNotUnchecked(db.connection())).isEmpty();
        db.environment("production");
        long webhook = db.webhook();
        long previous = 0;
        long publication = 0;
        List<Long> verifications = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            long consumer = db.version("Foo", "f" + i, 100 - i);
            long provider = db.version("Bar", "b" + i, 100 - i);
            db.tag(consumer, "dev").branch(consumer, i % 2 == 0 ? "main" : "feat");
            publication = db.pact(consumer, "Bar", "content " + i, 100 - i);
            long verification = db.verification(db.pactVersionOf(publication), provider, true, 100 - i);
            verifications.add(verification);
            db.triggeredWebhook(webhook, publication, verification, 100 - i);
            if (previous != 0) {
                db.undeploy(previous);
            }
            previous = db.deploy(provider, "production");
        }

        // rows about the content that stays, each naming one of the verifications
        for (int i = 0; i < verifications.size(); i++) {
            db.update("""
                    INSERT INTO pact_version_provider_tag_successful_verifications (pact_version_id,
                      provider_version_tag_name, wip, verification_id, execution_date)
                    VALUES (?, ?, false, ?, now())""", db.pactVersionOf(publication), "t" + i, verifications.get(i));
        }

        RetentionRun run = db.run("[{\"latest\":true}]", 100);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(db.versions("Foo")).containsExactly("f6");
        assertThat(db.versions("Bar")).containsExactly("b6");
        assertThat(ForeignKeys.dangling(db.connection())).isEmpty();
        // set to null as the foreign key says, not deleted
        assertThat(db.single("SELECT count(*) FROM pact_version_provider_tag_successful_verifications"
                        + " WHERE verification_id IS NULL"))
                .isEqualTo(5);
        assertThat(db.count("triggered_webhooks")).isEqualTo(1);
        assertThat(db.count("webhook_executions")).isEqualTo(1);
        // the feature branch lost its versions, the main branch's head moved to the newest one left
        assertThat(db.single("SELECT count(*) FROM branch_heads")).isEqualTo(1);
    }

    @Test
    void aForeignKeyTheCleanDoesNotKnowBringsTheTriggersBack() throws SQLException {
        db.update("CREATE TABLE audit_references (version_id integer REFERENCES versions (id))");
        try {
            long old = db.version("Foo", "1", 100);
            db.version("Foo", "2", 1);
            db.update("INSERT INTO audit_references VALUES (?)", old);

            assertThat(repository.whyNotUnchecked(db.connection()))
                    .get()
                    .asString()
                    .contains("audit_references.version_id -> versions");
            RetentionRun run = db.run("[{\"latest\":true}]", 100);

            // the unknown reference stopped the delete instead of being left dangling
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.message()).contains("audit_references");
            assertThat(db.versions("Foo")).containsExactly("1", "2");
            assertThat(ForeignKeys.dangling(db.connection())).isEmpty();
        } finally {
            db.update("DROP TABLE audit_references");
        }
    }
}
