package io.drsuite.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class RoleRequirementsTest {

    private final RoleRequirements filter = new RoleRequirements();

    @Test
    void theRolesMoveFromTheBearerScopesToTheDescriptionAndTheExtension() {
        Operation operation = OASFactory.createOperation().description("Fences the old primary.")
                .addSecurityRequirement(OASFactory.createSecurityRequirement()
                        .addScheme(RoleRequirements.BEARER_SCHEME, List.of("operator", "admin")));

        filter.filterOperation(operation);

        assertEquals(List.of(Map.of(RoleRequirements.BEARER_SCHEME, List.of())),
                operation.getSecurity().stream().map(requirement -> requirement.getSchemes()).toList());
        assertEquals("Fences the old primary.\n\nRoles: operator, admin.", operation.getDescription());
        assertEquals(List.of("operator", "admin"), operation.getExtensions().get(RoleRequirements.EXTENSION));
    }

    @Test
    void anOpenOperationStaysAsItIs() {
        Operation operation = OASFactory.createOperation().summary("open");

        filter.filterOperation(operation);

        assertEquals(null, operation.getSecurity());
        assertEquals(null, operation.getDescription());
    }
}
