package io.drsuite.monitor.health;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.ReplicationConnection;
import java.time.Instant;
import java.util.List;

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
        String walReceiver,
        Long slotRetainedBytes,
        List<String> inactiveSlots,
        List<ReplicationConnection> standbys) {

    public static NodeHealth unreachable(String cluster, String node, String error) {
        return new NodeHealth(cluster, node, Instant.now(), false, error, null, null, null, null, null, null, null,
                null, List.of(), List.of());
    }

    public boolean isPrimary() {
        return reachable && Boolean.FALSE.equals(inRecovery);
    }
}
