package io.drsuite.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class PagedListsTest {

    private final PagedLists filter = new PagedLists();

    @Test
    void aListWithACursorNamesItsLinkHeaderAndExplainsItsParameters() {
        Operation operation = list(query("limit"), query("cursor"));

        filter.filterOperation(operation);

        assertNotNull(operation.getResponses().getAPIResponse("200").getHeaders().get(PagedLists.LINK));
        assertNull(operation.getResponses().getAPIResponse("400").getHeaders(), "only the success response");
        operation.getParameters().forEach(parameter -> assertNotNull(parameter.getDescription(), parameter.getName()));
    }

    @Test
    void aListsDescriptionEndsWithThePagingSentenceOnce() {
        Operation described = list(query("cursor")).description("Newest first.");
        Operation bare = list(query("cursor"));

        filter.filterOperation(described);
        filter.filterOperation(described);
        filter.filterOperation(bare);

        assertEquals("Newest first. Paged: limit (1-500, 100 by default); the next page's address is in the Link "
                + "header (rel=next).", described.getDescription());
        assertEquals(PagedLists.PAGING, bare.getDescription());
    }

    @Test
    void anOperationWithoutACursorIsNoPagedList() {
        Operation operation = list(query("limit"));

        filter.filterOperation(operation);

        assertNull(operation.getResponses().getAPIResponse("200").getHeaders());
        assertEquals(null, operation.getParameters().get(0).getDescription());
        assertNull(operation.getDescription());
    }

    private static Operation list(Parameter... parameters) {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("A page"))
                .addAPIResponse("400", OASFactory.createAPIResponse().description("Refused")));
        for (Parameter parameter : parameters) {
            operation.addParameter(parameter);
        }
        return operation;
    }

    private static Parameter query(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY);
    }
}
