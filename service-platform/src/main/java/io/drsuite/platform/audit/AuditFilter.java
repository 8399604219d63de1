package io.drsuite.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.platform.origin.CorrelationIds;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Records every request that changes something, accepted or refused, once its answer is known: who, with which
 * roles and client, from where, what on which target, the reason given, the status, the problem of a refusal, the
 * task started and the correlation id.
 *
 * <p>The record is written after the change committed, in its own transaction, before the answer is sent. A crash in
 * between loses the record, not the change; the change's events carry its requester and correlation id all the
 * same. (Refused tokens never reach a resource; {@code TokenRefusal} records those.)
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    private final AuditLog log;
    private final SecurityIdentity caller;
    private final AuditedRequest audited;
    private final CurrentVertxRequest vertxRequest;
    private final ObjectMapper json;

    AuditFilter(AuditLog log, SecurityIdentity caller, AuditedRequest audited, CurrentVertxRequest vertxRequest,
            ObjectMapper json) {
        this.log = log;
        this.caller = caller;
        this.audited = audited;
        this.vertxRequest = vertxRequest;
        this.json = json;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response,
            SimpleResourceInfo resource) {
        // The path alone: the full request URI needs a Host header, which HTTP/1.0 clients (load balancers' health
        // checks) may not send.
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (!HttpAuditing.audited(request.getMethod(), path)) {
            return Uni.createFrom().voidItem();
        }
        AuditEntry entry = entry(request.getMethod(), path, response, resource);
        if (BlockingOperationControl.isBlockingAllowed()) {
            write(entry);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            write(entry);
            return entry;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private AuditEntry entry(String method, String path, ContainerResponseContext response,
            SimpleResourceInfo resource) {
        RoutingContext context = vertxRequest.getCurrent();
        int status = response.getStatus();
        return new AuditEntry(HttpAuditing.operation(method, path, resource),
                HttpAuditing.target(path, response.getHeaderString("Location"), resource),
                AuditOutcome.ofStatus(status), status, status >= 400 ? problemType(response.getEntity()) : null,
                audited.reason(), response.getEntity() instanceof RefersToTask task ? task.taskId() : null,
                CorrelationIds.of(context), HttpAuditing.name(caller), HttpAuditing.subject(caller),
                HttpAuditing.roles(caller), HttpAuditing.client(caller), HttpAuditing.address(context), null);
    }

    private void write(AuditEntry entry) {
        try {
            log.record(entry);
        } catch (RuntimeException e) {
            // The change (if any) is done; the answer still goes out, and the failure is counted and logged loudly.
            log.writeFailed(entry, e);
        }
    }

    /** The kind of a problem+json answer: the last segment of its type. */
    private String problemType(Object entity) {
        if (!(entity instanceof String body)) {
            return null;
        }
        try {
            JsonNode type = json.readTree(body).path("type");
            if (type.isTextual()) {
                String path = URI.create(type.asText()).getPath();
                return path == null ? type.asText() : path.substring(path.lastIndexOf('/') + 1);
            }
        } catch (Exception notProblemJson) {
            LOG.debug("An error answer that is not problem+json", notProblemJson);
        }
        return null;
    }
}
