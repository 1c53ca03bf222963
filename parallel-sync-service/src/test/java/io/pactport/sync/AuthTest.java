package io.pactport.sync;

import static io.pactport.core.testing.AuthContract.Endpoint.read;
import static io.pactport.core.testing.AuthContract.Endpoint.write;

import io.pactport.core.testing.AuthContract;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;

/**
 * The sync writes to every old broker with its own credentials and shows their URLs and users: with authentication on,
 * nothing of it answers without broker-api's credentials.
 */
@QuarkusTest
@TestProfile(AuthContract.Locked.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AuthTest extends AuthContract {

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                read("GET", "/cutover"),
                write("POST", "/cutover/backfill"),
                read("GET", "/cutover/shadow"),
                write("POST", "/cutover/shadow"),
                read("GET", "/sync/targets"),
                write("POST", "/sync/dlq/redrive"),
                read("GET", "/no-such-route"),
                write("DELETE", "/sync/targets"));
    }
}
