package io.drsuite.task.dr;

import io.drsuite.task.config.ReplacedDataConfig;
import io.drsuite.task.engine.StepContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps the data directories DR builds replace for {@code drsuite.replaced-data.retention} and deletes them once
 * their time is up. The record is the database's ({@link ReplacedData}), so any instance may sweep; removing a
 * folder twice is harmless. Data whose node cannot be reached now stays recorded and is tried again next sweep.
 */
@ApplicationScoped
public class ReplacedDataSweep {

    private static final Logger LOG = Logger.getLogger(ReplacedDataSweep.class);

    private final ManagedClusters clusters;
    private final ReplacedDataConfig config;

    ReplacedDataSweep(ManagedClusters clusters, ReplacedDataConfig config) {
        this.clusters = clusters;
        this.config = config;
    }

    /** Records, before the build moves it, that {@code path} will hold the node's previous data until it is due. */
    public void keep(StepContext context, ManagedCluster cluster, ManagedNode node, String path) {
        Instant deleteAfter = Instant.now().plus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> {
            if (ReplacedData.findByPath(path).isEmpty()) {
                ReplacedData.of(context.taskId(), cluster.name(), node.name(), path, deleteAfter).persist();
            }
        });
    }

    /** When the kept data at {@code path} is due for deletion, if it is recorded. */
    Optional<Instant> deleteAfter(String path) {
        return QuarkusTransaction.requiringNew().call(() -> ReplacedData.findByPath(path).map(r -> r.deleteAfter));
    }

    @Scheduled(every = "${drsuite.replaced-data.sweep-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledSweep() {
        sweep(Instant.now());
    }

    /** Deletes every kept data directory due at {@code now}; returns how many were deleted. */
    public int sweep(Instant now) {
        List<ReplacedData> due = QuarkusTransaction.requiringNew().call(() -> ReplacedData.due(now));
        int deleted = 0;
        for (ReplacedData replaced : due) {
            if (delete(replaced)) {
                deleted++;
            }
        }
        return deleted;
    }

    private boolean delete(ReplacedData replaced) {
        if (!StandbyBuilder.isReplacedDirectory(replaced.path, replaced.taskId)) {
            LOG.warnf("Not deleting %s (cluster %s): not a path the suite sets aside", replaced.path,
                    replaced.clusterName);
            return false;
        }
        Optional<ManagedNode> node = clusters.find(replaced.clusterName).flatMap(cluster -> cluster.nodes().stream()
                .filter(candidate -> candidate.name().equals(replaced.nodeName)).findFirst());
        if (node.isEmpty()) {
            LOG.warnf("Kept data %s of node %s, cluster %s: the node is no longer registered; left in place",
                    replaced.path, replaced.nodeName, replaced.clusterName);
            return false;
        }
        try {
            node.get().files().remove(replaced.path);
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete kept data %s of %s yet (%s); trying again at the next sweep", replaced.path,
                    node.get(), e.getMessage());
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> ReplacedData.<ReplacedData>findByIdOptional(replaced.id)
                .ifPresent(ReplacedData::markDeleted));
        LOG.infof("Deleted %s, the data %s of cluster %s had before a DR build (kept since %s)", replaced.path,
                replaced.nodeName, replaced.clusterName, replaced.replacedAt);
        return true;
    }
}
