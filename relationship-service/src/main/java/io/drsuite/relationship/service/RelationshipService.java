package io.drsuite.relationship.service;

import static io.drsuite.relationship.model.ClusterState.FULL_BACKUP;
import static io.drsuite.relationship.model.ClusterState.RESTORE;

import io.drsuite.events.task.DrTasks;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.api.RelationshipRequest;
import io.drsuite.relationship.api.StopRequest;
import io.drsuite.relationship.config.RelationshipConfig;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterState;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.model.RelationshipCluster;
import io.drsuite.relationship.model.RelationshipPhase;
import io.drsuite.relationship.model.SyncMode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Creates DR relationships and accepts operations on them, refusing what the seeds forbid. Each accepted
 * operation becomes a task request; its outcome comes back as task events ({@link RelationshipFolding}).
 */
@ApplicationScoped
public class RelationshipService {

    private static final Logger LOG = Logger.getLogger(RelationshipService.class);

    private final RelationshipChecks checks;
    private final RelationshipTasks tasks;
    private final ReplicationLagReader lag;
    private final ClusterAccess access;
    private final RelationshipConfig config;

    RelationshipService(RelationshipChecks checks, RelationshipTasks tasks, ReplicationLagReader lag,
            ClusterAccess access, RelationshipConfig config) {
        this.checks = checks;
        this.tasks = tasks;
        this.lag = lag;
        this.access = access;
        this.config = config;
    }

    /** A relationship with the task that was started for it. */
    public record Accepted(Relationship relationship, UUID taskId) {
    }

    @Transactional
    public List<Relationship> relationships() {
        return Relationship.listByName();
    }

    @Transactional
    public Optional<Relationship> relationship(UUID id) {
        return Relationship.findByIdOptional(id);
    }

    /**
     * Checks the request against the registry and the clusters themselves (outside a transaction: probes may take
     * a connect timeout), then stores the relationship and requests its start in one transaction.
     */
    public Accepted create(RelationshipRequest request) {
        request.requireOverwriteConfirmed();
        QuarkusTransaction.requiringNew().run(() -> refuseConflicts(request));
        Cluster[] clusters = QuarkusTransaction.requiringNew().call(() -> new Cluster[] {
            registered(request.primaryCluster()), registered(request.drCluster())});
        checks.verify(clusters[0], clusters[1]);
        return QuarkusTransaction.requiringNew().call(() -> store(request));
    }

    private void refuseConflicts(RelationshipRequest request) {
        if (request.primaryCluster().equals(request.drCluster())) {
            throw ProblemException.unprocessable("same-cluster", "Same cluster on both sides",
                    "primaryCluster and drCluster are both '" + request.primaryCluster() + "'");
        }
        Relationship.findByName(request.name()).ifPresent(existing -> {
            throw ProblemException.conflict("relationship-exists", "a relationship named '" + request.name()
                    + "' already exists (" + existing.id + ")");
        });
        Cluster primary = registered(request.primaryCluster());
        Cluster dr = registered(request.drCluster());
        if (primary.majorVersion != dr.majorVersion) {
            throw ProblemException.unprocessable("version-mismatch", "PostgreSQL major versions differ",
                    primary.name + " runs PostgreSQL " + primary.majorVersion + " and " + dr.name + " runs "
                            + dr.majorVersion + "; streaming replication needs the same major version");
        }
        if (!access.admin(primary).equals(access.admin(dr))
                || !access.replication(primary).equals(access.replication(dr))) {
            throw ProblemException.unprocessable("logins-differ", "Clusters use different logins",
                    primary.name + " and " + dr.name + " must be registered with the same admin and replication "
                            + "logins: the DR copy carries the primary's roles, and either side may become primary");
        }
        for (Cluster cluster : List.of(primary, dr)) {
            refuseIfInRelationship(cluster.name);
        }
    }

    private static void refuseIfInRelationship(String clusterName) {
        RelationshipCluster.of(clusterName).ifPresent(member -> {
            Relationship other = Relationship.findById(member.relationshipId);
            throw ProblemException.conflict("cluster-in-relationship", "cluster '" + clusterName
                    + "' is already in DR relationship '" + (other == null ? member.relationshipId : other.name)
                    + "'");
        });
    }

    /** The registered cluster with its nodes loaded, so it can be used after the transaction. */
    private static Cluster registered(String name) {
        Cluster cluster = Cluster.findByName(name).orElseThrow(() -> ProblemException.unprocessable(
                "unknown-cluster", "Unknown cluster", "no cluster named '" + name + "' is registered"));
        cluster.nodes.size();
        return cluster;
    }

    private Accepted store(RelationshipRequest request) {
        refuseConflicts(request);
        Relationship relationship = new Relationship();
        relationship.id = UUID.randomUUID();
        relationship.name = request.name();
        relationship.primaryCluster = request.primaryCluster();
        relationship.drCluster = request.drCluster();
        relationship.syncMode = Optional.ofNullable(request.syncMode()).orElse(SyncMode.ASYNC);
        relationship.timeoutSeconds = Optional.ofNullable(request.timeoutSeconds())
                .orElse(config.defaultTimeoutSeconds());
        relationship.createdAt = Instant.now();
        relationship.setStates(FULL_BACKUP, RESTORE);
        relationship.phase = RelationshipPhase.STARTING;
        try {
            relationship.persist();
            RelationshipCluster.claim(relationship.primaryCluster, relationship.id);
            RelationshipCluster.claim(relationship.drCluster, relationship.id);
            Relationship.getEntityManager().flush();
        } catch (ConstraintViolationException raced) {
            throw ProblemException.conflict("cluster-in-relationship", "another relationship for '"
                    + request.primaryCluster() + "' or '" + request.drCluster() + "' was created at the same time");
        }
        UUID taskId = tasks.request(relationship, DrTasks.START, relationship.primaryCluster, relationship.drCluster,
                RelationshipPhase.STARTING, Map.of());
        tasks.announce(relationship);
        LOG.infof("Relationship %s (%s): %s protected by %s, %s; start task %s", relationship.name, relationship.id,
                relationship.primaryCluster, relationship.drCluster, relationship.syncMode.wireName(), taskId);
        return new Accepted(relationship, taskId);
    }

