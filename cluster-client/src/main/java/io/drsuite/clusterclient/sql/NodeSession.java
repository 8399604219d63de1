package io.drsuite.clusterclient.sql;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JDBC session to one node with the status reads and replication operations the suite needs. Identifiers and
 * values are bound or quoted by the server ({@code format('%I', ...)}, {@code %L}), never concatenated.
 */
public final class NodeSession implements AutoCloseable {

    private final NodeEndpoint node;
    private final Connection connection;

    NodeSession(NodeEndpoint node, Connection connection) {
        this.node = node;
        this.connection = connection;
    }

    public NodeEndpoint node() {
        return node;
    }

    public Connection connection() {
        return connection;
    }

    public boolean inRecovery() throws SQLException {
        return queryOne("select pg_is_in_recovery()", row -> row.getBoolean(1)).orElseThrow();
    }

    /** On a primary: the current write position. */
    public Lsn currentLsn() throws SQLException {
        return lsn("select pg_current_wal_lsn()::text").orElseThrow();
    }

    /** On a standby: the last WAL position replayed. */
    public Optional<Lsn> replayLsn() throws SQLException {
        return lsn("select pg_last_wal_replay_lsn()::text");
    }

    /** On a standby: the last WAL position received and flushed. */
    public Optional<Lsn> receiveLsn() throws SQLException {
        return lsn("select pg_last_wal_receive_lsn()::text");
    }

    /** On a standby: commit time of the last transaction replayed; empty on a primary or before any replay. */
    public Optional<Instant> lastReplayTimestamp() throws SQLException {
        return queryOne("select pg_last_xact_replay_timestamp()", row -> {
            Timestamp at = row.getTimestamp(1);
            return at == null ? null : at.toInstant();
        });
    }

    /**
     * WAL held back by the node's replication slots: the most any slot retains, measured from the current write
     * position (or, on a standby, the last received one). Empty when the node has no slot.
     */
    public Optional<Long> slotRetainedBytes() throws SQLException {
        return queryOne("""
                select max(pg_wal_lsn_diff(
                         case when pg_is_in_recovery() then pg_last_wal_receive_lsn() else pg_current_wal_lsn() end,
                         restart_lsn))::bigint
                  from pg_replication_slots where restart_lsn is not null""", row -> {
            long bytes = row.getLong(1);
            return row.wasNull() ? null : bytes;
        });
    }

