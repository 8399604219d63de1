package io.drsuite.relationship.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.health.FailoverRequested;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.relationship.FailoverRefused;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.platform.audit.AuditEntry;
import io.drsuite.platform.audit.AuditOutcome;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.platform.origin.ChangeOrigin;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.config.RelationshipConfig;
import io.drsuite.relationship.model.Relationship;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Acts on monitor-service's automatic failover requests, each at most once and only while it still describes the
 * present: a request older than {@code drsuite.relationship.failover-request-max-age} (replayed after lost consumer
 * offsets, or held back while Kafka was down) is refused, and so is one whose primary answers as a primary again
 * (read directly, with short timeouts). A refusal is logged, counted and published as
 * {@link RelationshipEvents#FAILOVER_REFUSED}; what passes goes through the same checks as a user's failover. Each
 * decision is in the audit log, by {@code drsuite}, with monitor-service's reason.
 */
@ApplicationScoped
public class AutomaticFailovers {

    /** The operation its audit records name. */
    static final String OPERATION = "automatic failover";

    private static final Logger LOG = Logger.getLogger(AutomaticFailovers.class);

    private final EventInbox inbox;
    private final EventOutbox outbox;
    private final RelationshipService relationships;
    private final ReplicationLagReader clusters;
    private final RelationshipConfig config;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final PolicyRequestAudit audit;

    AutomaticFailovers(EventInbox inbox, EventOutbox outbox, RelationshipService relationships,
            ReplicationLagReader clusters, RelationshipConfig config, MeterRegistry metrics, ObjectMapper json,
            PolicyRequestAudit audit) {
        this.audit = audit;
        this.inbox = inbox;
        this.outbox = outbox;
        this.relationships = relationships;
        this.clusters = clusters;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
    }

    public void apply(IncomingEvent event) {
        FailoverRequested request = event.payload(HealthEvents.FAILOVER_REQUESTED, json);
        Duration age = Duration.between(request.requestedAt(), Instant.now());
        if (age.compareTo(config.failoverRequestMaxAge()) > 0) {
            refuse(event, request, "the request is older than " + config.failoverRequestMaxAge().toSeconds()
                    + " s (made " + age.toSeconds() + " s ago); a stale request is never acted on");
            return;
        }
        Optional<ReplicationLagReader.Source> source = QuarkusTransaction.requiringNew().call(() ->
                Relationship.<Relationship>findByIdOptional(request.relationshipId()).flatMap(clusters::source));
        if (source.isPresent() && clusters.primaryAnswersAsPrimary(source.get())) {
            refuse(event, request, "primary " + source.get().primaryCluster() + " answers as a primary again");
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inbox.firstDelivery(event)) {
                count("duplicate");
                return;
            }
            // The suite asks on its own behalf: a correlation id of its own links the audit record, task and events.
            ChangeOrigin origin = new ChangeOrigin(UUID.randomUUID(), AuditEntry.SUITE);
            try {
                RelationshipService.Accepted accepted = ChangeOrigins.during(origin,
                        () -> relationships.failoverInTransaction(request.relationshipId()));
                audit(request, AuditOutcome.ACCEPTED, accepted.taskId(), origin, null);
                count("accepted");
                LOG.warnf("Automatic failover of %s started (task %s): %s", accepted.relationship().name,
                        accepted.taskId(), request.reason());
            } catch (ProblemException refused) {
                audit(request, AuditOutcome.REFUSED, null, origin, refused.problem().detail());
                count("not-possible");
                LOG.infof("Automatic failover of %s not started: %s", request.relationshipId(),
                        refused.problem().detail());
            }
        });
    }

    private void refuse(IncomingEvent event, FailoverRequested request, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!inbox.firstDelivery(event)) {
                count("duplicate");
                return;
            }
            outbox.record(RelationshipEvents.FAILOVER_REFUSED, request.relationshipId().toString(),
                    new FailoverRefused(request.relationshipId(), event.id(), reason, request.requestedAt(),
                            Instant.now()));
            audit(request, AuditOutcome.REFUSED, null, new ChangeOrigin(UUID.randomUUID(), AuditEntry.SUITE),
                    reason);
            count("refused");
            LOG.warnf("Automatic failover request %s for relationship %s refused: %s", event.id(),
                    request.relationshipId(), reason);
        });
    }

    private void audit(FailoverRequested request, AuditOutcome outcome, UUID taskId, ChangeOrigin origin,
            String refusal) {
        audit.record(OPERATION, "relationships/" + request.relationshipId(), request.reason(), outcome, taskId,
                origin, refusal);
    }

    private void count(String outcome) {
        metrics.counter("drsuite.relationship.failover.requests", "outcome", outcome).increment();
    }
}
