package io.pactport.api.environments;

import static io.pactport.api.ApiFixture.count;
import static io.pactport.api.ApiFixture.environment;
import static io.pactport.api.ApiFixture.events;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.versionRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.pacticipants.PacticipantRepository;
import io.pactport.api.versions.Version;
import io.pactport.api.versions.VersionRepository;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tag rule other writes call: a tag named like an environment records a deployment there. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DeploymentServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    TestDatabase database;

    @Inject
    DeploymentService deployments;

    @Inject
    PacticipantRepository pacticipants;

    @Inject
    VersionRepository versions;

    @Inject
    Pool pool;

    @Test
    void aTagNamedLikeAnEnvironmentRecordsAnAutoCreatedDeployment() {
        String environment = unique("staging");
        environment(environment, false);
        String pacticipant = unique("Foo");
        versionRow(database, pacticipant, "1");

        Optional<DeploymentService.Deployed> deployed = pool.withTransaction(tx -> version(tx, pacticipant, "1")
                        .flatMap(version -> deployments.recordAutoDeploymentForTag(tx, version, environment)))
                .await()
                .atMost(WAIT);

        assertThat(deployed.isPresent()).isTrue();
        assertThat(deployed.get().deployedVersion().autoCreated()).isTrue();
        assertThat(deployed.get().deployedVersion().currentlyDeployed()).isTrue();
        assertThat(text(
                        database,
                        "SELECT auto_created FROM deployed_versions WHERE uuid = ?",
                        deployed.get().deployedVersion().uuid()))
                .isEqualTo("t");
        assertThat(count(
                        database,
                        "SELECT count(*) FROM currently_deployed_version_ids WHERE"
                                + " deployed_version_id = (SELECT id FROM deployed_versions WHERE uuid = ?)",
                        deployed.get().deployedVersion().uuid()))
                .isEqualTo(1);
        assertThat(events(database, pacticipant)).isEqualTo(List.of("io.pactport.deployment.recorded.v1"));
        assertThat(text(
                        database,
                        "SELECT payload ->> 'autoCreated' FROM pactport_outbox" + " WHERE event_key = ?",
                        pacticipant))
                .isEqualTo("true");
    }

    @Test
    void aTagNamedLikeNoEnvironmentRecordsNothing() {
        String pacticipant = unique("Foo");
        versionRow(database, pacticipant, "1");

        Optional<DeploymentService.Deployed> deployed = pool.withTransaction(tx -> version(tx, pacticipant, "1")
                        .flatMap(version -> deployments.recordAutoDeploymentForTag(tx, version, "feature-x")))
                .await()
                .atMost(WAIT);

        assertThat(deployed.isEmpty()).isTrue();
        assertThat(count(
                        database,
                        "SELECT count(*) FROM deployed_versions dv JOIN pacticipants p"
                                + " ON p.id = dv.pacticipant_id WHERE p.name = ?",
                        pacticipant))
                .isEqualTo(0);
        assertThat(events(database, pacticipant)).isEqualTo(List.of());
    }

    @Test
    void taggingAgainKeepsTheOneDeployment() {
        String environment = unique("qa");
        environment(environment, false);
        String pacticipant = unique("Foo");
        versionRow(database, pacticipant, "1");

        String first =
                tag(pacticipant, environment).orElseThrow().deployedVersion().uuid();
        String second =
                tag(pacticipant, environment).orElseThrow().deployedVersion().uuid();

        assertThat(second).isEqualTo(first);
        assertThat(count(database, "SELECT count(*) FROM deployed_versions WHERE uuid = ?", first))
                .isEqualTo(1);
        assertThat(events(database, pacticipant)).isEqualTo(List.of("io.pactport.deployment.recorded.v1"));
    }

    private Optional<DeploymentService.Deployed> tag(String pacticipant, String tag) {
        return pool.withTransaction(tx -> version(tx, pacticipant, "1")
                        .flatMap(version -> deployments.recordAutoDeploymentForTag(tx, version, tag)))
                .await()
                .atMost(WAIT);
    }

    private io.smallrye.mutiny.Uni<Version> version(
            io.vertx.mutiny.sqlclient.SqlClient tx, String pacticipant, String number) {
        return pacticipants
                .findByName(tx, pacticipant)
                .flatMap(p -> versions.find(tx, p.orElseThrow().id(), number))
                .map(Optional::orElseThrow);
    }
}
