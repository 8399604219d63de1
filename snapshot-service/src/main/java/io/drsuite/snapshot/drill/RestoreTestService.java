package io.drsuite.snapshot.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.drill.DrillEvents;
import io.drsuite.events.drill.RestoreTestRefused;
import io.drsuite.events.drill.RestoreTestRequested;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.snapshot.model.BackupPolicy;
import io.drsuite.snapshot.model.RestoreTest;
import io.drsuite.snapshot.model.RestoreTestState;
import io.drsuite.snapshot.model.RestoreTestTarget;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.snapshot.service.SnapshotRules;
import io.drsuite.snapshot.service.SnapshotTaskRequests;
import io.drsuite.snapshot.wal.WalCatalog;
import io.drsuite.snapshot.wal.WalContinuity;
import io.drsuite.snapshot.wal.WalToReplay;
import io.drsuite.storage.StorageLocation;
import io.drsuite.storage.StorageLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes the restore tests relationship-service hands over on {@code drsuite.drills}, each drill once: picks the
 * cluster's newest good physical snapshot that is stored where it can be read, and the archived WAL after it when the
 * cluster's archive is on and continuous from it (or, for a cluster without one, its newest good logical snapshot), records the test and requests its task in one transaction. With
 * nothing to restore, or a sandbox where a registered node is, it records the test as failed and answers
 * {@link RestoreTestRefused} instead.
 */
@ApplicationScoped
public class RestoreTestService {

    private static final Logger LOG = Logger.getLogger(RestoreTestService.class);

    private final EventInbox inbox;
    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final WalCatalog catalog;
    private final SnapshotTaskRequests tasks;
    private final StorageLocations storage;
    private final SnapshotRules rules;

    RestoreTestService(EventInbox inbox, EventOutbox outbox, ObjectMapper json, WalCatalog catalog,
            SnapshotTaskRequests tasks, StorageLocations storage, SnapshotRules rules) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.json = json;
        this.catalog = catalog;
        this.tasks = tasks;
        this.storage = storage;
        this.rules = rules;
    }

    /** Other drill events pass by; a redelivered request, or a second one for the same drill, requests nothing. */
    @Transactional
    public void apply(IncomingEvent event) {
        if (!event.is(DrillEvents.RESTORE_TEST_REQUESTED) || !inbox.firstDelivery(event)) {
            return;
        }
        RestoreTestRequested request = event.payload(DrillEvents.RESTORE_TEST_REQUESTED, json);
        if (RestoreTest.findById(request.drillId()) != null) {
            LOG.infof("Restore test of drill %s was requested before; nothing is requested again", request.drillId());
            return;
        }
        RestoreTest test = new RestoreTest();
        test.drillId = request.drillId();
        test.taskId = request.taskId();
        test.cluster = request.cluster();
        test.requestedAt = Instant.now();
        test.restoreObjectiveSeconds = BackupPolicy.restoreObjectiveOf(request.cluster()).orElse(null);
        ClusterNode sandbox = request.sandboxNode();
        Optional<String> taken = rules.registeredNodeAt(sandbox.host(), sandbox.port(), sandbox.dataDirectory());
        if (taken.isPresent()) {
            refuse(test, "the sandbox node " + sandbox.host() + ":" + sandbox.port() + " in "
                    + sandbox.dataDirectory() + " is no sandbox: " + taken.get() + "; a restore test never restores "
                    + "onto a registered cluster's node");
            return;
        }
        Optional<Snapshot> newest = newestReadable(request.cluster(), SnapshotKind.PHYSICAL)
                .or(() -> newestReadable(request.cluster(), SnapshotKind.LOGICAL));
        if (newest.isEmpty()) {
            refuse(test, "cluster '" + request.cluster() + "' has no completed snapshot, without a failed "
                    + "verification, stored where it can be read; there is nothing to restore");
            return;
        }
        // Locked until the test is recorded: retention or a delete deciding on the snapshot meanwhile sees the test.
        Snapshot snapshot = Snapshot.findById(newest.get().id, LockModeType.PESSIMISTIC_WRITE);
        Optional<WalToReplay> wal = snapshot.kind == SnapshotKind.PHYSICAL ? walAfter(snapshot) : Optional.empty();
        test.snapshotId = snapshot.id;
        test.target = wal.isPresent() ? RestoreTestTarget.LATEST : RestoreTestTarget.SNAPSHOT;
        test.state = RestoreTestState.RUNNING;
        test.persist();
        tasks.restoreTest(request, snapshot, wal.orElse(null), test.restoreObjectiveSeconds);
        LOG.infof("Restore test of drill %s restores snapshot %s of %s to %s", test.drillId, snapshot.id,
                test.cluster, wal.isPresent() ? "the end of its archived WAL" : "its own consistent point");
    }

    public Page<RestoreTest> restoreTests(String cluster, PageRequest page) {
        return RestoreTest.newestFirst(cluster, page);
    }

    private void refuse(RestoreTest test, String reason) {
        test.setAsFailed(test.requestedAt, null, reason);
        test.persist();
        outbox.record(DrillEvents.RESTORE_TEST_REFUSED, test.drillId.toString(), new RestoreTestRefused(
                test.drillId, test.taskId, test.cluster, reason, test.requestedAt));
        LOG.warnf("Restore test of drill %s refused: %s", test.drillId, reason);
    }

    /** The archived WAL after the snapshot when the cluster's archive is on and continuous from the snapshot. */
    private Optional<WalToReplay> walAfter(Snapshot snapshot) {
        return WalArchive.activeOf(snapshot.cluster).flatMap(archive -> {
            WalContinuity continuity = catalog.continuity(archive.id);
            boolean continuous = catalog.window(archive, continuity).bases().stream()
                    .anyMatch(base -> base.id.equals(snapshot.id));
            return continuous ? Optional.of(catalog.fromBase(archive, continuity, snapshot)) : Optional.empty();
        });
    }

    /**
     * A physical snapshot is preferred over a newer logical one: it restores the whole cluster (with the archived WAL
     * after it), so its restore time is the cluster's recovery time, which a dump of one database does not show. A
     * cluster backed up only logically has its newest dump tested instead: that it restores is all there is to know.
     */
    private Optional<Snapshot> newestReadable(String cluster, SnapshotKind kind) {
        return Snapshot.goodOf(cluster, kind).stream().filter(this::readable).findFirst();
    }

    private boolean readable(Snapshot snapshot) {
        Optional<StorageLocation> location = storage.find(snapshot.storage);
        try {
            return location.isPresent() && location.get().exists(snapshot.objectKey);
        } catch (IOException e) {
            LOG.warnf("Snapshot %s cannot be read from %s: %s", snapshot.id, snapshot.storage, e.toString());
            return false;
        }
    }
}
