package io.drsuite.snapshot.service;

import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.snapshot.SnapshotEvents;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.api.RestoreRequest;
import io.drsuite.snapshot.api.SnapshotRequest;
import io.drsuite.snapshot.model.RestorePhase;
import io.drsuite.snapshot.model.RestoreTest;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotPhase;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.wal.WalCatalog;
import io.drsuite.snapshot.wal.WalRetention;
import io.drsuite.storage.StorageLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Takes, verifies, restores and deletes snapshots. Every request is checked in full before anything is recorded; a
 * refusal changes nothing. Accepted work is recorded, its task requested and its event announced in one
 * transaction.
 */
@ApplicationScoped
public class SnapshotService {

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private final SnapshotRules rules;
    private final ClusterInspector inspector;
    private final SnapshotTaskRequests tasks;
    private final SnapshotAnnouncer announcer;
    private final StorageLocations storage;
    private final WalCatalog walCatalog;
    private final WalRetention walRetention;

    SnapshotService(SnapshotRules rules, ClusterInspector inspector, SnapshotTaskRequests tasks,
            SnapshotAnnouncer announcer, StorageLocations storage, WalCatalog walCatalog, WalRetention walRetention) {
        this.walCatalog = walCatalog;
        this.walRetention = walRetention;
        this.rules = rules;
        this.inspector = inspector;
        this.tasks = tasks;
        this.announcer = announcer;
        this.storage = storage;
    }

    /** A snapshot requested by a user, or by a policy when {@code policyId} is set. */
    @Transactional
    public Snapshot take(SnapshotRequest request, UUID policyId) {
        List<String> tables = request.tableList();
        rules.scope(request.kind(), request.database(), tables);
        KnownCluster cluster = rules.cluster(request.cluster());
        rules.backupAllowed(cluster.name);
        String location = rules.storage(request.storage());
        if (request.kind() == SnapshotKind.LOGICAL) {
            rules.sourceExists(cluster, request.database(), tables);
        }
        Snapshot snapshot = new Snapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.cluster = cluster.name;
        snapshot.kind = request.kind();
        snapshot.database = request.database();
        snapshot.tables = tables.toArray(String[]::new);
        snapshot.storage = location;
        snapshot.objectKey = objectKey(snapshot);
        snapshot.label = request.label();
        snapshot.policyId = policyId;
        snapshot.requestedBy = ChangeOrigins.current().requestedBy();
        snapshot.majorVersion = cluster.majorVersion;
        snapshot.phase = SnapshotPhase.RUNNING;
        snapshot.taskId = UUID.randomUUID();
        snapshot.requestedAt = Instant.now();
        snapshot.persist();
        tasks.backup(snapshot);
        announcer.snapshot(SnapshotEvents.STARTED, snapshot);
        return snapshot;
    }

    /** Newest first, optionally of one cluster and one kind ({@code physical} or {@code logical}). */
    public Page<Snapshot> snapshots(String cluster, String kind, PageRequest page) {
        return Snapshot.newestFirst(cluster, kind == null ? null : SnapshotKind.fromWire(kind), page);
    }

    /** A snapshot's restores, newest first; 404 when there is no such snapshot. */
    public Page<SnapshotRestore> restores(UUID snapshotId, PageRequest page) {
        snapshot(snapshotId);
        return SnapshotRestore.ofSnapshot(snapshotId, page);
    }

