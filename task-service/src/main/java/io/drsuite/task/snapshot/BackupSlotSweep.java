package io.drsuite.task.snapshot;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Drops backup slots ({@link BackupSlot}) whose backup task is no longer pending or running. A task releases its slot
 * at every ending, but an instance that dies in between, or a task whose rows are gone, leaves one behind, and an
 * unused slot keeps WAL on the primary until its disk fills or {@code max_slot_wal_keep_size} invalidates it.
 */
@ApplicationScoped
public class BackupSlotSweep {

    private static final Logger LOG = Logger.getLogger(BackupSlotSweep.class);

    private final ManagedClusters clusters;

    BackupSlotSweep(ManagedClusters clusters) {
        this.clusters = clusters;
    }

    @Scheduled(every = "${drsuite.snapshots.slot-sweep-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sweep();
    }

    /** One pass over every node of every registered cluster; returns the slots it dropped. */
    public List<String> sweep() {
        List<String> dropped = new ArrayList<>();
        for (String name : clusters.registeredNames()) {
            try {
                ManagedCluster cluster = clusters.load(name);
                for (ManagedNode node : cluster.nodes()) {
                    dropped.addAll(sweep(cluster, node));
                }
            } catch (RuntimeException e) {
                LOG.debugf("Slot sweep skipped cluster %s: %s", name, e.getMessage());
            }
        }
        return dropped;
    }

    private List<String> sweep(ManagedCluster cluster, ManagedNode node) {
        List<String> dropped = new ArrayList<>();
        try (NodeSession session = clusters.connector().open(node.endpoint(), cluster.admin())) {
            for (String slot : session.inactiveSlots()) {
                Optional<String> snapshotId = BackupSlot.snapshotIdOf(slot);
                if (snapshotId.isPresent() && !backupUnfinished(snapshotId.get()) && session.dropSlotIfInactive(slot)) {
                    LOG.infof("Dropped slot %s on %s of %s: its backup task is not running", slot, node, cluster);
                    dropped.add(slot);
                }
            }
        } catch (SQLException e) {
            LOG.debugf("Slot sweep skipped node %s of %s: %s", node, cluster, e.getMessage());
        }
        return dropped;
    }

    private static boolean backupUnfinished(String snapshotId) {
        return QuarkusTransaction.requiringNew().call(() -> Task.count("type = ?1 and target = ?2 and state in ?3",
                SnapshotTasks.PHYSICAL_BACKUP, snapshotId, List.of(TaskState.PENDING, TaskState.RUNNING)) > 0);
    }
}
