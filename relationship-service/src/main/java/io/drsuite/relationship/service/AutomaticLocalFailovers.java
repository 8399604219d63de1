package io.drsuite.relationship.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.LocalFailoverRequested;
import io.drsuite.platform.audit.AuditEntry;
import io.drsuite.platform.audit.AuditOutcome;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.platform.origin.ChangeOrigin;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.config.RelationshipConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Acts on monitor-service's automatic local failover requests ({@link LocalFailoverRequested}: fail a cluster over
 * to one of its own standbys), each at most once: the request goes through the same checks as a user's
 * {@code POST /api/v1/clusters/{name}/failover}, so a cluster that runs an operation, whose relationship runs one,
 * or that is the DR side of a relationship is left alone (logged, audited as refused). A request older than
 * {@code drsuite.relationship.failover-request-max-age} is refused too. Each decision is in the audit log, by
 * {@code drsuite}, with monitor-service's reason.
 */
@ApplicationScoped
public class AutomaticLocalFailovers {

    /** The operation its audit records name. */
    static final String OPERATION = "automatic local failover";

    private static final Logger LOG = Logger.getLogger(AutomaticLocalFailovers.class);

    private final EventInbox inbox;
    private final ClusterOperations operations;
    private final RelationshipConfig config;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final PolicyRequestAudit audit;

    AutomaticLocalFailovers(EventInbox inbox, ClusterOperations operations, RelationshipConfig config,
            MeterRegistry metrics, ObjectMapper json, PolicyRequestAudit audit) {
        this.inbox = inbox;
        this.operations = operations;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
        this.audit = audit;
    }

    public void apply(IncomingEvent event) {
        LocalFailoverRequested request = event.payload(HealthEvents.LOCAL_FAILOVER_REQUESTED, json);
        Duration age = Duration.between(request.requestedAt(), Instant.now());
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inbox.firstDelivery(event)) {
                count("duplicate");
                return;
            }
            // The suite asks on its own behalf: a correlation id of its own links the audit record, task and events.
            ChangeOrigin origin = new ChangeOrigin(UUID.randomUUID(), AuditEntry.SUITE);
            if (age.compareTo(config.failoverRequestMaxAge()) > 0) {
                refused(request, origin, "the request is older than " + config.failoverRequestMaxAge().toSeconds()
                        + " s (made " + age.toSeconds() + " s ago); a stale request is never acted on", "refused");
                return;
            }
            try {
                ClusterOperations.Accepted accepted = ChangeOrigins.during(origin,
                        () -> operations.automaticFailover(request.clusterId(), request.toNode()));
                audit(request, AuditOutcome.ACCEPTED, accepted.taskId(), origin, null);
                count("accepted");
                LOG.warnf("Automatic local failover of cluster %s to %s started (task %s): %s",
                        request.clusterName(), request.toNode(), accepted.taskId(), request.reason());
            } catch (ProblemException refused) {
                refused(request, origin, refused.problem().detail(), "not-possible");
            }
        });
    }

    private void refused(LocalFailoverRequested request, ChangeOrigin origin, String reason, String outcome) {
        audit(request, AuditOutcome.REFUSED, null, origin, reason);
        count(outcome);
        LOG.infof("Automatic local failover of cluster %s not started: %s", request.clusterName(), reason);
    }

    private void audit(LocalFailoverRequested request, AuditOutcome outcome, UUID taskId, ChangeOrigin origin,
            String refusal) {
        audit.record(OPERATION, "clusters/" + request.clusterName(), request.reason(), outcome, taskId, origin,
                refusal);
    }

    private void count(String outcome) {
        metrics.counter("drsuite.cluster.local.failover.requests", "outcome", outcome).increment();
    }
}
