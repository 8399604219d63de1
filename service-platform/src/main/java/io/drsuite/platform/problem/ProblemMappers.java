package io.drsuite.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.drsuite.platform.secrets.SealedSecretRefusedException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one place exceptions become HTTP responses: every error is {@code application/problem+json}.
 */
@Singleton
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper json;
    private final SecurityIdentity caller;

    ProblemMappers(ObjectMapper json, SecurityIdentity caller) {
        this.json = json;
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElse(null);
        String detail = e.getConstraintViolations().stream()
                .map(v -> inputField(v) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        Problem problem = Problem.of("invalid-request", "Invalid request", 400, detail);
        return respond(first == null ? problem : problem.withField(inputField(first)));
    }

    /** Replaces the built-in mapping of REST parameter validation, which is not problem+json. */
    @ServerExceptionMapper
    public Response invalidRestInput(ResteasyReactiveViolationException e) {
        return invalidInput(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")) : null;
        String detail = "The request body is not valid JSON for this operation: " + e.getOriginalMessage();
        Problem problem = Problem.of("unreadable-body", "Unreadable request body", 400, detail);
        return respond(field == null || field.isEmpty() ? problem : problem.withField(field));
    }

    /** Replaces the built-in mapping of a body whose JSON does not fit the expected types. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && caller.isAnonymous()) {
            // Deny by default: without a token, an unknown path answers as every known one does.
            return signInRequired(new UnauthorizedException());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(Problem.of("http-" + status, title, status, e.getMessage()));
    }

    /** A stored password that is not the cluster's own (or under a key this service lacks) is never used. */
    @ServerExceptionMapper
    public Response sealedSecretRefused(SealedSecretRefusedException e) {
        LOG.warn(e.getMessage());
        return respond(Problem.of("sealed-secret-refused", "Stored password refused", 422, e.getMessage()));
    }

    /** No bearer token where every API path needs one. */
    @ServerExceptionMapper
    public Response signInRequired(UnauthorizedException e) {
        return respond(Problem.of("sign-in-required", "Sign-in required", 401,
                "This API needs an access token from the suite's identity provider: "
                        + "send it as 'Authorization: Bearer <token>'."), "Bearer");
    }

    /** A token that is expired, not signed by the configured issuer, or not meant for the suite. */
    @ServerExceptionMapper
    public Response tokenRefused(AuthenticationFailedException e) {
        return respond(TokenRefusal.PROBLEM, TokenRefusal.CHALLENGE);
    }

    /** Signed in, without a role that may do this. */
    @ServerExceptionMapper
    public Response notAllowed(ForbiddenException e, SimpleResourceInfo resource) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : "Your roles " + caller.getRoles().stream().sorted().toList() + " do not allow this operation"
                        + requiredRoles(resource) + ".";
        return respond(Problem.of("role-required", "Not allowed", 403, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while handling a request", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The service failed to handle the request; see its log for details."));
    }

    Response respond(Problem problem) {
        return respond(problem, null);
    }

    private Response respond(Problem problem, String challenge) {
        try {
            Response.ResponseBuilder response = Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem));
            if (challenge != null) {
                response.header("WWW-Authenticate", challenge);
            }
            return response.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem detail cannot be written", e);
        }
    }

    private static String requiredRoles(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return "";
        }
        RolesAllowed allowed = Arrays.stream(resource.getResourceClass().getDeclaredMethods())
                .filter(method -> method.getName().equals(resource.getMethodName()))
                .map(method -> method.getAnnotation(RolesAllowed.class))
                .filter(annotation -> annotation != null)
                .findFirst().orElse(null);
        return allowed == null ? "" : "; it needs one of the roles " + String.join(", ", allowed.value());
    }

    /** The property path without the method and parameter names Bean Validation puts first. */
    private static String inputField(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}
