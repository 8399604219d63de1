package io.drsuite.platform.openapi;

import io.drsuite.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error responses of the OpenAPI document, written once for every service: each 4xx response an operation names
 * gets the {@link Problem} body ({@code application/problem+json}, the schema {@value #SCHEMA}), as
 * {@code ProblemMappers} writes it. A resource names its own error responses with a description and nothing else
 * ({@code @APIResponse(responseCode = "404", description = "No such relationship")}); the ones every operation of a
 * kind can give are added here: 401 and 403 to every operation that needs a token, 400 and 413 to every one that
 * takes a body.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    /** The problem detail's schema in {@code components.schemas}. */
    public static final String SCHEMA = "Problem";

    /** What each error status means, for the responses the document does not describe itself. */
    static final Map<String, String> MEANINGS = Map.of(
            "400", "The request is not valid: a parameter or the body breaks a rule (field names the input)",
            "401", "No access token, or one the service refuses (expired, not the suite's issuer or audience)",
            "403", "Signed in without a role that may do this",
            "404", "Not found",
            "409", "Conflicts with the current state",
            "413", "The request body is larger than the service takes (drsuite.api.max-body-bytes)",
            "422", "Understood, but cannot be carried out");
    /** Descriptions Quarkus gives the responses it adds, replaced by the ones above. */
    private static final List<String> GENERATED = List.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> !requirement.getSchemes().isEmpty())) {
            addIfAbsent(responses, "401");
            addIfAbsent(responses, "403");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "400");
            addIfAbsent(responses, "413");
        }
        responses.getAPIResponses().forEach(ProblemResponses::describeProblem);
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, schema());
    }

    private static void addIfAbsent(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse());
        }
    }

    private static void describeProblem(String status, APIResponse response) {
        if (!status.startsWith("4") || response.getRef() != null) {
            return;
        }
        if (response.getDescription() == null || GENERATED.contains(response.getDescription())) {
            response.setDescription(MEANINGS.getOrDefault(status, "Refused"));
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            Content problem = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory
                    .createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
            response.setContent(problem);
        }
    }

    /** {@link Problem} as JSON: RFC 9457's members and the offending field. */
    static Schema schema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem detail, the body of every error response")
                .addProperty("type", text("Stable identifier of the kind of problem")
                        .format("uri").examples(List.of("https://drsuite.io/problems/relationship-not-found")))
                .addProperty("title", text("Short summary of the kind of problem").examples(List.of("Not found")))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32").description("The HTTP status").examples(List.of(404)))
                .addProperty("detail", text("What went wrong with this request, for a person")
                        .examples(List.of("no relationship 4b1f0c3e-8a53-4a59-9c1e-2f0d6a1b7c55")))
                .addProperty("field", text("The offending input field, where there is one")
                        .examples(List.of("primaryCluster")))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
