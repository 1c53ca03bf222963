package io.pactport.api.verifications;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Told of every verification result inside its own transaction, so that what it sets off (the webhooks feature
 * schedules its webhooks) is committed, or lost, with the result.
 */
public interface VerificationListener {

    Uni<Void> verificationPublished(SqlClient tx, long verificationId);
}
