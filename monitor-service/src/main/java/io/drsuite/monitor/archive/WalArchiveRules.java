package io.drsuite.monitor.archive;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.task.WalTasks;
import io.drsuite.monitor.alert.AlertRule;
import io.drsuite.monitor.alert.Breach;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.model.WalArchiveStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WAL archive alert rules, applied to one poll: {@code wal_archive_gap} while an archive is missing segments (a
 * point-in-time restore cannot cross the gap), {@code wal_archive_stalled} while an archive that should stream has no
 * connected stream on its cluster's main node (its slot there is missing or not in use). An idle cluster writes no
 * segments, so the age of the last segment alone says nothing; a disconnected stream does.
 */
public final class WalArchiveRules {

    private WalArchiveRules() {
    }

    /**
     * @param clusters the known clusters by name
     * @param nodes this poll's health of every node, by {@code cluster/node}
     */
    public static List<Breach> breaches(List<WalArchiveStatus> archives, Map<String, KnownCluster> clusters,
            Map<String, NodeHealth> nodes) {
        List<Breach> breaches = new ArrayList<>();
        for (WalArchiveStatus archive : archives) {
            String subject = archive.cluster + "/wal-archive";
            if (!archive.gapList().isEmpty()) {
                breaches.add(new Breach(AlertRule.WAL_ARCHIVE_GAP, subject, null, "the WAL archive of "
                        + archive.cluster + " is not continuous: " + String.join("; ", archive.gapList())));
            }
            KnownCluster cluster = clusters.get(archive.cluster);
            if (!archive.shouldStream() || cluster == null) {
                continue;
            }
            NodeHealth main = nodes.get(archive.cluster + "/" + cluster.mainNode().name());
            if (main == null || !main.reachable()) {
                continue; // node_down says it already
            }
            String slot = WalTasks.slotFor(archive.archiveId);
            boolean connected = main.slot(slot).map(state -> state.active()).orElse(false);
            if (!connected) {
                breaches.add(new Breach(AlertRule.WAL_ARCHIVE_STALLED, subject, null, "the WAL archive of "
                        + archive.cluster + " is not streaming from " + archive.cluster + "/" + main.node()
                        + " (its slot " + slot + " is " + (main.slot(slot).isPresent() ? "not in use" : "missing")
                        + "); WAL written meanwhile waits in the slot, or is lost for the archive without one"));
            }
        }
        return breaches;
    }
}
