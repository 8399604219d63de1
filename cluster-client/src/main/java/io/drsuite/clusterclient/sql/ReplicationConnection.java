package io.drsuite.clusterclient.sql;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One standby connected to a server, as its {@code pg_stat_replication} row shows it.
 *
 * @param applicationName the standby's {@code application_name}
 * @param state e.g. {@link State#STREAMING}, {@link State#CATCHUP}
 * @param syncState whether commits wait for it
 * @param replayLsn WAL replayed by the standby
 * @param writeLagSeconds time until the standby wrote a commit's WAL ({@code write_lag}), null when idle
 * @param flushLagSeconds time until it flushed it ({@code flush_lag}), null when idle
 * @param replayLagSeconds time between a commit and its replay on the standby, null when idle
 */
public record ReplicationConnection(String applicationName, State state, SyncState syncState, Lsn replayLsn,
        Double writeLagSeconds, Double flushLagSeconds, Double replayLagSeconds) {

    /** Every standby connected to the server, as {@link #of(ResultSet)} reads a row. */
    static final String QUERY = """
            select application_name, state, sync_state, replay_lsn::text, extract(epoch from write_lag)::float8,
                   extract(epoch from flush_lag)::float8, extract(epoch from replay_lag)::float8
              from pg_stat_replication""";

    static ReplicationConnection of(ResultSet row) throws SQLException {
        String replayed = row.getString(4);
        return new ReplicationConnection(row.getString(1), State.of(row.getString(2)),
                SyncState.of(row.getString(3)), replayed == null ? null : Lsn.parse(replayed), seconds(row, 5),
                seconds(row, 6), seconds(row, 7));
    }

    private static Double seconds(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    /** {@code state} of {@code pg_stat_replication}: what the WAL sender does; in JSON by PostgreSQL's word. */
    public enum State {
        @JsonProperty("startup")
        STARTUP,
        @JsonProperty("catchup")
        CATCHUP,
        @JsonProperty("streaming")
        STREAMING,
        @JsonProperty("backup")
        BACKUP,
        @JsonProperty("stopping")
        STOPPING,
        /** A word this version does not know. */
        @JsonProperty("unknown")
        UNKNOWN;

        static State of(String value) {
            return Catalog.parse(State.class, value, UNKNOWN);
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code sync_state} of {@code pg_stat_replication}: whether commits wait for the standby. */
    public enum SyncState {
        @JsonProperty("async")
        ASYNC,
        @JsonProperty("potential")
        POTENTIAL,
        @JsonProperty("sync")
        SYNC,
        @JsonProperty("quorum")
        QUORUM,
        /** A word this version does not know. */
        @JsonProperty("unknown")
        UNKNOWN;

        static SyncState of(String value) {
            return Catalog.parse(SyncState.class, value, UNKNOWN);
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean streaming() {
        return state == State.STREAMING;
    }

    /** Commits on the server wait for this standby. */
    public boolean synchronous() {
        return syncState == SyncState.SYNC;
    }
}
