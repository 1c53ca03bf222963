package io.pactport.retention;

import static io.pactport.core.testing.AuthContract.Endpoint.read;
import static io.pactport.core.testing.AuthContract.Endpoint.write;

import io.pactport.core.testing.AuthContract;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;

/** Previewing and starting cleans need write credentials, the run history read ones, as in broker-api. */
@QuarkusTest
@TestProfile(AuthContract.Locked.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AuthTest extends AuthContract {

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                write("POST", "/retention/preview"),
                write("POST", "/retention/runs"),
                read("GET", "/retention/runs"),
                read("GET", "/retention/runs/1"),
                read("GET", "/no-such-route"),
                write("DELETE", "/retention/runs"));
    }
}
