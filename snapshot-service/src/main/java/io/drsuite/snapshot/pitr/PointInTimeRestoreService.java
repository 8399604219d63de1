package io.drsuite.snapshot.pitr;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.WalTasks.RecoveryTargetKind;
import io.drsuite.platform.node.NodeRegistration;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.api.PointInTimeRestoreRequest;
import io.drsuite.snapshot.api.PointInTimeRestoreRequest.Target;
import io.drsuite.snapshot.model.RestorePhase;
import io.drsuite.snapshot.model.RestorePoint;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.snapshot.service.SnapshotRules;
import io.drsuite.snapshot.service.SnapshotTaskRequests;
import io.drsuite.snapshot.wal.RecoveryWindow;
import io.drsuite.snapshot.wal.WalCatalog;
import io.drsuite.snapshot.wal.WalContinuity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Restores a cluster's state as of a point in time onto a node: picks the newest usable physical snapshot before the
 * target, and the archived WAL from its start on, and requests the {@code snapshot.restore-pitr} task. A target the
 * archive cannot reach is refused with the recovery window in the problem detail; a registered target node is
 * checked as for a physical restore, a new node's place for being free.
 */
@ApplicationScoped
public class PointInTimeRestoreService {

    private final SnapshotRules rules;
    private final WalCatalog catalog;
    private final SnapshotTaskRequests tasks;

    PointInTimeRestoreService(SnapshotRules rules, WalCatalog catalog, SnapshotTaskRequests tasks) {
        this.rules = rules;
        this.catalog = catalog;
        this.tasks = tasks;
    }

    @Transactional
    public SnapshotRestore restore(PointInTimeRestoreRequest request) {
        Target target = request.target();
        if (target.given() != 1) {
            throw ProblemException.badRequest("target", "name exactly one target: time, lsn, restorePoint or "
                    + "latest: true");
        }
        KnownCluster source = rules.cluster(request.cluster());
        WalArchive archive = WalArchive.currentOf(source.name).orElseThrow(() -> ProblemException.unprocessable(
                "no-wal-archive", "No WAL archive", "cluster '" + source.name + "' has no WAL archive; switch one "
                        + "on (POST /api/v1/wal-archives) and take a physical snapshot"));
        WalContinuity continuity = catalog.continuity(archive.id);
        RecoveryWindow window = catalog.window(archive, continuity);
        ChosenTarget chosen = choose(source, target, continuity, window);
        Snapshot base = Snapshot.findById(chosen.base().id, LockModeType.PESSIMISTIC_WRITE);

        SnapshotRestore restore = new SnapshotRestore();
        restore.id = UUID.randomUUID();
        restore.snapshotId = base.id;
        restore.kind = SnapshotKind.PHYSICAL;
        restore.requestedBy = ChangeOrigins.current().requestedBy();
        restore.walArchiveId = archive.id;
        restore.sourceCluster = source.name;
        restore.targetKind = chosen.kind().wireName();
        restore.targetValue = chosen.value();
        restore.pauseAtTarget = Boolean.TRUE.equals(request.pauseAtTarget());
        restore.phase = RestorePhase.RUNNING;
        restore.taskId = UUID.randomUUID();
        restore.requestedAt = Instant.now();
        NodeRegistration newNode = request.ontoNewNode();
        if (newNode == null) {
            ontoRegisteredNode(request, base, restore);
        } else {
            ontoNewNode(request, newNode, restore);
        }
        restore.persist();
        tasks.pointInTimeRestore(base, restore, catalog.fromBase(archive, continuity, base),
                newNode == null ? null : newNode.asNode(NodeRole.PRIMARY));
        return restore;
    }

    /** Replaces the data directory of a registered node, as a physical restore does, with its checks. */
    private void ontoRegisteredNode(PointInTimeRestoreRequest request, Snapshot base, SnapshotRestore restore) {
        KnownCluster onto = rules.cluster(request.ontoCluster());
        rules.restoreAllowed(onto.name);
        SnapshotRestore.runningInto(onto.name).ifPresent(running -> {
            throw ProblemException.conflict("restore-running", "restore " + running.id + " into cluster '"
                    + onto.name + "' has not ended");
        });
        rules.sameMajorVersion(base, onto);
        restore.targetCluster = onto.name;
        restore.targetNode = rules.replacedNode(onto, request.ontoNode(), request.replaces()).name();
        restore.replaceData = true;
    }

