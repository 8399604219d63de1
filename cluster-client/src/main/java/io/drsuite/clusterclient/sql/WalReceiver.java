package io.drsuite.clusterclient.sql;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A standby's WAL receiver as {@code pg_stat_wal_receiver} shows it.
 *
 * @param status {@link Status#STREAMING} while it streams; {@link Status#STOPPED} when there is no receiver
 * @param flushedLsn WAL received and flushed to the standby's disk
 * @param latestEndLsn the last WAL position the upstream reported, the best estimate of where the upstream is
 * @param senderHost host of the upstream it streams from
 * @param senderPort port of the upstream it streams from
 */
public record WalReceiver(Status status, Lsn flushedLsn, Lsn latestEndLsn, String senderHost, Integer senderPort) {

    public static final WalReceiver NONE = new WalReceiver(Status.STOPPED, null, null, null, null);

    /** {@code status} of {@code pg_stat_wal_receiver}; in JSON by PostgreSQL's lower-case word. */
    public enum Status {
        @JsonProperty("stopped")
        STOPPED,
        @JsonProperty("starting")
        STARTING,
        @JsonProperty("streaming")
        STREAMING,
        @JsonProperty("waiting")
        WAITING,
        @JsonProperty("restarting")
        RESTARTING,
        @JsonProperty("stopping")
        STOPPING,
        /** A word this version does not know. */
        @JsonProperty("unknown")
        UNKNOWN;

        static Status of(String value) {
            return Catalog.parse(Status.class, value, UNKNOWN);
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean streaming() {
        return status == Status.STREAMING;
    }
}
