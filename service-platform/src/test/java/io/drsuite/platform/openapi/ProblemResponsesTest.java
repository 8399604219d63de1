package io.drsuite.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.drsuite.platform.problem.Problem;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private final ProblemResponses filter = new ProblemResponses();

    @Test
    void aSignedInOperationWithABodyAnswersEveryCommonErrorAsAProblem() {
        Operation operation = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("drsuite-sign-in"))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("202", OASFactory.createAPIResponse().description("Accepted"))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("No such thing"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));

        filter.filterOperation(operation);

        var responses = operation.getResponses().getAPIResponses();
        assertEquals(Set.of("202", "400", "401", "403", "404", "413"), responses.keySet());
        assertEquals("No such thing", responses.get("404").getDescription(), "a resource's own words stay");
        assertEquals(ProblemResponses.MEANINGS.get("401"), responses.get("401").getDescription());
        for (String status : Set.of("400", "401", "403", "404", "413")) {
            APIResponse response = responses.get(status);
            assertEquals("#/components/schemas/" + ProblemResponses.SCHEMA,
                    response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef(), status);
        }
        assertNull(responses.get("202").getContent(), "a success response is the resource's");
    }

    @Test
    void anOpenOperationWithoutABodyGetsNoErrorsItCannotGive() {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));

        filter.filterOperation(operation);

        assertEquals(Set.of("200"), operation.getResponses().getAPIResponses().keySet());
    }

    @Test
    void theSchemaDescribesEveryMemberOfAProblem() {
        OpenAPI document = OASFactory.createOpenAPI();
        filter.filterOpenAPI(document);

        var schema = document.getComponents().getSchemas().get(ProblemResponses.SCHEMA);
        assertEquals(Arrays.stream(Problem.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(java.util.stream.Collectors.toSet()), schema.getProperties().keySet());
    }
}
