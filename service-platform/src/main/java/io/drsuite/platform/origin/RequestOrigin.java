package io.drsuite.platform.origin;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The origin of the changes an HTTP request makes: its correlation id and the signed-in caller's name. */
@RequestScoped
@Unremovable // looked up by ChangeOrigins, not injected
public class RequestOrigin {

    private final CurrentVertxRequest request;
    private final SecurityIdentity caller;

    RequestOrigin(CurrentVertxRequest request, SecurityIdentity caller) {
        this.request = request;
        this.caller = caller;
    }

    /** Null outside an HTTP request (a consumer or a schedule running with a request context of its own). */
    ChangeOrigin origin() {
        if (request.getCurrent() == null) {
            return null;
        }
        return new ChangeOrigin(CorrelationIds.of(request.getCurrent()), callerName(caller));
    }

    /** The name a change is recorded under: the token's user name, else its subject. */
    public static String callerName(SecurityIdentity caller) {
        if (caller == null || caller.isAnonymous()) {
            return null;
        }
        if (caller.getPrincipal() instanceof JsonWebToken token) {
            String user = token.getClaim("preferred_username");
            if (user != null && !user.isBlank()) {
                return user;
            }
            if (token.getSubject() != null) {
                return token.getSubject();
            }
        }
        return caller.getPrincipal().getName();
    }
}
