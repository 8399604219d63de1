package io.drsuite.monitor.health;

import io.drsuite.clusterclient.sql.HealthReading;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.WalReceiver;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What one poll reads from a node over its monitoring session, in one round trip ({@link HealthReading}). Every
 * query works under {@code pg_monitor}: the {@code pg_control_*} functions, {@code pg_stat_replication} and
 * {@code pg_stat_wal_receiver} in full ({@code pg_read_all_stats}), the slots and the settings.
 */
public final class NodeHealthReader {

    private NodeHealthReader() {
    }

    public static NodeHealth read(String cluster, String node, NodeSession session, String login)
            throws SQLException {
        HealthReading reading = HealthReading.read(session);
        boolean inRecovery = reading.inRecovery();
        return new NodeHealth(cluster, node, Instant.now(), true, null, inRecovery, reading.timeline(),
                reading.currentLsn(), reading.receiveLsn(), reading.replayLsn(), reading.lastReplayTimestamp(),
                inRecovery ? reading.walReceiver().status() : null,
                reading.slotRetainedBytes(),
                reading.inactiveSlots(),
                reading.replicationConnections(),
                reading.slots(),
                reading.slotWalCapBytes(),
                upstream(reading.walReceiver()),
                login);
    }

    private static String upstream(WalReceiver receiver) {
        return receiver.senderHost() == null || receiver.senderPort() == null ? null
                : receiver.senderHost() + ":" + receiver.senderPort();
    }
}
