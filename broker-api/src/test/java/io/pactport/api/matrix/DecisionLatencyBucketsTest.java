package io.pactport.api.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecisionLatencyBucketsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    DecisionLatencyBucketsTest() {
        registry.config().meterFilter(new DecisionLatencyBuckets().decisionLatencyHistogram());
    }

    private Timer requests(String uri) {
        return Timer.builder("http.server.requests").tag("uri", uri).register(registry);
    }

    @Test
    void theDecisionRoutesHaveBucketsAroundTheHundredMillisecondThreshold() {
        for (String uri : new String[] {
            "/can-i-deploy",
            "/matrix",
            "/matrix/provider/{provider}/consumer/{consumer}",
            "/pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}",
            "/pacticipants/{pacticipant}/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}"
        }) {
            Timer timer = requests(uri);
            timer.record(Duration.ofMillis(80));
            assertThat(timer.takeSnapshot().histogramCounts())
                    .as(uri)
                    .hasSize(DecisionLatencyBuckets.BOUNDS.length)
                    .anySatisfy(bucket -> {
                        assertThat(bucket.bucket())
                                .isEqualTo(Duration.ofMillis(100).toNanos());
                        assertThat(bucket.count()).isEqualTo(1);
                    });
        }
    }

    @Test
    void otherRoutesAndTheBadgesKeepNoBuckets() {
        for (String uri : new String[] {
            "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerVersionNumber}",
            "/contracts/publish",
            "/pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}/badge",
            "UNKNOWN"
        }) {
            Timer timer = requests(uri);
            timer.record(Duration.ofMillis(80));
            assertThat(timer.takeSnapshot().histogramCounts()).as(uri).isEmpty();
        }
    }
}
