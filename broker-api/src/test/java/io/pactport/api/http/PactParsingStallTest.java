package io.pactport.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A valid 9.9 MB pact of 3.3 million empty interactions used to be parsed on an event loop for 16 to 27 seconds and
 * take a gigabyte of heap. Now it is refused with 413 before any tree is built, by a check that runs on the parsing
 * threads, and the heartbeat keeps answering while several such pacts arrive at once. The bound on each heartbeat is
 * loose on purpose (a stalled event loop made it wait for seconds; a loaded test machine adds tens of milliseconds):
 * this proves the event loop stays free, not a latency, which the benchmarks measure.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactParsingStallTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void hostilePactsAreRefusedWhileTheHeartbeatKeepsAnswering() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        byte[] hostile = pact("C", "P", "{}", 3_300_000);
        assertThat(hostile.length).isGreaterThan(9_900_000);
        heartbeat(client);

        AtomicBoolean uploading = new AtomicBoolean(true);
        CompletableFuture<List<Long>> latencies = CompletableFuture.supplyAsync(() -> {
            List<Long> millis = new ArrayList<>();
            while (uploading.get()) {
                long start = System.nanoTime();
                heartbeat(client);
                millis.add((System.nanoTime() - start) / 1_000_000);
                pause();
            }
            return millis;
        });
        Thread.sleep(200);
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uploads.add(client.sendAsync(
                    put("/pacts/provider/P/consumer/C/version/" + i, hostile), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).get();
        uploading.set(false);

        for (CompletableFuture<HttpResponse<String>> upload : uploads) {
            assertThat(upload.get().statusCode()).isEqualTo(413);
            assertThat(upload.get().body()).contains("more than 100000 interactions");
        }
        assertThat(latencies.get())
                .hasSizeGreaterThan(2)
                .allSatisfy(millis -> assertThat(millis).isLessThan(1000));
    }

    private static byte[] pact(String consumer, String provider, String interaction, int count) {
        StringBuilder pact = new StringBuilder("{\"consumer\":{\"name\":\"" + consumer + "\"},\"provider\":{\"name\":\""
                + provider + "\"},\"interactions\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                pact.append(',');
            }
            pact.append(interaction.replace("%d", Integer.toString(i)));
        }
        return pact.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest put(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private void heartbeat(HttpClient client) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base.toString()).resolve("/diagnostic/status/heartbeat"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
