package io.drsuite.clusterclient.sql;

/**
 * A standby's WAL receiver as {@code pg_stat_wal_receiver} shows it.
 *
 * @param status e.g. {@code streaming}; {@code stopped} when there is no receiver
 * @param flushedLsn WAL received and flushed to the standby's disk
 * @param latestEndLsn the last WAL position the upstream reported, the best estimate of where the upstream is
 * @param senderHost host of the upstream it streams from
 * @param senderPort port of the upstream it streams from
 */
public record WalReceiver(String status, Lsn flushedLsn, Lsn latestEndLsn, String senderHost, Integer senderPort) {

    public static final WalReceiver NONE = new WalReceiver("stopped", null, null, null, null);

    public boolean streaming() {
        return "streaming".equals(status);
    }
}
