package io.drsuite.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The roles an operation needs, said where OpenAPI has room for them. Quarkus lists an operation's
 * {@code @RolesAllowed} as the scopes of the bearer-token requirement, but scopes belong to OAuth2 schemes: the
 * suite's roles are a claim of the token, not scopes it asks for. So the requirement names the scheme alone, and the
 * roles go to the operation's description ("Roles: operator, admin.") and to the extension {@value #EXTENSION}, for
 * clients that show only what the user may do.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RoleRequirements implements OASFilter {

    /** The operation's extension that lists its roles. */
    public static final String EXTENSION = "x-drsuite-roles";
    /** The bearer scheme, {@code quarkus.smallrye-openapi.security-scheme-name}. */
    static final String BEARER_SCHEME = "drsuite-sign-in";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            return operation;
        }
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            List<String> scopes = requirement.getScheme(BEARER_SCHEME);
            if (scopes == null || scopes.isEmpty()) {
                requirements.add(requirement);
                continue;
            }
            scopes.stream().filter(role -> !roles.contains(role)).forEach(roles::add);
            SecurityRequirement schemeAlone = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, itsScopes) -> schemeAlone.addScheme(scheme,
                    scheme.equals(BEARER_SCHEME) ? List.of() : itsScopes));
            requirements.add(schemeAlone);
        }
        if (!roles.isEmpty()) {
            operation.setSecurity(requirements);
            operation.addExtension(EXTENSION, roles);
            String said = "Roles: " + String.join(", ", roles) + ".";
            operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank()
                    ? said : operation.getDescription() + "\n\n" + said);
        }
        return operation;
    }
}
