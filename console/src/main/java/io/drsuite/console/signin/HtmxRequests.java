package io.drsuite.console.signin;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A page's own background requests (htmx, the live event stream) are answered 499 instead of being redirected to the
 * sign-in page when the session has ended: a redirect there would put the identity provider's page inside a card.
 * console.js reloads the page on 499, and the browser follows the redirect as a whole page.
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        return "true".equals(context.request().getHeader("HX-Request"))
                || (accept != null && accept.contains("text/event-stream"));
    }
}
