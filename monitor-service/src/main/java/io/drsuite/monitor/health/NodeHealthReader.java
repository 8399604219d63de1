package io.drsuite.monitor.health;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.WalReceiver;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What one poll reads from a node over its monitoring session. Every query works under {@code pg_monitor}: the
 * {@code pg_control_*} functions, {@code pg_stat_replication} and {@code pg_stat_wal_receiver} in full
 * ({@code pg_read_all_stats}), the slots and the settings.
 */
public final class NodeHealthReader {

    private NodeHealthReader() {
    }

    public static NodeHealth read(String cluster, String node, NodeSession session, String login)
            throws SQLException {
        boolean inRecovery = session.inRecovery();
        WalReceiver receiver = inRecovery ? session.walReceiver() : WalReceiver.NONE;
        return new NodeHealth(cluster, node, Instant.now(), true, null, inRecovery, session.timeline(),
                inRecovery ? null : session.currentLsn(),
                inRecovery ? session.receiveLsn().orElse(null) : null,
                inRecovery ? session.replayLsn().orElse(null) : null,
                inRecovery ? session.lastReplayTimestamp().orElse(null) : null,
                inRecovery ? receiver.status() : null,
                session.slotRetainedBytes().orElse(null),
                session.inactiveSlots(),
                session.replicationConnections(),
                session.slots(),
                session.slotWalCapBytes().orElse(null),
                upstream(receiver),
                login);
    }

    private static String upstream(WalReceiver receiver) {
        return receiver.senderHost() == null || receiver.senderPort() == null ? null
                : receiver.senderHost() + ":" + receiver.senderPort();
    }
}
