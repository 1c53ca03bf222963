package io.pactport.api.webhooks;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;

/** Webhook bodies and requests the webhook tests share. */
public final class WebhookFixtures {

    private WebhookFixtures() {
    }

    /** A webhook body; {@code scope} is extra top-level JSON (e.g. {@code "consumer":{"name":"x"},}) or empty. */
    public static String webhook(String scope, String url, String events) {
        return """
                {%s "description":"a webhook","events":[%s],
                 "request":{"method":"POST","url":"%s","headers":{"Content-Type":"application/json",
                 "Authorization":"Bearer secret-token"},"body":{"pact":"${pactbroker.pactUrl}"},
                 "username":"user","password":"p4ssw0rd"}}""".formatted(scope, events, url);
    }

    /**
     * The webhook disabled: a webhook for every pacticipant (global, or by a label other tests could use) would fire for
     * the publications of every test sharing the application.
     */
    public static String disabled(String webhook) {
        return webhook.replaceFirst("\\{", "{\"enabled\":false,");
    }

    public static String event(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    public static ValidatableResponse post(String path, String body, Object... params) {
        return given().contentType("application/json").body(body).when().post(path, params).then();
    }

    public static ValidatableResponse createPacticipant(String name) {
        return post("/pacticipants", "{\"name\":\"" + name + "\"}");
    }
}
