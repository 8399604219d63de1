package io.drsuite.clusterclient.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One replication slot as {@code pg_replication_slots} shows it: whether a standby uses it and whether the WAL it
 * needs is still kept. A slot capped by {@code max_slot_wal_keep_size} becomes {@code unreserved} once it needs
 * WAL beyond the cap and {@code lost} (invalidated; the standby cannot catch up any more) at the next checkpoint.
 *
 * @param safeWalBytes WAL that may still be written before the slot is in danger of losing what it needs; null
 *        when there is no cap, or the slot is lost
 */
public record SlotState(String name, boolean active, WalStatus walStatus, Long safeWalBytes) {

    /** Every slot of the server, in name order, as {@link #of(ResultSet)} reads a row (no WAL state before 13). */
    static String query(int majorVersion) {
        return majorVersion >= 13
                ? "select slot_name, active, wal_status, safe_wal_size from pg_replication_slots order by slot_name"
                : "select slot_name, active, null, null::bigint from pg_replication_slots order by slot_name";
    }

    static SlotState of(ResultSet row) throws SQLException {
        long safe = row.getLong(4);
        return new SlotState(row.getString(1), row.getBoolean(2), WalStatus.of(row.getString(3)),
                row.wasNull() ? null : safe);
    }

    /** {@code wal_status} of {@code pg_replication_slots}. */
    public enum WalStatus {
        RESERVED, EXTENDED, UNRESERVED, LOST, UNKNOWN;

        static WalStatus of(String value) {
            return Catalog.parse(WalStatus.class, value, UNKNOWN);
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The slot no longer holds the WAL its standby needs: that standby must be rebuilt. */
    public boolean isLost() {
        return walStatus == WalStatus.LOST;
    }

    /** The slot needs WAL beyond the cap: it is lost at the next checkpoint unless its standby catches up. */
    public boolean isUnreserved() {
        return walStatus == WalStatus.UNRESERVED;
    }
}
