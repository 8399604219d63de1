package io.drsuite.clusterclient.sql;

import com.fasterxml.jackson.annotation.JsonProperty;
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
