package io.pactport.api.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.api.pacts.PactView.Field;
import io.pactport.api.pacts.PactView.Interaction;
import io.pactport.api.pacts.PactView.Part;
import io.pactport.api.pacts.PactView.State;
import org.junit.jupiter.api.Test;

/** How the pact page reads each pact specification's interactions and messages. */
class PactViewTest {

    @Test
    void readsAV1InteractionWithItsStateQueryStringAndTextBody() {
        PactView view = PactView.of("""
                {"interactions":[{"description":"a list","providerState":"items exist",
                  "request":{"method":"get","path":"/items","query":"a=1&b=2"},
                  "response":{"status":200,"headers":{"Content-Type":"text/plain"},"body":"plain text"}}],
                 "metadata":{"pact-specification":{"version":"1.0.0"}}}""");

        assertThat(view.specification()).isEqualTo("1.0.0");
        Interaction i = view.interactions().get(0);
        assertThat(i.kind()).isEqualTo("HTTP");
        assertThat(i.states()).containsExactly(new State("items exist", null));
        assertThat(i.parts().get(0).summary()).isEqualTo("get /items?a=1&b=2");
        Part response = i.parts().get(1);
        assertThat(response.summary()).isEqualTo("200");
        assertThat(response.fields()).containsExactly(new Field("Content-Type", "text/plain"));
        assertThat(response.body()).isEqualTo("plain text");
        assertThat(response.matchingRules()).isNull();
    }

    @Test
    void readsV3StatesWithParamsQueryMapsAndMessagesFirst() {
        PactView view = PactView.of("""
                {"interactions":[{"description":"http","providerStates":[{"name":"s","params":{"id":1}}],
                  "request":{"method":"GET","path":"/x","query":{"q":["1","2"]},"headers":{"A":["x","y"]}},
                  "response":{"status":204}}],
                 "messages":[{"description":"msg","contents":"text","metadata":{"topic":"t"}}],
                 "metadata":{"pactSpecification":{"version":"3.0.0"}}}""");

        assertThat(view.interactions()).extracting(Interaction::description).containsExactly("msg", "http");
        assertThat(view.interactions().get(0).parts().get(0).fields()).containsExactly(new Field("topic", "t"));
        Interaction http = view.interactions().get(1);
        assertThat(http.states().get(0).params()).contains("\"id\" : 1");
        assertThat(http.parts().get(0).summary()).isEqualTo("GET /x?q=1&q=2");
        assertThat(http.parts().get(0).fields()).containsExactly(new Field("A", "x, y"));
        assertThat(http.parts().get(1).body()).isNull();
        assertThat(view.interactions())
                .extracting(Interaction::anchor)
                .containsExactly("interaction-1", "interaction-2");
    }

    @Test
    void readsV4BodiesAsJsonTextOrEncoded() {
        PactView view = PactView.of("""
                {"interactions":[{"type":"Synchronous/HTTP","description":"d",
                  "request":{"method":"POST","path":"/","body":{"content":"{\\"a\\":1}","contentType":"application/json"}},
                  "response":{"status":200,"body":{"content":"AAEC","contentType":"application/octet-stream",
                                                   "encoded":"base64"}}}],
                 "metadata":{"pactSpecification":{"version":"4.0"}}}""");

        Interaction i = view.interactions().get(0);
        assertThat(i.parts().get(0).body()).isEqualTo("{\n  \"a\" : 1\n}");
        assertThat(i.parts().get(1).body()).isEqualTo("(base64 encoded application/octet-stream)\nAAEC");
    }

    @Test
    void aPactWithoutDescriptionsOrSpecificationStillReads() {
        PactView view = PactView.of("{\"interactions\":[{\"request\":{},\"response\":{}}]}");

        assertThat(view.specification()).isEqualTo("unknown");
        assertThat(view.interactions().get(0).description()).isEqualTo("(no description)");
        assertThat(view.interactions().get(0).parts().get(0).summary()).isEqualTo("/");
    }
}
