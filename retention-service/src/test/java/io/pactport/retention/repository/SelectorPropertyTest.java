package io.pactport.retention.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.ForeignKeys;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.retention.RetentionFixture;
import io.pactport.retention.model.RetentionRun;
import io.pactport.retention.model.RunStatus;
import io.pactport.retention.selectors.CleanSettings;
import io.pactport.retention.selectors.KeepSelector;
import io.pactport.retention.selectors.KeepSelectors;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On many random datasets with random selector sets: the SQL selects exactly what the Pact Broker's semantics select
 * ({@link SelectorOracle}); no run deletes a version selected when it started; and repeated runs with a small limit
 * end with exactly the selected versions left.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class SelectorPropertyTest {

    /** More with {@code -Dpactport.property.datasets=500}. */
    private static final int DATASETS = Integer.getInteger("pactport.property.datasets", 20);

    private static final List<String> PACTICIPANTS = List.of("Foo", "Bar", "Baz");
    private static final List<String> TAGS = List.of("main", "prod", "dev", "feat");
    private static final List<String> BRANCHES = List.of("main", "develop", "feat/a", "feat/b");
    private static final List<String> ENVIRONMENTS = List.of("production", "test");

    @Inject
    RetentionFixture db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.wipe();
    }

    @Test
    void selectedVersionsSurviveAndUnselectedOnesGo() throws SQLException {
        long seed = Long.getLong("pactport.property.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int dataset = 0; dataset < DATASETS; dataset++) {
            db.wipe();
            seed(random);
            List<KeepSelector> selectors = randomSelectors(random);
            String context = "seed " + seed + ", dataset " + dataset + ", selectors " + selectors;
            List<KeepSelector> all = KeepSelectors.withAlwaysKept(selectors).selectors();
            LocalDateTime today =
                    LocalDateTime.now(ZoneOffset.UTC).toLocalDate().atStartOfDay();

            SelectorOracle before = SelectorOracle.load(db.connection());
            for (KeepSelector selector : all) {
                assertThat(sqlSelects(KeepSelectorSql.of(selector, "v", today)))
                        .as(context + ": " + selector)
                        .isEqualTo(before.keep(selector, today));
            }

            CleanSettings settings = CleanSettings.defaults()
                    .withKeepVersionSelectors(selectors)
                    .withDeletionLimit(2 + random.nextInt(8))
                    .withBatches(1 + random.nextInt(3), Duration.ZERO, 0);
            for (int runs = 0; runs < 100; runs++) {
                SelectorOracle now = SelectorOracle.load(db.connection());
                Set<Long> selected = now.keep(all, today);
                RetentionRun run = db.run(settings);
                assertThat(run.status()).as(context).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(db.versionIds())
                        .as(context + ": a run deleted a selected version")
                        .containsAll(selected);
                if (run.versionsDeleted() == 0) {
                    break;
                }
            }
            SelectorOracle after = SelectorOracle.load(db.connection());
            assertThat(after.ids()).as(context + ": unselected versions left").isEqualTo(after.keep(all, today));
            assertThat(after.ids()).as(context).containsAll(before.keep(all, today));
            assertThat(ForeignKeys.dangling(db.connection())).as(context).isEmpty();
        }
    }

    private Set<Long> sqlSelects(SqlFragment predicate) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (PreparedStatement s =
                db.connection().prepareStatement("SELECT v.id FROM versions v WHERE " + predicate.sql())) {
            predicate.bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private void seed(Random random) throws SQLException {
        for (String pacticipant : PACTICIPANTS) {
            if (random.nextInt(3) > 0) {
                db.mainBranch(pacticipant, pick(random, BRANCHES));
            }
            int count = 3 + random.nextInt(8);
            List<Long> ages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ages.add((long) random.nextInt(120));
            }
            ages.sort((a, b) -> Long.compare(b, a));
            for (int i = 0; i < count; i++) {
                long v = db.version(pacticipant, Integer.toString(i), ages.get(i) + random.nextDouble());
                if (random.nextInt(3) == 0) {
                    db.tag(v, pick(random, TAGS));
                }
                if (random.nextInt(5) == 0) {
                    db.tag(v, pick(random, TAGS).toUpperCase());
                }
                if (random.nextInt(3) > 0) {
                    db.branch(v, pick(random, BRANCHES));
                }
                if (random.nextInt(4) == 0) {
                    long pact = db.pact(
                            v,
                            pick(random, PACTICIPANTS) + "Provider",
                            "{\"n\":" + random.nextInt(4) + "}",
                            ages.get(i));
                    if (random.nextBoolean()) {
                        db.verification(db.pactVersionOf(pact), v, random.nextBoolean(), ages.get(i));
                    }
                }
                if (random.nextInt(8) == 0) {
                    long deployed = db.deploy(v, pick(random, ENVIRONMENTS));
                    if (random.nextInt(3) == 0) {
                        db.undeploy(deployed);
                    }
                }
                if (random.nextInt(10) == 0) {
                    long released = db.release(v, pick(random, ENVIRONMENTS));
                    if (random.nextBoolean()) {
                        db.endSupport(released);
                    }
                }
            }
        }
    }

    private static List<KeepSelector> randomSelectors(Random random) {
        List<KeepSelector> selectors = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        while (selectors.size() < count) {
            KeepSelector s = KeepSelector.NONE;
            if (random.nextInt(4) == 0) {
                s = s.withPacticipant(random.nextInt(5) == 0 ? "Nobody" : pick(random, PACTICIPANTS));
            }
            if (random.nextInt(4) == 0) {
                s = s.withTag(
                        random.nextBoolean() ? KeepSelector.Name.any() : KeepSelector.Name.of(pick(random, TAGS)));
            }
            if (random.nextInt(4) == 0) {
                s = s.withBranch(
                        random.nextBoolean() ? KeepSelector.Name.any() : KeepSelector.Name.of(pick(random, BRANCHES)));
            }
            if (random.nextInt(6) == 0) {
                s = s.withMainBranch(true);
            }
            if (random.nextInt(8) == 0) {
                s = s.withEnvironment(pick(random, ENVIRONMENTS));
            }
            if (random.nextInt(10) == 0) {
                s = s.withDeployed(true);
            }
            if (random.nextInt(10) == 0) {
                s = s.withReleased(true);
            }
            if (random.nextInt(3) == 0) {
                s = s.withLatest(true);
            } else if (random.nextInt(3) == 0) {
                s = s.withMaxAge(random.nextInt(100));
            }
            if (!s.isEmpty()) {
                selectors.add(s);
            }
        }
        return selectors;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
