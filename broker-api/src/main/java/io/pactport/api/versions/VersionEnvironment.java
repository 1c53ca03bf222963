package io.pactport.api.versions;

import io.vertx.mutiny.sqlclient.Row;

/** An environment as a version's links name it: where the version could be recorded as deployed or released. */
public record VersionEnvironment(String uuid, String name, String displayName) {

    public static VersionEnvironment from(Row row) {
        String name = row.getString("name");
        String displayName = row.getString("display_name");
        return new VersionEnvironment(row.getString("uuid"), name, displayName == null ? name : displayName);
    }
}
