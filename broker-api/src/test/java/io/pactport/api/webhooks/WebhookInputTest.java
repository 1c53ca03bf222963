package io.pactport.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.errors.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookAllowList DEFAULTS = new WebhookAllowList(Optional.empty(), "https", "POST");

    private static WebhookInput parse(String json) throws Exception {
        return WebhookInput.parse(JSON.readTree(json), DEFAULTS);
    }

    private static Map<String, List<String>> errors(String json) {
        try {
            parse(json);
        } catch (InvalidRequestException e) {
            return e.errors();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected errors for " + json);
    }

    @Test
    void aValidWebhookKeepsItsBodyKindAndLowerCasesHeaderNames() throws Exception {
        WebhookInput input = parse("""
                {"consumer":{"name":"Foo"},"provider":{"label":"team"},"enabled":false,
                 "request":{"method":"post","url":"https://ci.org/${pactbroker.consumerName}",
                 "headers":{"Content-Type":"application/json"},"body":{"a":1}}}""");
        assertThat(input.consumer().name()).isEqualTo("Foo");
        assertThat(input.provider().label()).isEqualTo("team");
        assertThat(input.enabled()).isFalse();
        assertThat(input.events()).containsExactly("contract_content_changed");
        assertThat(input.request().jsonBody()).isTrue();
        assertThat(input.request().body()).isEqualTo("{\"a\":1}");
        assertThat(input.request().headers()).containsEntry("content-type", "application/json");
        assertThat(parse("{\"request\":{\"method\":\"POST\",\"url\":\"https://x.org\",\"body\":\"<xml/>\"}}")
                        .request()
                        .jsonBody())
                .isFalse();
    }

    @Test
    void errorsNameTheirFieldsAsThePactBrokerDoes() {
        assertThat(errors("{}")).containsEntry("request", List.of("is missing"));
        assertThat(errors("{\"consumer\":{},\"request\":{\"url\":\"https://x.org\"}}"))
                .containsEntry("consumer.name", List.of("cannot be blank"))
                .containsEntry("request.method", List.of("is missing"));
        assertThat(errors(
                        "{\"enabled\":\"yes\",\"events\":[],\"request\":{\"method\":\"POST\",\"url\":\"https://x\"}}"))
                .containsEntry("enabled", List.of("must be boolean"))
                .containsEntry("events", List.of("size cannot be less than 1"));
        assertThat(errors("{\"request\":{\"method\":\"POST\",\"url\":\"ftp://x.org\"}}"))
                .containsEntry(
                        "request.url",
                        List.of("scheme must be https. See /doc/webhooks#whitelist for more" + " information."));
        assertThat(errors("{\"request\":{\"method\":\"POST\",\"url\":\"/relative\"}}"))
                .containsEntry("request.url", List.of("is not a valid URL eg. http://example.org"));
    }

    @Test
    void anEmptyBodyOrNotAnObjectIsRefused() {
        assertThatThrownBy(() -> WebhookInput.parse(null, DEFAULTS)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(InvalidRequestException.class);
    }
}
