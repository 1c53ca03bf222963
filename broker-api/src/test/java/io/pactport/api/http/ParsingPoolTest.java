package io.pactport.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Small bodies never wait for the pool, however busy it is with large ones; failures keep their own type. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ParsingPoolTest {

    @Inject
    ParsingPool pool;

    @Test
    void aSmallBodyIsHandledWhileEveryParsingThreadIsBusyWithALargeOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(ParsingPool.THREADS);
        try {
            for (int i = 0; i < ParsingPool.THREADS; i++) {
                pool.run(ParsingPool.INLINE_BYTES + 1, () -> {
                            busy.countDown();
                            return release.await(30, TimeUnit.SECONDS);
                        })
                        .subscribe()
                        .with(done -> {}, failure -> {});
            }
            assertThat(busy.await(10, TimeUnit.SECONDS))
                    .as("every parsing thread taken")
                    .isTrue();

            assertThat(pool.run(100, () -> "parsed").await().atMost(Duration.ofSeconds(5)))
                    .isEqualTo("parsed");
        } finally {
            release.countDown();
        }
    }

    @Test
    void whatTheWorkThrowsFailsTheUniAsItIs() {
        Throwable small = pool.run(10, () -> {
                    throw new IOException("not JSON");
                })
                .onItem()
                .transform(Throwable.class::cast)
                .onFailure()
                .recoverWithItem(f -> f)
                .await()
                .atMost(Duration.ofSeconds(5));
        Throwable large = pool.run(ParsingPool.INLINE_BYTES + 1, () -> {
                    throw new IOException("not JSON either");
                })
                .onItem()
                .transform(Throwable.class::cast)
                .onFailure()
                .recoverWithItem(f -> f)
                .await()
                .atMost(Duration.ofSeconds(5));
        assertThat(small).isInstanceOf(IOException.class).hasMessage("not JSON");
        assertThat(large).isInstanceOf(IOException.class).hasMessage("not JSON either");
    }
}
