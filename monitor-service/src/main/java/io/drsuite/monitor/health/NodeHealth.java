package io.drsuite.monitor.health;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.ReplicationConnection;
import io.drsuite.clusterclient.sql.SlotState;
import io.drsuite.clusterclient.sql.WalReceiver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one poll learned about one node, or that it did not answer.
 *
 * @param currentLsn on a primary: its write position
 * @param receiveLsn on a standby: WAL received and flushed
 * @param replayLsn on a standby: WAL replayed
 * @param lastReplayAt on a standby: commit time of the last transaction replayed
 * @param walReceiver on a standby: its WAL receiver's status ({@code streaming}, {@code stopped}, ...)
 * @param slotRetainedBytes WAL the node keeps for its replication slots (the most any slot holds back)
 * @param inactiveSlots replication slots no standby uses
 * @param slots every replication slot with the state of the WAL it needs
 * @param slotWalCapBytes {@code max_slot_wal_keep_size} in bytes; null when unlimited or not read
 * @param upstream on a standby whose WAL receiver runs: the {@code host:port} it streams from; null otherwise
 * @param sessionLogin the login the node's monitoring session uses: {@code drsuite_monitor}, or the cluster's admin
 *     login where the monitoring role could not be made or was refused; null when the node did not answer
 */
public record NodeHealth(
        String cluster,
        String node,
        Instant sampledAt,
        boolean reachable,
        String error,
        Boolean inRecovery,
        Integer timeline,
        Lsn currentLsn,
        Lsn receiveLsn,
        Lsn replayLsn,
        Instant lastReplayAt,
        WalReceiver.Status walReceiver,
        Long slotRetainedBytes,
        List<String> inactiveSlots,
        List<ReplicationConnection> standbys,
        List<SlotState> slots,
        Long slotWalCapBytes,
        String upstream,
        String sessionLogin) {

    /** A node's health read without saying through which login. */
    public NodeHealth(String cluster, String node, Instant sampledAt, boolean reachable, String error,
            Boolean inRecovery, Integer timeline, Lsn currentLsn, Lsn receiveLsn, Lsn replayLsn, Instant lastReplayAt,
            WalReceiver.Status walReceiver, Long slotRetainedBytes, List<String> inactiveSlots,
            List<ReplicationConnection> standbys, List<SlotState> slots, Long slotWalCapBytes, String upstream) {
        this(cluster, node, sampledAt, reachable, error, inRecovery, timeline, currentLsn, receiveLsn, replayLsn,
                lastReplayAt, walReceiver, slotRetainedBytes, inactiveSlots, standbys, slots, slotWalCapBytes,
                upstream, null);
    }

    public static NodeHealth unreachable(String cluster, String node, String error) {
        return new NodeHealth(cluster, node, Instant.now(), false, error, null, null, null, null, null, null, null,
                null, List.of(), List.of(), List.of(), null, null, null);
    }

    /** The named slot, when the node has it. */
    public Optional<SlotState> slot(String name) {
        return slots.stream().filter(slot -> slot.name().equals(name)).findFirst();
    }

    /** A standby whose WAL receiver streams from its upstream. */
    public boolean streams() {
        return walReceiver == WalReceiver.Status.STREAMING;
    }

    public boolean isPrimary() {
        return reachable && Boolean.FALSE.equals(inRecovery);
    }

    /** A standby that answered. */
    public boolean isStandby() {
        return reachable && Boolean.TRUE.equals(inRecovery);
    }

    /**
     * The most WAL this standby holds: received (and flushed) when its receiver ever ran, else replayed. Null on a
     * primary or an unreachable node.
     */
    public Lsn heldLsn() {
        if (receiveLsn == null) {
            return replayLsn;
        }
        return replayLsn == null || receiveLsn.isAtLeast(replayLsn) ? receiveLsn : replayLsn;
    }
}
