package io.drsuite.clusterclient.sql;

/**
 * One standby connected to a server, as its {@code pg_stat_replication} row shows it.
 *
 * @param applicationName the standby's {@code application_name}
 * @param state e.g. {@code streaming}, {@code catchup}
 * @param syncState {@code async}, {@code sync}, {@code potential} or {@code quorum}
 * @param replayLsn WAL replayed by the standby
 * @param writeLagSeconds time until the standby wrote a commit's WAL ({@code write_lag}), null when idle
 * @param flushLagSeconds time until it flushed it ({@code flush_lag}), null when idle
 * @param replayLagSeconds time between a commit and its replay on the standby, null when idle
 */
public record ReplicationConnection(String applicationName, String state, String syncState, Lsn replayLsn,
        Double writeLagSeconds, Double flushLagSeconds, Double replayLagSeconds) {

    public boolean streaming() {
        return "streaming".equals(state);
    }
}
