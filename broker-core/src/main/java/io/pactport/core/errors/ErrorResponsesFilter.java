package io.pactport.core.errors;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds to every operation of a service's {@code /q/openapi} the answers every route can give besides its own: the Pact
 * Broker's two error shapes, the authentication refusals, the size and media-type refusals of a body, and the request
 * deadline. They come from shared filters and mappers rather than from each resource, so they are described once here,
 * where the shapes live, instead of on each of a hundred resource methods. Registered by each service with
 * {@code mp.openapi.filter}.
 */
public class ErrorResponsesFilter implements OASFilter {

    static final String ERRORS = "Errors";
    static final String ERROR = "Error";
    static final String BASIC_AUTH = "basicAuth";
    static final String BEARER_TOKEN = "apiToken";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(
                ERRORS,
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .description("Refused input, as the Pact Broker answers it: each field with its messages")
                        .addProperty(
                                "errors",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .additionalPropertiesSchema(OASFactory.createSchema()
                                                .addType(Schema.SchemaType.ARRAY)
                                                .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))));
        components.addSchema(
                ERROR,
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .description("A refusal with one message, as the Pact Broker answers it")
                        .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        components.addSecurityScheme(
                BASIC_AUTH,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A broker user (PACTFLOW_BASIC_AUTH_USERNAME/_PASSWORD or the read-only pair)"));
        components.addSecurityScheme(
                BEARER_TOKEN,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token (PACTFLOW_READ_WRITE_API_TOKENS / PACTFLOW_READ_ONLY_API_TOKENS)"));
        // either scheme, or none when authentication is off
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BASIC_AUTH));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER_TOKEN));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                describeRefusals(path, entry.getKey(), entry.getValue());
            }
        });
    }

    private static void describeRefusals(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasInput = operation.getRequestBody() != null
                || operation.getParameters() != null
                        && !operation.getParameters().isEmpty();
        if (hasInput) {
            add(responses, "400", "The request is invalid; nothing was changed", ERRORS);
        }
        add(responses, "401", "Authentication is on and the request has no valid credentials", ERROR);
        if (method != PathItem.HttpMethod.GET
                && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS) {
            add(responses, "403", "The credentials may only read, and this request changes the broker", ERROR);
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing is found at this address", ERROR);
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than the service accepts", ERROR);
            add(responses, "415", "The body's media type is not one this route reads", ERROR);
        }
        add(responses, "503", "The request did not finish within the service's deadline; retry later", ERROR);
    }

    private static void add(APIResponses responses, String status, String description, String schema) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        Content content = OASFactory.createContent()
                .addMediaType(
                        "application/json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(schema)));
        APIResponse response =
                OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(status, response);
    }
}
