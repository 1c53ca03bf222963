package io.pactport.api.matrix;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Histogram buckets for the deployment decisions' HTTP meters (can-i-deploy in its three forms and the matrix), so that
 * Prometheus can compute their p50/p99 ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}):
 * a CI pipeline waits on these answers, and the alert on their p99 is at 100 ms. Only these routes get buckets: a
 * histogram on every route would multiply the series by the bucket count for numbers nobody alerts on.
 */
@Singleton
public class DecisionLatencyBuckets {

    /** Bucket bounds, dense around the 100 ms alert threshold. */
    static final Duration[] BOUNDS = Stream.of(5, 10, 25, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    private static final double[] BOUND_NANOS =
            Stream.of(BOUNDS).mapToDouble(Duration::toNanos).toArray();

    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter decisionLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName()) || !isDecision(id.getTag("uri"))) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BOUND_NANOS)
                        .build()
                        .merge(config);
            }
        };
    }

    /** A route template that answers whether a version may be deployed; its badges are pictures of the same answer. */
    static boolean isDecision(String uri) {
        return uri != null
                && !uri.endsWith("/badge")
                && (uri.equals("/can-i-deploy") || uri.contains("/can-i-deploy/") || uri.startsWith("/matrix"));
    }
}