    /** Planned switchover; refused unless the DR side streams and lags no more than allowed. */
    public Accepted switchover(UUID id) {
        Relationship current = QuarkusTransaction.requiringNew().call(() -> ready(id, "switchover",
                Set.of(RelationshipPhase.ACTIVE)));
        ReplicationLag now = QuarkusTransaction.requiringNew().call(() -> lag.read(current));
        if (!now.drStreaming() || now.bytes() == null || now.bytes() > config.switchoverMaxLagBytes()) {
            throw ProblemException.conflict("dr-not-ready", "relationship '" + current.name + "' cannot switch "
                    + "over now: " + (now.error() != null ? now.error() : !now.drStreaming()
                            ? "the DR main standby is not streaming"
                            : "the DR side lags " + now.bytes() + " bytes, more than "
                                    + config.switchoverMaxLagBytes()));
        }
        return operate(id, "switchover", Set.of(RelationshipPhase.ACTIVE), DrTasks.SWITCHOVER,
                RelationshipPhase.SWITCHING_OVER, false,
                Map.of(DrTasks.MAX_LAG_BYTES, String.valueOf(config.switchoverMaxLagBytes())));
    }

    public Accepted failover(UUID id) {
        return operate(id, "failover", Set.of(RelationshipPhase.ACTIVE, RelationshipPhase.ERROR), DrTasks.FAILOVER,
                RelationshipPhase.FAILING_OVER, false, Map.of());
    }

    /** After a failover the roles are already swapped: the promoted cluster is primary, the old one becomes DR. */
    public Accepted reprotect(UUID id) {
        return operate(id, "reprotect", Set.of(RelationshipPhase.FAILED_OVER), DrTasks.REPROTECT,
                RelationshipPhase.REPROTECTING, false, Map.of());
    }

    /**
     * Dissolves the relationship. After a failover nothing streams any more, so the clusters are simply released;
     * otherwise a stop task detaches the DR side.
     */
    public Accepted stop(UUID id, StopRequest request) {
        Optional<Accepted> released = QuarkusTransaction.requiringNew().call(() -> releaseAfterFailover(id));
        if (released.isPresent()) {
            return released.get();
        }
        return operate(id, "stop", Set.of(RelationshipPhase.ACTIVE, RelationshipPhase.ERROR), DrTasks.STOP,
                RelationshipPhase.STOPPING, true, Map.of(DrTasks.PROMOTE_DR, String.valueOf(request.promote())));
    }

    private Optional<Accepted> releaseAfterFailover(UUID id) {
        Relationship relationship = Relationship.findForUpdate(id).orElseThrow(() ->
                ProblemException.notFound("relationship", "no relationship " + id));
        if (relationship.phase != RelationshipPhase.FAILED_OVER || relationship.hasTaskInFlight()) {
            return Optional.empty();
        }
        relationship.endTask(RelationshipPhase.STOPPED);
        relationship.setStates(ClusterState.NORMAL, ClusterState.NORMAL);
        RelationshipCluster.releaseAll(relationship.id);
        tasks.announce(relationship);
        return Optional.of(new Accepted(relationship, null));
    }

    private Accepted operate(UUID id, String operation, Set<RelationshipPhase> allowed, String type,
            RelationshipPhase during, boolean keepStates, Map<String, String> parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Relationship relationship = ready(id, operation, allowed);
            UUID taskId = tasks.request(relationship, type, relationship.primaryCluster, relationship.drCluster,
                    during, parameters);
            if (!keepStates) {
                relationship.setStates(ClusterStates.starting(type, relationship.primaryState),
                        ClusterStates.startingDr(type, relationship.drState));
            }
            tasks.announce(relationship);
            LOG.infof("Relationship %s: %s requested, task %s", relationship.name, operation, taskId);
            return new Accepted(relationship, taskId);
        });
    }

    /** The relationship, locked, when it may start {@code operation}; otherwise the 404 or 409 that says why. */
    private static Relationship ready(UUID id, String operation, Set<RelationshipPhase> allowed) {
        Relationship relationship = Relationship.findForUpdate(id).orElseThrow(() ->
                ProblemException.notFound("relationship", "no relationship " + id));
        if (relationship.hasTaskInFlight()) {
            throw ProblemException.conflict("operation-in-progress", "relationship '" + relationship.name
                    + "' is running task " + relationship.currentTaskId + " (" + relationship.currentTaskType
                    + "); one operation at a time");
        }
        if (!allowed.contains(relationship.phase)) {
            throw ProblemException.conflict("invalid-phase", operation + " is not possible while relationship '"
                    + relationship.name + "' is " + relationship.phase.wireName() + "; it needs "
                    + allowed.stream().map(RelationshipPhase::wireName).sorted().toList());
        }
        return relationship;
    }
}
