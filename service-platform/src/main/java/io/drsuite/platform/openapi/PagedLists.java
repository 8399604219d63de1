package io.drsuite.platform.openapi;

import io.drsuite.platform.paging.PageRequest;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The paging of every list ({@link PageRequest}, {@code Page}), described once: an operation with a {@code cursor}
 * query parameter is a paged list, so its {@code limit} and {@code cursor} are explained and its success response
 * names the {@code Link} header (rel=next) that carries the next page's address; its description ends with the
 * same sentence everywhere.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PagedLists implements OASFilter {

    static final String LINK = "Link";
    static final String PAGING = "Paged: limit (1-" + PageRequest.MAX_LIMIT + ", " + PageRequest.DEFAULT_LIMIT
            + " by default); the next page's address is in the Link header (rel=next).";

    @Override
    public Operation filterOperation(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters == null || parameters.stream().noneMatch(parameter -> isQuery(parameter, "cursor"))) {
            return operation;
        }
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(PAGING);
        } else if (!description.contains(PAGING)) {
            operation.setDescription(description + " " + PAGING);
        }
        for (Parameter parameter : parameters) {
            if (isQuery(parameter, "limit") && parameter.getDescription() == null) {
                parameter.setDescription("How many items at most, 1 to " + PageRequest.MAX_LIMIT + " ("
                        + PageRequest.DEFAULT_LIMIT + " when absent)");
            } else if (isQuery(parameter, "cursor") && parameter.getDescription() == null) {
                parameter.setDescription("Where the page starts: taken from the previous page's Link header "
                        + "(rel=next), never made up; absent for the first page");
            }
        }
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getRef() == null
                        && (response.getHeaders() == null || !response.getHeaders().containsKey(LINK))) {
                    response.addHeader(LINK, OASFactory.createHeader()
                            .description("The next page's address, <...>; rel=\"next\" (RFC 8288); absent on the "
                                    + "last page")
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
                }
            });
        }
        return operation;
    }

    private static boolean isQuery(Parameter parameter, String name) {
        return parameter.getIn() == Parameter.In.QUERY && name.equals(parameter.getName());
    }
}
