package io.drsuite.clusterclient.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a monitoring poll reads from a node, in one round trip: three statements sent together (the node's
 * state in one row, its slots, its replication connections), each readable under {@code pg_monitor}. The
 * standby-only positions are null on a primary and the current write position is null on a standby.
 *
 * @param slotRetainedBytes the most WAL any slot holds back, from the current write (or last received) position;
 *     null without slots
 * @param slotWalCapBytes {@code max_slot_wal_keep_size} in bytes; null when slots may hold back WAL without limit
 */
public record HealthReading(boolean inRecovery, int timeline, Lsn currentLsn, Lsn receiveLsn, Lsn replayLsn,
        Instant lastReplayTimestamp, WalReceiver walReceiver, Long slotRetainedBytes, Long slotWalCapBytes,
        List<SlotState> slots, List<ReplicationConnection> replicationConnections) {

    private static final String STATE = """
            select r.in_recovery,
                   (select timeline_id from pg_control_checkpoint()),
                   case when not r.in_recovery then pg_current_wal_lsn()::text end,
                   case when r.in_recovery then pg_last_wal_receive_lsn()::text end,
                   case when r.in_recovery then pg_last_wal_replay_lsn()::text end,
                   case when r.in_recovery then pg_last_xact_replay_timestamp() end,
                   (select max(pg_wal_lsn_diff(case when r.in_recovery then pg_last_wal_receive_lsn()
                                                    else pg_current_wal_lsn() end, restart_lsn))::bigint
                      from pg_replication_slots where restart_lsn is not null),
                   (select case when setting::bigint < 0 then null else setting::bigint * 1024 * 1024 end
                      from pg_settings where name = 'max_slot_wal_keep_size'),
                   w.status, w.flushed_lsn::text, w.latest_end_lsn::text, w.sender_host, w.sender_port
              from (select pg_is_in_recovery() as in_recovery) r
              left join pg_stat_wal_receiver w on r.in_recovery""";
    public static HealthReading read(NodeSession session) throws SQLException {
        String slots = SlotState.query(session.connection().getMetaData().getDatabaseMajorVersion());
        try (Statement statement = session.connection().createStatement()) {
            statement.execute(STATE + ";\n" + slots + ";\n" + ReplicationConnection.QUERY);
            HealthReading state;
            try (ResultSet row = statement.getResultSet()) {
                row.next();
                state = state(row);
            }
            statement.getMoreResults();
            List<SlotState> slotStates = new ArrayList<>();
            try (ResultSet row = statement.getResultSet()) {
                while (row.next()) {
                    slotStates.add(SlotState.of(row));
                }
            }
            statement.getMoreResults();
            List<ReplicationConnection> connections = new ArrayList<>();
            try (ResultSet row = statement.getResultSet()) {
                while (row.next()) {
                    connections.add(ReplicationConnection.of(row));
                }
            }
            return new HealthReading(state.inRecovery, state.timeline, state.currentLsn, state.receiveLsn,
                    state.replayLsn, state.lastReplayTimestamp, state.walReceiver, state.slotRetainedBytes,
                    state.slotWalCapBytes, List.copyOf(slotStates), List.copyOf(connections));
        }
    }

    /** The slots no standby is using, by name. */
    public List<String> inactiveSlots() {
        return slots.stream().filter(slot -> !slot.active()).map(SlotState::name).toList();
    }

    private static HealthReading state(ResultSet row) throws SQLException {
        Timestamp replayed = row.getTimestamp(6);
        String receiverStatus = row.getString(9);
        WalReceiver receiver = receiverStatus == null ? WalReceiver.NONE
                : new WalReceiver(WalReceiver.Status.of(receiverStatus), lsn(row.getString(10)),
                        lsn(row.getString(11)), row.getString(12), (Integer) row.getObject(13));
        return new HealthReading(row.getBoolean(1), row.getInt(2), lsn(row.getString(3)), lsn(row.getString(4)),
                lsn(row.getString(5)), replayed == null ? null : replayed.toInstant(), receiver, longOrNull(row, 7),
                longOrNull(row, 8), List.of(), List.of());
    }

    private static Long longOrNull(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Lsn lsn(String text) {
        return text == null ? null : Lsn.parse(text);
    }
}
