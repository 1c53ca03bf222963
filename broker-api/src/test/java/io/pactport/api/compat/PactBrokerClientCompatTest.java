package io.pactport.api.compat;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.hc.core5.http.HttpRequest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * broker-api against the official pact_broker-client consumer pacts ({@code ../shared/compat/pacts}), verified with
 * pact-jvm as a provider, every one of their interactions, each provider state seeded as real rows (the matrix and
 * webhook states in their own classes); without the compat folder the whole class is skipped and says so.
 */
@QuarkusTest
@TestProfile(PactBrokerClientCompatTest.ExampleOrgBaseUrl.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@Provider("Pact Broker")
@PactFolder(CompatPacts.FOLDER)
class PactBrokerClientCompatTest {

    /** The consumer tests expect some links verbatim, built on the base URL the Pact Broker's own test run uses. */
    public static class ExampleOrgBaseUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pactflow.base-url", "http://example.org");
        }
    }

    private static final String FOO_VERSION = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30";
    private static final String TEST_ENVIRONMENT = "cb632df3-0a0d-4227-aac3-60114dd36479";

    TestDatabase database;

    @BeforeAll
    static void selectInteractions() {
        CompatPacts.writeSelected();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        context.setTarget(new HttpTestTarget("localhost", port));
        context.withStateChangeHandlers(new WebhookCompatStates(database), new MatrixCompatStates(database));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        // the consumer tests use placeholder paths for URLs they would get from links; map them to the real ones
        request.setPath(CompatPacts.realPath(request.getPath()));
        context.verifyInteraction();
    }

    private CompatData data() {
        return CompatData.fresh(database);
    }

    private void seed(UnaryOperator<CompatData> steps) {
        try (CompatData data = data()) {
            steps.apply(data);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @State({
        "the pb:pacticipant-branch relation exists in the index resource",
        "the pb:latest-version relation exists in the index resource",
        "the pb:latest-tagged-version relation exists in the index resource",
        "the pacticipant relations are present",
        "the pb:publish-contracts relations exists in the index resource",
        "the pb:environments relation exists in the index resource",
        "the pb:pacticipant-version and pb:environments relations exist in the index resource",
        "the 'Pricing Service' does not exist in the pact-broker",
        "'Condor' does not exist in the pact-broker",
        "no pact between Condor and the Pricing Service exists"
    })
    void nothing() {
        seed(d -> d);
    }

    @State("'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3")
    void condorLatestTaggedProduction() {
        seed(d -> d.consumer("Condor").version("1.2.3").tag("production").version("2.0.0"));
    }

    @State("'Condor' exists in the pact-broker with the latest version 1.2.3")
    void condorLatestVersion() {
        seed(d -> d.consumer("Condor").version("1.0.0").version("1.2.3"));
    }

    @State("'Condor' exists in the pact-broker")
    void condorExists() {
        seed(d -> d.consumer("Condor").version("1.3.0"));
    }

    @State("'Condor' exists in the pact-broker with version 1.3.0, tagged with 'prod'")
    void condorTaggedProd() {
        seed(d -> d.pacticipant("Condor").version("1.3.0").tag("prod"));
    }

    @State("the 'Pricing Service' already exists in the pact-broker")
    void pricingServiceExists() {
        seed(d -> d.provider("Pricing Service")
                .repositoryUrl("git@git.realestate.com.au:business-systems/pricing-service")
                .providerVersion("1.3.0"));
    }

    @State({
        "a pact between Condor and the Pricing Service exists",
        "a latest pact between Condor and the Pricing Service exists",
        "the 'Pricing Service' and 'Condor' already exist in the pact-broker, and Condor already has a pact published"
                + " for version 1.3.0"
    })
    void pactExists() {
        seed(d -> d.consumer("Condor")
                .version("1.3.0")
                .provider("Pricing Service")
                .pact());
    }

    @State({
        "a pact between Condor and the Pricing Service exists for the production version of Condor",
        "tagged as prod pact between Condor and the Pricing Service exists"
    })
    void prodPactExists() {
        seed(d -> d.consumer("Condor")
                .version("1.3.0")
                .tag("prod")
                .provider("Pricing Service")
                .pact());
    }

    @State("a pacticipant with name Foo exists")
    void fooExists() {
        seed(d -> d.consumer("Foo"));
    }

    @State("a branch named main exists for pacticipant Foo")
    void fooMainBranch() {
        seed(d -> d.consumer("Foo").version("1").branch("main"));
    }

    @State("an environment exists")
    void anEnvironment() {
        seed(d -> d.environment("test"));
    }

    @State("an environment with name test exists")
    void testEnvironment() {
        seed(d -> d.environment("test"));
    }

    @State("an environment with name test and UUID 16926ef3-590f-4e3f-838e-719717aa88c9 exists")
    void testEnvironmentWithUuid() {
        seed(d -> d.environment("test", "16926ef3-590f-4e3f-838e-719717aa88c9", false));
    }

    @State({
        "version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment"
                + " available for deployment",
        "version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available"
                + " for release"
    })
    void fooVersionWithTestEnvironment() {
        seed(d -> d.consumer("Foo").version(FOO_VERSION).environment("test", TEST_ENVIRONMENT, false));
    }

    @State("version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with 2 environments that aren't"
            + " test available for deployment")
    void fooVersionWithOtherEnvironments() {
        seed(d -> d.consumer("Foo").version(FOO_VERSION).environment("prod").environment("dev"));
    }

    @State("an version is deployed to environment with UUID 16926ef3-590f-4e3f-838e-719717aa88c9 with target"
            + " customer-1")
    void deployedToCustomer1() {
        seed(d -> d.environment("test", "16926ef3-590f-4e3f-838e-719717aa88c9", false)
                .consumer("Foo")
                .version(FOO_VERSION)
                .deployed("ff3adecf-cfc5-4653-a4e3-f1861092f8e0", "customer-1"));
    }

    @State("a currently deployed version exists")
    void currentlyDeployed() {
        seed(d -> d.environment("test", TEST_ENVIRONMENT, false)
                .consumer("Foo")
                .version(FOO_VERSION)
                .deployed("ff3adecf-cfc5-4653-a4e3-f1861092f8e0", null));
    }
}
