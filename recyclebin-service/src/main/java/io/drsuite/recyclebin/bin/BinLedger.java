package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bin's ledger inside a managed database, {@code drsuite_recyclebin.entries}: one record per object in that
 * database's bin. It lives with the data, so it survives a loss of this service's own database and reaches a DR
 * cluster by replication. The writes run in the caller's transaction, with the change they record.
 */
@ApplicationScoped
public class BinLedger {

    private static final String BIN_DDL = SqlResource.read("/sql/bin-schema.sql");

    /** Creates the bin's schema and tables where they are missing, and takes back write grants made by hand. */
    public void ensure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(BIN_DDL);
        }
    }

    public void add(Connection connection, BinRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into drsuite_recyclebin.entries (id, kind, "
                + "database_name, original_schema, original_name, bin_name, dropped_at, expires_at, dropped_by, "
                + "size_bytes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, record.id());
            insert.setString(2, record.kind().wireName());
            insert.setString(3, record.databaseName());
            insert.setString(4, record.originalSchema());
            insert.setString(5, record.originalName());
            insert.setString(6, record.bin());
            insert.setTimestamp(7, Timestamp.from(record.droppedAt()));
            insert.setTimestamp(8, Timestamp.from(record.expiresAt()));
            insert.setString(9, record.droppedBy());
            insert.setLong(10, record.sizeBytes());
            insert.executeUpdate();
        }
    }

    /** What a recycled schema held when it went into the bin: a purge drops those and nothing put there since. */
    public void recordContents(Connection connection, UUID id, String[] members) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update drsuite_recyclebin.entries set contents = ? where id = ?")) {
            update.setArray(1, connection.createArrayOf("text", members));
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    /** The contents written by {@link #recordContents}; a record without them is refused, as nothing to go by. */
    public String[] recordedContents(Connection connection, BinRecord record) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select contents from drsuite_recyclebin.entries where id = ?")) {
            query.setObject(1, record.id());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || row.getArray(1) == null) {
                    throw new BinRefusal(BinRefusal.Reason.CONFLICT, "the record of entry " + record.id() + " does "
                            + "not list what schema " + record.originalName() + " held when it was recycled, so "
                            + "what is in bin " + record.bin() + " now cannot be told apart from what was put there "
                            + "since; not purged: check it and drop it by hand");
                }
                return (String[]) row.getArray(1).getArray();
            }
        }
    }

    public void remove(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from drsuite_recyclebin.entries where id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }

    /** Refuses when the record is gone: restored or purged meanwhile, by hand or through another service. */
    public void requirePresent(Connection connection, BinRecord record) throws SQLException {
        if (SingleValue.number(connection, "select count(*) from drsuite_recyclebin.entries where id = ?::uuid",
                record.id().toString()) == 0) {
            throw new BinRefusal(BinRefusal.Reason.NOT_FOUND, "entry " + record.id() + " is no longer in the bin of "
                    + "database " + connection.getCatalog());
        }
    }

    /** Bin names are short: another record whose id starts the same way would name the same object. */
    public void requireOnlyRecordOf(Connection connection, BinRecord record) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from drsuite_recyclebin.entries "
                + "where id <> ? and 'drsuite_rb_' || substr(replace(id::text, '-', ''), 1, 12) = ?")) {
            query.setObject(1, record.id());
            query.setString(2, record.bin());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getLong(1) > 0) {
                    throw new BinRefusal(BinRefusal.Reason.CONFLICT, "another record of the bin of database "
                            + connection.getCatalog() + " names the same bin " + record.bin() + " as entry "
                            + record.id() + "; not purged");
                }
            }
        }
    }

    /** The records in the session's database; none when it has no bin. Works on a standby too. */
    public List<BinRecord> records(NodeSession session) throws SQLException {
        Connection connection = session.connection();
        List<BinRecord> records = new ArrayList<>();
        if (SingleValue.number(connection, "select count(*) from pg_class c join pg_namespace n on n.oid = "
                + "c.relnamespace where n.nspname = ? and c.relname = 'entries'", BinNames.BIN_SCHEMA) == 0) {
            return records;
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "select id, kind, database_name, original_schema, original_name, bin_name, dropped_at, expires_at, "
                        + "dropped_by, size_bytes from drsuite_recyclebin.entries")) {
            while (row.next()) {
                records.add(new BinRecord(row.getObject(1, UUID.class), ObjectKind.fromWire(row.getString(2)),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                        row.getTimestamp(7).toInstant(), row.getTimestamp(8).toInstant(), row.getString(9),
                        row.getLong(10)));
            }
        }
        return records;
    }
}
