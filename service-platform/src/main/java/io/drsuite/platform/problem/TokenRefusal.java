package io.drsuite.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A refused bearer token as problem+json. Tokens are checked when a request arrives, before it reaches a resource, so
 * the refusal is answered here, on the HTTP router, as {@link ProblemMappers} answers everything else; a refused
 * request that would have changed something is recorded in the audit log first.
 */
@ApplicationScoped
public class TokenRefusal {

    static final Problem PROBLEM = Problem.of("invalid-token", "Token refused", 401,
            "The bearer token was refused: it is expired, not signed by the suite's identity provider, or not issued "
                    + "for the suite. Sign in again.");
    static final String CHALLENGE = "Bearer error=\"invalid_token\"";

    private final String body;
    private final TokenRefusalAudit audit;

    TokenRefusal(ObjectMapper json, TokenRefusalAudit audit) throws JsonProcessingException {
        this.body = json.writeValueAsString(PROBLEM);
        this.audit = audit;
    }

    void answerRefusals(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().headWritten()) {
                audit.recorded(context, 401, "invalid-token").onComplete(done -> context.response()
                        .setStatusCode(401)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("WWW-Authenticate", CHALLENGE)
                        .end(body));
            } else {
                context.next();
            }
        });
    }
}
