package io.drsuite.platform.audit;

import io.drsuite.platform.origin.CorrelationIds;
import io.drsuite.platform.problem.TokenRefusalAudit;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Audit records for requests refused because of their token, written off the event loop. */
@ApplicationScoped
public class TokenRefusalRecorder implements TokenRefusalAudit {

    private final AuditLog log;

    TokenRefusalRecorder(AuditLog log) {
        this.log = log;
    }

    @Override
    public Future<Void> recorded(RoutingContext context, int status, String problem) {
        String method = context.request().method().name();
        String path = context.normalizedPath();
        if (!HttpAuditing.audited(method, path)) {
            return Future.succeededFuture();
        }
        // Nothing in a refused token is trusted, not even its name: the caller is recorded as anonymous.
        AuditEntry entry = new AuditEntry(HttpAuditing.operation(method, path, null), HttpAuditing.target(path, null,
                null), AuditOutcome.REFUSED, status, problem, null, null, CorrelationIds.of(context),
                AuditEntry.ANONYMOUS, null, List.of(), null, HttpAuditing.address(context), null);
        return context.vertx().<Void>executeBlocking(() -> {
            try {
                log.record(entry);
            } catch (RuntimeException e) {
                log.writeFailed(entry, e);
            }
            return null;
        }, false);
    }
}
