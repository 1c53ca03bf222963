package io.pactport.core.events;

import java.util.List;

/** The Kafka topics Pactport's services talk over. The {@code .v1} suffix changes only with an incompatible format. */
public final class Topics {

    /** Pact publications and verification results, keyed {@code consumer/provider}. */
    public static final String CONTRACTS = "pactport.contracts.v1";
    /** Pacticipants, versions, branches, tags, environments, deployments, releases, keyed by pacticipant. */
    public static final String PACTICIPANTS = "pactport.pacticipants.v1";
    /** Webhook triggers, consumed by the webhook executor. */
    public static final String WEBHOOKS = "pactport.webhooks.v1";
    /** What the clean-up deleted. */
    public static final String RETENTION = "pactport.retention.v1";
    /** Events a sync target refused for good, with the target's answer. */
    public static final String SYNC_DLQ = "pactport.sync.dlq.v1";

    public static final List<String> ALL = List.of(CONTRACTS, PACTICIPANTS, WEBHOOKS, RETENTION, SYNC_DLQ);

    private Topics() {}
}