    /**
     * Creates a node where no registered node is and no other restore creates one; the task refuses a data directory
     * that exists. Nothing is replaced, so {@code replace} is not asked for.
     */
    private void ontoNewNode(PointInTimeRestoreRequest request, NodeRegistration newNode, SnapshotRestore restore) {
        if (request.onto().cluster() != null || request.onto().node() != null) {
            throw ProblemException.badRequest("onto", "name a registered node (onto.cluster, onto.node) or "
                    + "onto.newNode, not both");
        }
        rules.newNodePlace(newNode);
        SnapshotRestore.runningOntoNewNode(newNode.host(), newNode.port(), newNode.dataDirectory())
                .ifPresent(running -> {
                    throw ProblemException.conflict("restore-running", "restore " + running.id + " creates node '"
                            + running.targetNode + "' at " + running.newNodeHost + ":" + running.newNodePort + " in "
                            + running.newNodeDataDirectory + " and has not ended");
                });
        restore.targetNode = newNode.name();
        restore.newNodeHost = newNode.host();
        restore.newNodePort = newNode.port();
        restore.newNodeDataDirectory = newNode.dataDirectory();
        restore.replaceData = false;
    }

    /** The target in the task's terms and the base snapshot to start from. */
    private record ChosenTarget(RecoveryTargetKind kind, String value, Snapshot base) {
    }

    private static ChosenTarget choose(KnownCluster source, Target target, WalContinuity continuity,
            RecoveryWindow window) {
        if (target.time() != null) {
            if (!window.contains(target.time())) {
                throw outside(source, window, "time " + target.time());
            }
            return new ChosenTarget(RecoveryTargetKind.TIME, target.time().toString(),
                    newestBase(window, base -> !base.consistentAt.isAfter(target.time()))
                            .orElseThrow(() -> outside(source, window, "time " + target.time())));
        }
        if (target.lsn() != null) {
            Lsn lsn = Lsn.parse(target.lsn());
            return new ChosenTarget(RecoveryTargetKind.LSN, lsn.toString(),
                    byLsn(source, lsn, continuity, window, "LSN " + lsn));
        }
        if (target.restorePoint() != null) {
            RestorePoint point = RestorePoint.named(source.name, target.restorePoint()).orElseThrow(() ->
                    ProblemException.unprocessable("unknown-restore-point", "Unknown restore point", "cluster '"
                            + source.name + "' has no restore point named '" + target.restorePoint() + "'"));
            return new ChosenTarget(RecoveryTargetKind.RESTORE_POINT, point.name, byLsn(source,
                    Lsn.parse(point.lsn), continuity, window, "restore point '" + point.name + "' (" + point.lsn
                            + ")"));
        }
        return new ChosenTarget(RecoveryTargetKind.LATEST, null, window.bases().stream().findFirst()
                .orElseThrow(() -> outside(source, window, "the latest archived WAL")));
    }

    /** The newest base whose WAL ends at or before the position, when the archive reaches the position. */
    private static Snapshot byLsn(KnownCluster source, Lsn lsn, WalContinuity continuity, RecoveryWindow window,
            String what) {
        if (!continuity.reaches(lsn.value())) {
            throw outside(source, window, what);
        }
        return newestBase(window, base -> !Lsn.parse(base.endLsn != null ? base.endLsn : base.startLsn)
                .isAtLeast(new Lsn(lsn.value() + 1))).orElseThrow(() -> outside(source, window, what));
    }

    private static Optional<Snapshot> newestBase(RecoveryWindow window, Predicate<Snapshot> before) {
        return window.bases().stream().filter(before).findFirst();
    }

    private static ProblemException outside(KnownCluster source, RecoveryWindow window, String what) {
        return ProblemException.unprocessable("outside-recovery-window", "Target outside the recovery window",
                what + " cannot be reached from the snapshots and archived WAL of cluster '" + source.name
                        + "'; its recovery window is " + window.describe());
    }
}
