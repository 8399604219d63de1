package io.drsuite.platform.origin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Gives every request a correlation id before anything else handles it: the caller's {@value #HEADER} when it is a
 * UUID (a CLI or console that links its own calls), a new one otherwise. The response carries it back.
 */
@ApplicationScoped
public class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    static final String KEY = "drsuite.correlation-id";

    void assign(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            UUID given = ChangeOrigin.parse(context.request().getHeader(HEADER));
            UUID id = given != null ? given : UUID.randomUUID();
            context.put(KEY, id);
            context.response().putHeader(HEADER, id.toString());
            context.next();
        });
    }

    /** The correlation id {@link #assign} gave the request. */
    public static UUID of(RoutingContext context) {
        return context == null ? null : context.get(KEY);
    }
}