    public Snapshot snapshot(UUID id) {
        return Snapshot.<Snapshot>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("snapshot", "no snapshot " + id));
    }

    /** Re-reads the stored data in a task: SHA-256, then pg_verifybackup or pg_restore --list. */
    @Transactional
    public Snapshot verify(UUID id) {
        Snapshot snapshot = locked(id);
        if (!snapshot.phase.isStored()) {
            throw ProblemException.conflict("snapshot-not-stored", "snapshot " + id + " is "
                    + snapshot.phase.wireName()
                    + "; only a stored snapshot can be verified");
        }
        if (snapshot.isBeingVerified()) {
            throw ProblemException.conflict("verification-running", "snapshot " + id + " is being verified by task "
                    + snapshot.verifyTaskId);
        }
        snapshot.startVerification(UUID.randomUUID());
        tasks.verify(snapshot);
        return snapshot;
    }

    /** Removes the stored object, then the catalog entry. */
    @Transactional
    public void delete(UUID id) {
        Snapshot snapshot = locked(id);
        if (snapshot.busy()) {
            throw ProblemException.conflict("snapshot-busy", "snapshot " + id + " has a task running ("
                    + (snapshot.isRunning() ? "backup " + snapshot.taskId
                            : "verification " + snapshot.verifyTaskId) + "); delete it when the task has ended");
        }
        SnapshotRestore.runningOf(id).ifPresent(restore -> {
            throw ProblemException.conflict("snapshot-busy", "restore " + restore.id + " reads snapshot " + id
                    + "; delete it when the restore has ended");
        });
        RestoreTest.runningOf(id).ifPresent(test -> {
            throw ProblemException.conflict("snapshot-busy", "the restore test of drill " + test.drillId
                    + " reads snapshot " + id + "; delete it when the test has ended");
        });
        remove(snapshot);
    }

    /**
     * Retention: locks the policy's completed snapshots, asks the plan again and deletes the snapshot if it still
     * goes. Another instance may have deleted it already, or since the plan was made it may have come into use (a
     * verification or a restore requested) or become the newest verified one.
     *
     * @param plan the policy's retention: which of its completed snapshots (newest first) it no longer keeps
     */
    @Transactional
    public void expire(UUID id, UUID policyId, UnaryOperator<List<Snapshot>> plan) {
        plan.apply(Snapshot.completedOfPolicyLocked(policyId)).stream()
                .filter(snapshot -> snapshot.id.equals(id)).findFirst().ifPresent(snapshot -> {
                    remove(snapshot);
                    LOG.infof("Retention deleted snapshot %s of %s (policy %s)", snapshot.id, snapshot.cluster,
                            snapshot.policyId);
                    if (snapshot.kind == SnapshotKind.PHYSICAL) {
                        walRetention.trim(snapshot.cluster);
                    }
                });
    }

    /** Locks the snapshot, so retention or a delete deciding on it at the same moment sees the restore. */
    @Transactional
    public SnapshotRestore restore(UUID id, RestoreRequest request) {
        Snapshot snapshot = locked(id);
        if (!snapshot.isCompleted()) {
            throw ProblemException.conflict("snapshot-not-restorable", "snapshot " + id + " is "
                    + snapshot.phase.wireName()
                    + (snapshot.verifyDetail == null ? "" : " (" + snapshot.verifyDetail + ")")
                    + "; only a completed snapshot can be restored");
        }
        KnownCluster target = rules.cluster(request.targetCluster() == null ? snapshot.cluster
                : request.targetCluster());
        rules.restoreAllowed(target.name);
        SnapshotRestore.runningInto(target.name).ifPresent(running -> {
            throw ProblemException.conflict("restore-running", "restore " + running.id + " into cluster '"
                    + target.name + "' has not ended");
        });
        SnapshotRestore restore = new SnapshotRestore();
        restore.id = UUID.randomUUID();
        restore.snapshotId = snapshot.id;
        restore.kind = snapshot.kind;
        restore.targetCluster = target.name;
        restore.replaceData = request.replaces();
        restore.requestedBy = ChangeOrigins.current().requestedBy();
        if (snapshot.kind == SnapshotKind.LOGICAL) {
            logicalTarget(snapshot, target, request, restore);
        } else {
            physicalTarget(snapshot, target, request, restore);
        }
        restore.phase = RestorePhase.RUNNING;
        restore.taskId = UUID.randomUUID();
        restore.requestedAt = Instant.now();
        restore.persist();
        tasks.restore(snapshot, restore);
        return restore;
    }

    private void logicalTarget(Snapshot snapshot, KnownCluster target, RestoreRequest request,
            SnapshotRestore restore) {
        if (request.targetNode() != null) {
            throw ProblemException.badRequest("targetNode", "a logical snapshot is restored into a database; "
                    + "targetNode is for physical snapshots");
        }
        if (target.majorVersion < snapshot.majorVersion) {
            throw ProblemException.unprocessable("version-too-old", "Target too old", "cluster '" + target.name
                    + "' runs PostgreSQL " + target.majorVersion + "; a dump of PostgreSQL " + snapshot.majorVersion
                    + " restores only into the same or a newer version");
        }
        List<String> tables = request.tableList();
        restore.tables = tables.toArray(String[]::new);
        if (tables.isEmpty()) {
            restore.targetDatabase = request.targetDatabase() != null ? request.targetDatabase()
                    : defaultDatabaseName(snapshot);
            if (!restore.replaceData && inspector.databaseExists(target, restore.targetDatabase)) {
                throw ProblemException.conflict("database-exists", "database '" + restore.targetDatabase
                        + "' exists on cluster '" + target.name + "'; name another one, or pass replace: true to "
                        + "drop it and restore in its place");
            }
            return;
        }
        List<String> inSnapshot = SnapshotRules.qualified(snapshot.tableList()).stream().map(Object::toString)
                .toList();
        List<String> outside = SnapshotRules.qualified(tables).stream().map(Object::toString)
                .filter(table -> !inSnapshot.isEmpty() && !inSnapshot.contains(table)).toList();
        if (!outside.isEmpty()) {
            throw ProblemException.unprocessable("table-not-in-snapshot", "Table not in the snapshot",
                    "snapshot " + snapshot.id + " holds only " + snapshot.tableList() + ", not " + outside);
        }
        restore.targetDatabase = request.targetDatabase() != null ? request.targetDatabase() : snapshot.database;
        if (!restore.replaceData) {
            throw ProblemException.conflict("replace-required", "restoring tables replaces their rows in database '"
                    + restore.targetDatabase + "' of cluster '" + target.name + "'; pass replace: true");
        }
        rules.sourceExists(target, restore.targetDatabase, tables);
    }

    private void physicalTarget(Snapshot snapshot, KnownCluster target, RestoreRequest request,
            SnapshotRestore restore) {
        if (request.targetDatabase() != null || !request.tableList().isEmpty()) {
            throw ProblemException.badRequest("targetDatabase", "a physical snapshot restores a whole node; "
                    + "targetDatabase and tables are for logical snapshots");
        }
        rules.sameMajorVersion(snapshot, target);
        restore.targetNode = rules.replacedNode(target, request.targetNode(), restore.replaceData).name();
    }

    public Optional<SnapshotRestore> findRestore(UUID id) {
        return SnapshotRestore.findByIdOptional(id);
    }

    private Snapshot locked(UUID id) {
        Snapshot snapshot = Snapshot.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (snapshot == null) {
            throw ProblemException.notFound("snapshot", "no snapshot " + id);
        }
        return snapshot;
    }

    private void remove(Snapshot snapshot) {
        try {
            storage.get(snapshot.storage).delete(snapshot.objectKey);
        } catch (IOException e) {
            throw ProblemException.unprocessable("storage-unavailable", "Storage unavailable", "could not delete "
                    + "the stored data of snapshot " + snapshot.id + " from '" + snapshot.storage + "': "
                    + e.getMessage() + "; nothing was deleted");
        }
        snapshot.delete();
        announcer.snapshot(SnapshotEvents.DELETED, snapshot);
        if (snapshot.kind == SnapshotKind.PHYSICAL) {
            walCatalog.snapshotsChanged(snapshot.cluster);
        }
    }

    private static String objectKey(Snapshot snapshot) {
        String prefix = snapshot.cluster + "/" + snapshot.kind.wireName() + "/" + snapshot.id + "/";
        return snapshot.kind == SnapshotKind.PHYSICAL ? prefix + "base.tar.gz" : prefix + snapshot.database + ".dump";
    }

    /** {@code <database>_<snapshot time>}, e.g. {@code shop_20261122_073012}: a new name, so nothing is replaced. */
    private static String defaultDatabaseName(Snapshot snapshot) {
        String base = snapshot.database.length() > 47 ? snapshot.database.substring(0, 47) : snapshot.database;
        Instant at = snapshot.consistentAt != null ? snapshot.consistentAt : snapshot.requestedAt;
        return base + "_" + NAME_TIME.format(at);
    }
}
