package io.pactport.api.versions;

import static io.pactport.api.ApiFixture.getJson;
import static io.pactport.api.ApiFixture.pact;
import static io.pactport.api.ApiFixture.putPact;
import static io.pactport.api.ApiFixture.unique;
import static io.pactport.api.ApiFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Versions ordered by creation, the Pact Broker's default (by number: {@link VersionOrderByNumberTest}). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class VersionOrderTest {

    @Test
    void theLatestVersionIsTheLastCreatedAndAnyNumberIsAVersion() {
        String p = unique("Condor");
        version(p, "2.0.0");
        version(p, "1.0.0");
        String provider = unique("Pricing");
        putPact(p, provider, "42", pact(p, provider, "a request")).statusCode(201);

        assertThat(getJson("/pacticipants/{p}/versions", p).getList("_embedded.versions.number"))
                .containsExactly("42", "1.0.0", "2.0.0");
    }
}
