package io.pactport.api.resource;

import static io.pactport.api.resource.PactFixtures.count;
import static io.pactport.api.resource.PactFixtures.pact;
import static io.pactport.api.resource.PactFixtures.put;
import static io.pactport.api.resource.PactFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactport.core.pact.PactContent;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PactDangerousModificationTest.AllowModification.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PactDangerousModificationTest {

    /** PACTFLOW_ALLOW_DANGEROUS_CONTRACT_MODIFICATION=true. */
    public static class AllowModification implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pactflow.allow-dangerous-contract-modification", "true");
        }
    }

    TestDatabase database;

    @Test
    void changedContentBecomesTheNextRevisionAndTheLatest() {
        String consumer = unique("Condor");
        String provider = unique("Pricing");
        put(consumer, provider, "1.0.0", pact(consumer, provider, "a request")).statusCode(201);
        String changed = pact(consumer, provider, "another request");

        put(consumer, provider, "1.0.0", changed).statusCode(200)
                .body("interactions[0].description", equalTo("another request"))
                .body("_links.'pb:pact-version'.name", equalTo(PactContent.parse(changed).sha()));

        String where = " WHERE consumer_id = (SELECT id FROM pacticipants WHERE name = '" + consumer + "')";
        assertEquals(2, count(database, "SELECT count(*) FROM pact_publications" + where));
        assertEquals(2, count(database, "SELECT pp.revision_number FROM latest_pact_publication_ids_for_consumer_versions"
                + " lp JOIN pact_publications pp ON pp.id = lp.pact_publication_id WHERE lp.consumer_id ="
                + " (SELECT id FROM pacticipants WHERE name = '" + consumer + "')"));
    }
}
