package io.pactport.retention.service;

import static io.pactport.retention.RetentionFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.pactport.retention.RetentionFixture;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A clean runs while writers do what broker-api's publications, tags and deployments do, in transactions of the same
 * shape (find-or-create the version, then rows that refer to it), on the very versions the clean is deleting. Every
 * write that committed is still there afterwards (tags and deployments make an old version selected, publications
 * create new ones); a write that raced a delete failed (as a request would, with a 5xx the client retries) rather
 * than being lost after its commit.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ConcurrentWritesTest {

    private static final int OLD_VERSIONS = 300;

    TestDatabase database;

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    private record Write(String kind, String number, long id) {}

    @Test
    void nothingCommittedByAWriterIsLost() throws Exception {
        db.pacticipant("Bar");
        db.environment("production");
        db.manyVersions("Foo", "old-", OLD_VERSIONS, 200);

        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<Write> committed = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            futures.add(writers.submit(() -> {
                Random random = new Random(writer);
                int i = 0;
                try (Connection c = database.connect()) {
                    c.setAutoCommit(false);
                    while (!done.get()) {
                        // tags and deployments make old versions selected; publications make new versions
                        String number = writer == 2 || random.nextInt(4) == 0
                                ? "new-" + writer + "-" + i++
                                : "old-" + (1 + random.nextInt(OLD_VERSIONS));
                        try {
                            committed.add(write(c, writer, number));
                            c.commit();
                        } catch (SQLException e) {
                            c.rollback();
                            refused.incrementAndGet();
                        }
                        Thread.sleep(1);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(200);
        RetentionRun run = db.run(settings("[{\"tag\":\"prod\"},{\"latest\":true},{\"max_age\":30}]", 10_000)
                .withBatches(10, Duration.ofMillis(2), 1));
        done.set(true);
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.versionsDeleted()).isGreaterThan(OLD_VERSIONS / 4);
        assertThat(committed).hasSizeGreaterThan(30);
        for (Write write : committed) {
            assertThat(stillThere(write))
                    .as("committed %s of %s", write.kind(), write.number())
                    .isTrue();
        }
    }

    /** One request's transaction: the version found or created, then a tag, a deployment or a pact for it. */
    private Write write(Connection c, int writer, String number) throws SQLException {
        long version = findOrCreateVersion(c, number);
        switch (writer) {
            case 0 -> {
                execute(c, """
                        INSERT INTO tags (name, version_id, pacticipant_id, version_order, created_at, updated_at)
                        SELECT 'prod', v.id, v.pacticipant_id, v."order", now(), now() FROM versions v WHERE v.id = ?
                        ON CONFLICT DO NOTHING
                        """, version);
                return new Write("tag", number, version);
            }
            case 1 -> {
                long deployed = single(c, """
                        INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, created_at,
                          updated_at, target_for_index)
                        SELECT ?, v.id, v.pacticipant_id, e.id, now(), now(), ? FROM versions v, environments e
                        WHERE v.id = ? AND e.name = 'production' RETURNING id
                        """, UUID.randomUUID().toString(), number, version);
                execute(c, """
                        INSERT INTO currently_deployed_version_ids (target_for_index, pacticipant_id, environment_id,
                          version_id, deployed_version_id)
                        SELECT dv.target_for_index, dv.pacticipant_id, dv.environment_id, dv.version_id, dv.id
                        FROM deployed_versions dv WHERE dv.id = ?
                        ON CONFLICT (pacticipant_id, environment_id, target_for_index) DO UPDATE
                          SET version_id = excluded.version_id, deployed_version_id = excluded.deployed_version_id
                        """, deployed);
                return new Write("deployment", number, deployed);
            }
            default -> {
                long content = single(c, """
                        INSERT INTO pact_versions (consumer_id, provider_id, sha, content, created_at)
                        SELECT v.pacticipant_id, (SELECT id FROM pacticipants WHERE name = 'Bar'), md5(?), '{}', now()
                        FROM versions v WHERE v.id = ?
                        ON CONFLICT (consumer_id, provider_id, sha) DO UPDATE SET sha = excluded.sha RETURNING id
                        """, number, version);
                long publication = single(c, """
                        INSERT INTO pact_publications (consumer_version_id, provider_id, revision_number,
                          pact_version_id, created_at, consumer_id, consumer_version_order)
                        SELECT v.id, pv.provider_id, 1, pv.id, now(), v.pacticipant_id, v."order"
                        FROM versions v, pact_versions pv WHERE v.id = ? AND pv.id = ?
                        ON CONFLICT DO NOTHING RETURNING id
                        """, version, content);
                return new Write("pact", number, publication);
            }
        }
    }

    private boolean stillThere(Write write) throws SQLException {
        return switch (write.kind()) {
            case "tag" -> db.single("""
                    SELECT count(*) FROM tags t JOIN versions v ON v.id = t.version_id
                    WHERE v.number = ? AND t.name = 'prod'""", write.number()) == 1;
            case "deployment" -> db.exists("deployed_versions", write.id());
            default -> db.exists("pact_publications", write.id());
        };
    }

    private static long findOrCreateVersion(Connection c, String number) throws SQLException {
        execute(c, """
                INSERT INTO versions (number, pacticipant_id, "order", created_at, updated_at)
                SELECT ?, id, nextval('version_order_sequence'), now(), now() FROM pacticipants WHERE name = 'Foo'
                ON CONFLICT (pacticipant_id, number) DO NOTHING
                """, number);
        return single(
                c,
                "SELECT v.id FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id"
                        + " WHERE p.name = 'Foo' AND v.number = ?",
                number);
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no row: the version went meanwhile");
                }
                return rs.getLong(1);
            }
        }
    }
}
