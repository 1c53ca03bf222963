package io.pactport.api.environments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentDisplayNameTest {

    /** The Pact Broker's own cases for its generated display names. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            value = {
                "foo|Foo",
                "MyService|My Service",
                "my-service|My Service",
                "my_service|My Service",
                "my service|My Service",
                "ABCService|ABC Service",
                "A4Service|A4 Service",
                "SNSPactEventConsumer|SNS Pact Event Consumer",
                "AWSSummiteerWeb|AWS Summiteer Web",
                "Beer-Consumer|Beer Consumer",
                "foo.pretend-consumer|Foo Pretend Consumer",
                "Client-XX|Client XX",
                "providerJSWorkshop|Provider JS Workshop",
                "e2e Provider Example|E2e Provider Example",
                "MP - Our Provider|MP - Our Provider",
                "PoC - Pact-broker-consumer|PoC - Pact Broker Consumer",
                "QB-DATABASE Service|QB DATABASE Service",
                "Support Species App (Provider)|Support Species App (Provider)",
                "pre-prod|Pre Prod",
                "9|9",
                "''|''"
            })
    void generatesTheDisplayNameThePactBrokerWould(String name, String expected) {
        assertThat(EnvironmentDisplayName.of(name)).isEqualTo(expected);
    }

    @Test
    void noNameHasNoDisplayName() {
        assertThat(EnvironmentDisplayName.of(null)).isNull();
    }
}
