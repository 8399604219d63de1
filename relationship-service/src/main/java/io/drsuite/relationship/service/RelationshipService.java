package io.drsuite.relationship.service;

import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.events.relationship.SyncMode;
import io.drsuite.events.task.DrTasks;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.api.RecoveryObjectives;
import io.drsuite.relationship.api.RelationshipRequest;
import io.drsuite.relationship.api.StopRequest;
import io.drsuite.relationship.config.RelationshipConfig;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.events.relationship.ClusterState;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.model.RelationshipCluster;
import io.drsuite.relationship.model.RelationshipOperation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    public Page<Relationship> relationships(PageRequest page) {
        return Relationship.pageByName(page);
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
            refuseIfClusterBusy(cluster.name, null);
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
        // Both clusters locked, in name order, so no operation inside either starts while the relationship is made.
        List.of(request.primaryCluster(), request.drCluster()).stream().sorted()
                .forEach(Cluster::findByNameForUpdate);
        refuseConflicts(request);
        Relationship relationship = new Relationship();
        relationship.id = UUID.randomUUID();
        relationship.name = request.name();
        relationship.primaryCluster = request.primaryCluster();
        relationship.drCluster = request.drCluster();
        relationship.syncMode = Optional.ofNullable(request.syncMode()).orElse(SyncMode.ASYNC);
        relationship.timeoutSeconds = Optional.ofNullable(request.timeoutSeconds())
                .orElse(config.defaultTimeoutSeconds());
        RecoveryObjectives objectives = Optional.ofNullable(request.objectives()).orElse(RecoveryObjectives.NONE);
        relationship.rpoObjectiveSeconds = objectives.rpoObjectiveSeconds();
        relationship.rtoObjectiveSeconds = objectives.rtoObjectiveSeconds();
        relationship.createdAt = Instant.now();
        relationship.phase = RelationshipOperation.START.during();
        relationship.setStates(ClusterState.NORMAL, ClusterState.NORMAL);
        try {
            relationship.persist();
            RelationshipCluster.claim(relationship.primaryCluster, relationship.id);
            RelationshipCluster.claim(relationship.drCluster, relationship.id);
            Relationship.getEntityManager().flush();
        } catch (ConstraintViolationException raced) {
            throw ProblemException.conflict("cluster-in-relationship", "another relationship for '"
                    + request.primaryCluster() + "' or '" + request.drCluster() + "' was created at the same time");
        }
        UUID taskId = tasks.request(relationship, RelationshipOperation.START, Map.of());
        tasks.announce(relationship);
        LOG.infof("Relationship %s (%s): %s protected by %s, %s; start task %s", relationship.name, relationship.id,
                relationship.primaryCluster, relationship.drCluster, relationship.syncMode.wireName(), taskId);
        return new Accepted(relationship, taskId);
    }

    @Transactional
    public Optional<Relationship> find(UUID id) {
        return Relationship.findByIdOptional(id);
    }

    /** Replaces both objectives (a null one is no longer set) and announces the relationship with them. */
    @Transactional
    public Relationship setObjectives(UUID id, RecoveryObjectives objectives) {
        Relationship relationship = Relationship.findForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("relationship", "no relationship " + id));
        relationship.rpoObjectiveSeconds = objectives.rpoObjectiveSeconds();
        relationship.rtoObjectiveSeconds = objectives.rtoObjectiveSeconds();
        relationship.touch();
        tasks.announce(relationship);
        return relationship;
    }

    /** A relationship with the lag read live from its clusters (null when it does not replicate). */
    public record Queried(Relationship relationship, ReplicationLag lag) {
    }

    /**
     * The relationship with its lag. The rows are read in a short transaction that ends before the clusters are
     * read, so a hanging cluster holds no control-plane connection and cannot delay other requests.
     */
    public Optional<Queried> query(UUID id) {
        record Loaded(Relationship relationship, Optional<ReplicationLagReader.Source> source) {
        }
        Optional<Loaded> loaded = QuarkusTransaction.requiringNew().call(() -> Relationship.<Relationship>
                findByIdOptional(id).map(relationship -> new Loaded(relationship,
                        relationship.phase.isReplicating() ? lag.source(relationship) : Optional.empty())));
        return loaded.map(found -> new Queried(found.relationship(), !found.relationship().phase.isReplicating()
                ? null : found.source().map(lag::readForQuery).orElseGet(() -> ReplicationLag.unreadable(
                        "a cluster of the relationship is no longer registered"))));
    }

    /** Planned switchover; refused unless the DR side streams and lags no more than allowed. */
    public Accepted switchover(UUID id) {
        Optional<ReplicationLagReader.Source> source = QuarkusTransaction.requiringNew().call(() ->
                lag.source(ready(id, RelationshipOperation.SWITCHOVER, false)));
        ReplicationLag now = source.map(lag::read).orElseGet(() -> ReplicationLag.unreadable(
                "a cluster of the relationship is no longer registered"));
        if (!now.drStreaming() || now.bytes() == null || now.bytes() > config.switchoverMaxLagBytes()) {
            throw ProblemException.conflict("dr-not-ready", "relationship " + source.map(
                    ReplicationLagReader.Source::relationshipName).orElse(id.toString()) + " cannot switch "
                    + "over now: " + (now.error() != null ? now.error() : !now.drStreaming()
                            ? "the DR main standby is not streaming"
                            : "the DR side lags " + now.bytes() + " bytes, more than "
                                    + config.switchoverMaxLagBytes()));
        }
        return operate(id, RelationshipOperation.SWITCHOVER, false,
                Map.of(DrTasks.MAX_LAG_BYTES, String.valueOf(config.switchoverMaxLagBytes())));
    }

    /** Failover; from {@code error} only with {@code force}, since the DR side may be half built there. */
    public Accepted failover(UUID id, boolean force) {
        return operate(id, RelationshipOperation.FAILOVER, force, Map.of());
    }

    /**
     * Failover in the caller's transaction (an automatic request, recorded in the inbox in the same transaction);
     * never forced.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Accepted failoverInTransaction(UUID id) {
        return start(id, RelationshipOperation.FAILOVER, false, Map.of());
    }

    /**
     * A switchover round trip (a drill's task) in the caller's transaction: refused as a switchover would be, while
     * the relationship or one of its clusters is busy or the relationship is not active.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Accepted switchoverRoundTrip(UUID id, Map<String, String> parameters) {
        Map<String, String> withLag = new HashMap<>(parameters);
        withLag.put(DrTasks.MAX_LAG_BYTES, String.valueOf(config.switchoverMaxLagBytes()));
        return start(id, RelationshipOperation.SWITCHOVER_ROUND_TRIP, false, withLag);
    }

    /** After a failover the roles are already swapped: the promoted cluster is primary, the old one becomes DR. */
    public Accepted reprotect(UUID id) {
        return operate(id, RelationshipOperation.REPROTECT, false, Map.of());
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
        return operate(id, RelationshipOperation.STOP, false,
                Map.of(DrTasks.PROMOTE_DR, String.valueOf(request.promote())));
    }

    /**
     * Resumes the relationship's task that failed without being undone, at its failed step: the relationship takes
     * the task's phase again and follows its outcome. (task-service refuses a direct resume of such a task.)
     */
    /** @param byAdmin whether the caller has the admin role, which a failed failover or stop needs to go on */
    public Accepted resume(UUID id, boolean byAdmin) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Relationship relationship = Relationship.findForUpdate(id).orElseThrow(() ->
                    ProblemException.notFound("relationship", "no relationship " + id));
            refuseIfBusy(relationship);
            relationship.resumableOperation().filter(operation -> operation.adminOnly() && !byAdmin)
                    .ifPresent(operation -> {
                        throw new ForbiddenException("Resuming the failed " + operation.name().toLowerCase()
                                + " of relationship '" + relationship.name + "' needs the admin role, as starting "
                                + "one does.");
                    });
            if (relationship.resumableOperation().isEmpty()) {
                throw ProblemException.conflict("nothing-to-resume", "relationship '" + relationship.name + "' is "
                        + relationship.phase.wireName() + " and has no failed task that can be resumed"
                        + (relationship.lastTaskOutcome == null ? ""
                                : " (its last task ended " + relationship.lastTaskOutcome + ")"));
            }
            UUID taskId = tasks.resume(relationship);
            tasks.announce(relationship);
            LOG.infof("Relationship %s: task %s (%s) resumed", relationship.name, taskId,
                    relationship.currentTaskType);
            return new Accepted(relationship, taskId);
        });
    }

    private Optional<Accepted> releaseAfterFailover(UUID id) {
        Relationship relationship = Relationship.findForUpdate(id).orElseThrow(() ->
                ProblemException.notFound("relationship", "no relationship " + id));
        if (relationship.hasTaskInFlight() || !RelationshipOperation.STOP.releasesAt(relationship.phase)) {
            return Optional.empty();
        }
        relationship.release();
        RelationshipCluster.releaseAll(relationship.id);
        tasks.announce(relationship);
        return Optional.of(new Accepted(relationship, null));
    }

    private Accepted operate(UUID id, RelationshipOperation operation, boolean force,
            Map<String, String> parameters) {
        return QuarkusTransaction.requiringNew().call(() -> start(id, operation, force, parameters));
    }

    private Accepted start(UUID id, RelationshipOperation operation, boolean force, Map<String, String> parameters) {
        Relationship relationship = ready(id, operation, force);
        UUID taskId = tasks.request(relationship, operation, parameters);
        tasks.announce(relationship);
        LOG.infof("Relationship %s: %s requested, task %s", relationship.name, operation.wireName(), taskId);
        return new Accepted(relationship, taskId);
    }

    /** The relationship, locked, when it may start {@code operation}; otherwise the 404 or 409 that says why. */
    private static Relationship ready(UUID id, RelationshipOperation operation, boolean force) {
        Relationship relationship = Relationship.findForUpdate(id).orElseThrow(() ->
                ProblemException.notFound("relationship", "no relationship " + id));
        refuseIfBusy(relationship);
        switch (operation.admission(relationship.phase, force)) {
            case ALLOWED -> {
                return relationship;
            }
            case NEEDS_FORCE -> throw ProblemException.conflict("force-required", operation.wireName()
                    + " of relationship '" + relationship.name + "' from " + relationship.phase.wireName()
                    + " may find the DR side half built; repeat it with {\"force\": true} to go ahead anyway");
            default -> throw ProblemException.conflict("invalid-phase", operation.wireName()
                    + " is not possible while relationship '" + relationship.name + "' is "
                    + relationship.phase.wireName() + "; it needs " + operation.allowedFrom().stream()
                            .map(RelationshipPhase::wireName).sorted().toList());
        }
    }

    private static void refuseIfBusy(Relationship relationship) {
        if (relationship.hasTaskInFlight()) {
            throw ProblemException.conflict("operation-in-progress", "relationship '" + relationship.name
                    + "' is running task " + relationship.currentTaskId + " (" + relationship.currentTaskType
                    + "); one operation at a time");
        }
        refuseIfClusterBusy(relationship.primaryCluster, relationship.name);
        refuseIfClusterBusy(relationship.drCluster, relationship.name);
    }

    /**
     * A cluster running an operation inside it (a node switchover, failover, rebuild or add) takes no relationship
     * operation until it ends. Read after the relationship's lock: a cluster operation takes that lock too before
     * it starts, so the two are decided one after the other.
     */
    private static void refuseIfClusterBusy(String clusterName, String relationshipName) {
        Cluster.findByName(clusterName).filter(Cluster::hasOperationRunning).ifPresent(cluster -> {
            throw ProblemException.conflict("cluster-operation-in-progress", "cluster '" + cluster.name + "'"
                    + (relationshipName == null ? "" : " of relationship '" + relationshipName + "'")
                    + " is running task " + cluster.operationTaskId + " (" + cluster.operationType
                    + "); one operation at a time");
        });
    }
}
