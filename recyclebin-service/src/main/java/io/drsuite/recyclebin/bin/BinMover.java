package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Moves objects of a managed database into the recycle bin and out of it (restored, or purged for good), with their
 * records in the bin's ledger. Names reach SQL only as bind parameters or through the server's {@code format('%I')};
 * restores and purges act only on the bin object the suite names after the entry ({@link BinRecord#bin()}), never
 * on a name read back from the database. What the database refuses for a reason the user can fix is a
 * {@link BinRefusal}, with nothing changed.
 */
@ApplicationScoped
public class BinMover {

    private final TableRecycling tables;
    private final SchemaRecycling schemas;
    private final DatabaseRecycling databases;

    BinMover(TableRecycling tables, SchemaRecycling schemas, DatabaseRecycling databases) {
        this.tables = tables;
        this.schemas = schemas;
        this.databases = databases;
    }

    /** The session is connected to the table's database. */
    public BinRecord recycleTable(NodeSession session, String schema, String table, UUID entryId, Duration retention,
            String droppedBy) throws SQLException {
        return tables.recycle(session, schema, table, entryId, retention, droppedBy);
    }

    /** The session is connected to the schema's database. */
    public BinRecord recycleSchema(NodeSession session, String schema, UUID entryId, Duration retention,
            String droppedBy) throws SQLException {
        return schemas.recycle(session, schema, entryId, retention, droppedBy);
    }

    /** The session is connected to the cluster's {@code postgres} database, whose ledger keeps the record. */
    public BinRecord recycleDatabase(NodeSession session, String database, UUID entryId, Duration retention,
            String droppedBy) throws SQLException {
        return databases.recycle(session, database, entryId, retention, droppedBy);
    }

    /** Puts the object back, as {@code name}. The session is on the record's database. */
    public void restore(NodeSession session, BinRecord record, String name) throws SQLException {
        switch (record.kind()) {
            case TABLE -> tables.restore(session, record, name);
            case SCHEMA -> schemas.restore(session, record, name);
            case DATABASE -> databases.restore(session, record, name);
        }
    }

    /**
     * Destroys what the record holds, for good, and removes the record, only while it is what the recycle left
     * there: a table's bin schema holds that table and the sequences it owns, a recycled schema holds nothing put
     * into it since, nothing outside depends on either, and a recycled database is still closed to connections. A
     * bin object that is gone already just ends the record. The session is on the record's database.
     */
    public void purge(NodeSession session, BinRecord record) throws SQLException {
        switch (record.kind()) {
            case TABLE -> tables.purge(session, record);
            case SCHEMA -> schemas.purge(session, record);
            case DATABASE -> databases.purge(session, record);
        }
    }
}
