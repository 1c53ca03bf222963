package io.pactport.api.versions;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Told of every PUT of a tag through the tag resource, a tag the version had already included, inside its transaction:
 * the environments feature records a deployment when the tag names an environment (the Pact Broker's
 * {@code create_deployed_versions_for_tags}). Versions know nothing of deployments beyond this.
 */
public interface TagListener {

    Uni<Void> tagPut(SqlClient tx, Version version, String tag);
}
