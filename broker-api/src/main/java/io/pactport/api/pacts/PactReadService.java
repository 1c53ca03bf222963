package io.pactport.api.pacts;

import io.pactport.api.http.NotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading pacts: one query each, outside any transaction. */
@ApplicationScoped
public class PactReadService {

    private final Pool pool;
    private final PactRepository pacts;

    PactReadService(Pool pool, PactRepository pacts) {
        this.pool = pool;
        this.pacts = pacts;
    }

    public Uni<PactPublication> forConsumerVersion(String provider, String consumer, String version) {
        return pacts.findForConsumerVersion(pool, provider, consumer, version)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No pact found between " + consumer
                        + " version " + version + " and " + provider)));
    }

    public Uni<PactPublication> latest(String provider, String consumer) {
        return pacts.findLatest(pool, provider, consumer)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No pact found between " + consumer
                        + " and " + provider)));
    }

    public Uni<PactPublication> latestTagged(String provider, String consumer, String tag) {
        return pacts.findLatestTagged(pool, provider, consumer, tag)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No pact found between " + consumer
                        + " and " + provider + " for a consumer version tagged " + tag)));
    }

    public Uni<PactPublication> latestOnBranch(String provider, String consumer, String branch) {
        return pacts.findLatestOnBranch(pool, provider, consumer, branch)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No pact found between " + consumer
                        + " and " + provider + " for a consumer version on branch " + branch)));
    }

    /** The pact with this content; the metadata's consumer version ({@code cvn}) when it has this content. */
    public Uni<PactPublication> bySha(String provider, String consumer, String sha, String metadata) {
        Map<String, Object> decoded = MetadataCodec.decode(metadata);
        String preferred = decoded.get("cvn") instanceof String number ? number : null;
        return pacts.findBySha(pool, provider, consumer, sha, preferred)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No pact found between " + consumer
                        + " and " + provider + " with content " + sha)));
    }

    public Uni<List<PactPublication>> latestPerIntegration() {
        return pacts.latestPerIntegration(pool);
    }

    public Uni<List<PactPublication>> latestForProvider(String provider, Optional<String> tag) {
        return pacts.latestForProvider(pool, provider, tag);
    }

    public Uni<List<PactPublication>> allForProvider(String provider, Optional<String> tag) {
        return pacts.allForProvider(pool, provider, tag);
    }

    public Uni<List<PactPublication>> allForIntegration(String provider, String consumer) {
        return pacts.allForIntegration(pool, provider, consumer);
    }
}
