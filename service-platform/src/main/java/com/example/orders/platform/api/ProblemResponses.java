package com.example.orders.platform.api;

import java.util.List;
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

/**
 * Writes the error answers every call can give into each service's OpenAPI document ({@code /q/openapi}), as
 * docs/contract.md §2 states them: {@code application/problem+json} bodies ({@link Problems.Problem}) for 400, 401,
 * 403, 413, 415 and 503 (with {@code Retry-After}), and 404 on calls with a path parameter. A call's own refusals (409,
 * 422) are declared on its resource method.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";

    private static final Map<String, String> EVERY_CALL = Map.of(
            "400", "a malformed or out-of-bounds request; detail names the field",
            "401", "no token, or a bad one",
            "403", "the token's role may not make this call",
            "503", "a dependency is away; nothing was done: try again after Retry-After seconds");
    private static final Map<String, String> WITH_A_BODY = Map.of(
            "413", "a body larger than 64 KiB",
            "415", "a body that is not JSON");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(PROBLEM, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An error answer, RFC 9457 problem details")
                .required(List.of("type", "title", "status", "detail"))
                .addProperty("type", text("about:blank"))
                .addProperty("title", text("the status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text("what was wrong, in words")));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            EVERY_CALL.forEach((status, why) -> declare(operation, status, why));
            if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                WITH_A_BODY.forEach((status, why) -> declare(operation, status, why));
            }
            if (path.contains("{")) {
                declare(operation, "404", "no such resource, or none the caller may see");
            }
        }));
    }

    /**
     * Adds the problem answer unless the call declares its own for that status; one declared without a body (the 401
     * and 403 that Quarkus adds for a secured call) gets the problem body the service does send.
     */
    private static void declare(Operation operation, String status, String why) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        APIResponse declared = responses.getAPIResponse(status);
        if (declared != null) {
            if (declared.getContent() == null || declared.getContent().getMediaTypes().isEmpty()) {
                declared.setContent(problemContent());
            }
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(why).content(problemContent());
        if (status.equals("503")) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("seconds to wait")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        responses.addAPIResponse(status, response);
    }

    /** {@code application/problem+json} with the {@code Problem} schema. */
    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
