package io.drsuite.task.wal;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.dr.SlotWalCap;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive's physical slot on the node it streams from: it holds the WAL not archived yet. Its name comes from the
 * archive's id ({@code WalTasks.slotFor}), so whatever uses it is a stream of this archive.
 */
@ApplicationScoped
class ArchiveSlots {

    private static final int RELEASE_CHECKS = 10;
    private static final long RELEASE_PAUSE_MILLIS = 300;

    private final ManagedClusters clusters;
    private final SlotWalCap slotWalCap;

    ArchiveSlots(ManagedClusters clusters, SlotWalCap slotWalCap) {
        this.clusters = clusters;
        this.slotWalCap = slotWalCap;
    }

    /**
     * Readies the slot on {@code node} for a new pg_receivewal: creates it when missing (reserving WAL from now on),
     * caps the WAL the node's slots may hold back, and ends the walsender of a pg_receivewal still using it: one a killed earlier run of this service left, or
     * one of an instance that lost the task. This instance holds the task's lease, so the stream is its own.
     *
     * @return the node's WAL segment size in bytes
     */
    long prepare(ManagedCluster cluster, ManagedNode node, String slot, StepContext context) throws SQLException {
        try (NodeSession session = clusters.connector().open(node.endpoint(), cluster.admin())) {
            if (session.ensurePhysicalSlot(slot)) {
                context.log("created physical slot " + slot + " on " + node);
            }
            // A stalled archive must never fill the node's disk: past the cap its slot is invalidated (a gap the
            // archive reports) rather than the node stopping.
            if (slotWalCap.apply(context, session, node)) {
                session.reloadConfiguration();
            }
            if (session.slotActive(slot).orElse(false)) {
                List<Integer> ended = endWalSenders(session, slot);
                context.log("slot " + slot + " on " + node + " was in use by walsender " + ended
                        + " (a pg_receivewal this instance does not run); ended it, this instance holds the stream");
                awaitReleased(session, slot);
            }
            return segmentBytes(session);
        }
    }

    /**
     * Drops the slot on {@code node} once nothing uses it (a walsender whose pg_receivewal just ended takes a moment
     * to go). An unreachable node or a slot still in use is only logged: the stream goes on without it.
     */
    void drop(ManagedCluster cluster, ManagedNode node, String slot, StepContext context) {
        try (NodeSession session = clusters.connector().open(node.endpoint(), cluster.admin())) {
            if (!session.slotExists(slot)) {
                return;
            }
            awaitReleased(session, slot);
            if (session.dropSlotIfInactive(slot)) {
                context.log("dropped slot " + slot + " on " + node);
            } else {
                context.log("slot " + slot + " on " + node + " is still in use and was left; drop it by hand "
                        + "once unused, it holds WAL on that node until then");
            }
        } catch (SQLException e) {
            context.log("could not drop slot " + slot + " on " + node + " (" + e.getMessage() + "); drop it by hand "
                    + "when the node is back, it holds WAL on that node until then");
        }
    }

    private static List<Integer> endWalSenders(NodeSession session, String slot) throws SQLException {
        List<Integer> ended = new ArrayList<>();
        try (PreparedStatement statement = session.connection().prepareStatement("""
                select a.pid, pg_terminate_backend(a.pid)
                  from pg_replication_slots s join pg_stat_activity a on a.pid = s.active_pid
                 where s.slot_name = ? and a.backend_type = 'walsender'""")) {
            statement.setString(1, slot);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ended.add(row.getInt(1));
                }
            }
        }
        return ended;
    }

    private static void awaitReleased(NodeSession session, String slot) throws SQLException {
        for (int check = 0; check < RELEASE_CHECKS && session.slotActive(slot).orElse(false); check++) {
            try {
                Thread.sleep(RELEASE_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for slot " + slot + " to be released", e);
            }
        }
    }

    private static long segmentBytes(NodeSession session) throws SQLException {
        try (Statement statement = session.connection().createStatement(); ResultSet row = statement.executeQuery(
                "select pg_size_bytes(current_setting('wal_segment_size'))")) {
            row.next();
            return row.getLong(1);
        }
    }
}