    /** Every replication slot of the node with the state of the WAL it needs (unknown before PostgreSQL 13). */
    public List<SlotState> slots() throws SQLException {
        List<SlotState> slots = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                SlotState.query(connection.getMetaData().getDatabaseMajorVersion()))) {
            while (row.next()) {
                slots.add(SlotState.of(row));
            }
        }
        return slots;
    }

    /** {@code max_slot_wal_keep_size} in bytes; empty when slots may hold back WAL without limit. */
    public Optional<Long> slotWalCapBytes() throws SQLException {
        return queryOne("""
                select case when setting::bigint < 0 then null else setting::bigint * 1024 * 1024 end
                  from pg_settings where name = 'max_slot_wal_keep_size'""", row -> {
            long bytes = row.getLong(1);
            return row.wasNull() ? null : bytes;
        });
    }

    /** Names of the node's replication slots that no standby is using. */
    public List<String> inactiveSlots() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "select slot_name from pg_replication_slots where not active order by slot_name")) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        }
        return names;
    }

    /** The server's current timeline. */
    public int timeline() throws SQLException {
        return queryOne("select timeline_id from pg_control_checkpoint()", row -> row.getInt(1)).orElseThrow();
    }

    public String systemIdentifier() throws SQLException {
        return queryOne("select system_identifier::text from pg_control_system()", row -> row.getString(1))
                .orElseThrow();
    }

    public WalReceiver walReceiver() throws SQLException {
        return queryOne("""
                select status, flushed_lsn::text, latest_end_lsn::text, sender_host, sender_port
                  from pg_stat_wal_receiver""", row -> new WalReceiver(WalReceiver.Status.of(row.getString(1)),
                lsnOrNull(row.getString(2)), lsnOrNull(row.getString(3)), row.getString(4),
                (Integer) row.getObject(5)))
                .orElse(WalReceiver.NONE);
    }

    public List<ReplicationConnection> replicationConnections() throws SQLException {
        List<ReplicationConnection> connections = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(ReplicationConnection.QUERY)) {
            while (row.next()) {
                connections.add(ReplicationConnection.of(row));
            }
        }
        return connections;
    }

    public Optional<ReplicationConnection> replicationConnection(String applicationName) throws SQLException {
        return replicationConnections().stream().filter(c -> applicationName.equals(c.applicationName())).findFirst();
    }

    public String setting(String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select current_setting(?)")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** {@code ALTER SYSTEM SET name = 'value'}; takes effect after {@link #reloadConfiguration()} or a restart. */
    public void alterSystem(String name, String value) throws SQLException {
        executeFormatted("select format('ALTER SYSTEM SET %I = %L', ?::text, ?::text)", name, value);
    }

    public void resetSystem(String name) throws SQLException {
        executeFormatted("select format('ALTER SYSTEM RESET %I', ?::text)", name);
    }

    public void reloadConfiguration() throws SQLException {
        queryOne("select pg_reload_conf()", row -> row.getBoolean(1));
    }

    /** Creates a physical slot that reserves WAL at once, unless it exists. Returns true when it created one. */
    public boolean ensurePhysicalSlot(String slotName) throws SQLException {
        if (slotExists(slotName)) {
            return false;
        }
        try (PreparedStatement statement =
                connection.prepareStatement("select pg_create_physical_replication_slot(?, true)")) {
            statement.setString(1, slotName);
            statement.execute();
        }
        return true;
    }

    public boolean slotExists(String slotName) throws SQLException {
        return slotActive(slotName).isPresent();
    }

    /** Whether the slot is in use; empty when there is no such slot. */
    public Optional<Boolean> slotActive(String slotName) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select active from pg_replication_slots where slot_name = ?")) {
            statement.setString(1, slotName);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
            }
        }
    }

    /** Drops the slot if it exists and nobody uses it. Returns true when it is gone. */
    public boolean dropSlotIfInactive(String slotName) throws SQLException {
        Optional<Boolean> active = slotActive(slotName);
        if (active.isEmpty()) {
            return true;
        }
        if (active.get()) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_drop_replication_slot(?)")) {
            statement.setString(1, slotName);
            statement.execute();
        }
        return true;
    }

    /**
     * Makes sure the replication login exists and may replicate: creates it (LOGIN REPLICATION, with the given
     * password) when missing, grants REPLICATION when it lacks it. Returns what it did, or null when nothing.
     */
    public String ensureReplicationLogin(Login login) throws SQLException {
        Optional<Boolean> replication;
        try (PreparedStatement statement =
                connection.prepareStatement("select rolreplication or rolsuper from pg_roles where rolname = ?")) {
            statement.setString(1, login.username());
            try (ResultSet row = statement.executeQuery()) {
                replication = row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
            }
        }
        if (replication.isEmpty()) {
            executeFormatted("select format('CREATE ROLE %I LOGIN REPLICATION PASSWORD %L', ?::text, ?::text)",
                    login.username(), login.password());
            return "created login " + login.username() + " with REPLICATION";
        }
        if (!replication.get()) {
            executeFormatted("select format('ALTER ROLE %I REPLICATION', ?::text)", login.username());
            return "granted REPLICATION to " + login.username();
        }
        return null;
    }

    public boolean databaseExists(String database) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    public void createDatabase(String database) throws SQLException {
        executeFormatted("select format('CREATE DATABASE %I', ?::text)", database);
    }

    /** Drops the database, disconnecting whoever is connected to it. */
    public void dropDatabase(String database) throws SQLException {
        executeFormatted("select format('DROP DATABASE IF EXISTS %I WITH (FORCE)', ?::text)", database);
    }

    /** Whether new sessions may connect to the database ({@code datallowconn}); empty when it does not exist. */
    public Optional<Boolean> allowsConnections(String database) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select datallowconn from pg_database where datname = ?")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
            }
        }
    }

    /** Opens or closes the database to new sessions (superusers included); existing sessions stay. */
    public void allowConnections(String database, boolean allow) throws SQLException {
        executeFormatted(allow ? "select format('ALTER DATABASE %I WITH ALLOW_CONNECTIONS true', ?::text)"
                : "select format('ALTER DATABASE %I WITH ALLOW_CONNECTIONS false', ?::text)", database);
    }

    /**
     * Renames a database, ending the sessions connected to it first: a database with sessions cannot be renamed, and
     * ended sessions take a moment to go, so it tries again for a few seconds. Close it to new sessions before, or a
     * client that reconnects at once can keep it busy.
     */
    public void renameDatabase(String from, String to) throws SQLException {
        // Up to about 5 s: a session the terminate missed (a pooler reconnecting) is usually gone by then.
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement terminate = connection.prepareStatement("select pg_terminate_backend(pid) from "
                    + "pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                terminate.setString(1, from);
                terminate.executeQuery().close();
            }
            try {
                executeFormatted("select format('ALTER DATABASE %I RENAME TO %I', ?::text, ?::text)", from, to);
                return;
            } catch (SQLException busy) {
                if (!"55006".equals(busy.getSQLState()) || attempt == 20) {
                    throw busy;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    /** Whether {@code schema.table} exists in the database this session is connected to. */
    public boolean tableExists(String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select to_regclass(format('%I.%I', ?::text, ?::text)) is not null")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Promotes a standby and waits up to {@code waitSeconds} for it to accept writes. */
    public boolean promote(int waitSeconds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_promote(true, ?)")) {
            statement.setInt(1, waitSeconds);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    public void checkpoint() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /**
     * Runs a statement the server builds: {@code formatQuery} is a {@code select format('…', ?::text, …)} whose
     * identifiers are {@code %I} and values {@code %L}, so no name or value is ever concatenated into SQL here.
     */
    public void executeFormatted(String formatQuery, String... arguments) throws SQLException {
        String sql;
        try (PreparedStatement statement = connection.prepareStatement(formatQuery)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setString(i + 1, arguments[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                sql = row.getString(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Optional<Lsn> lsn(String sql) throws SQLException {
        return queryOne(sql, row -> lsnOrNull(row.getString(1)));
    }

    private <T> Optional<T> queryOne(String sql, RowReader<T> reader) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? Optional.ofNullable(reader.read(row)) : Optional.empty();
        }
    }

    private static Lsn lsnOrNull(String text) {
        return text == null ? null : Lsn.parse(text);
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken session has nothing left to tell
        }
    }
}
