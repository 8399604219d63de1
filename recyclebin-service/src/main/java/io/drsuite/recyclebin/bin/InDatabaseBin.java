package io.drsuite.recyclebin.bin;

import io.drsuite.clusterclient.sql.NodeSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The recycle bin inside one managed database: the SQL that moves objects in and out of it and keeps its record
 * ({@code drsuite_recyclebin.entries}). A table goes into a schema of its own, {@code drsuite_rb_<id>}, with its
 * indexes, constraints, owned sequences, grants and comments (ALTER TABLE ... SET SCHEMA moves them all, no data is
 * copied); a schema or a database is renamed to {@code drsuite_rb_<id>}. Each change and its record commit in one
 * transaction. Names reach SQL only as bind parameters or through the server's {@code format('%I')}.
 */
public final class InDatabaseBin {

    /** Prefix of bin schemas and of recycled schemas' and databases' names: reserved for the bin. */
    public static final String BIN_PREFIX = "drsuite_rb_";
    public static final String BIN_SCHEMA = "drsuite_recyclebin";

    private static final String BIN_DDL = resource("/sql/bin-schema.sql");
    private static final String FUNCTIONS_DDL = resource("/sql/sql-functions.sql");
    private static final String DEPENDENTS = """
            select string_agg(what, ', ') from (
                select format('foreign key %s on %s', conname, conrelid::regclass) as what
                  from pg_constraint where contype = 'f' and confrelid = ?::regclass and conrelid <> confrelid
                union all
                select format('view %s', r.ev_class::regclass)
                  from pg_depend d join pg_rewrite r on r.oid = d.objid
                 where d.classid = 'pg_rewrite'::regclass and d.refobjid = ?::regclass
                   and r.ev_class <> d.refobjid
            ) dependents""";

    /** An object of a catalog, as {@code '<catalog oid>:<object oid>'}: how a bin's expected contents are written. */
    private static final String MEMBER_KEY = "d.classid::text || ':' || d.objid::text";
    /** The objects a schema holds directly (tables, views, sequences, functions, types...). */
    private static final String SCHEMA_MEMBERS = "select " + MEMBER_KEY + " from pg_depend d join pg_namespace n "
            + "on n.oid = d.refobjid where d.refclassid = 'pg_namespace'::regclass and n.nspname = ?";
    /** A table in a bin schema and the sequences it owns: what ALTER TABLE ... SET SCHEMA moved there. */
    private static final String TABLE_MEMBERS = """
            select array['pg_class'::regclass::oid::text || ':' || c.oid::text] || array(
                       select 'pg_class'::regclass::oid::text || ':' || d.objid::text
                         from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
                        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                          and d.refobjid = c.oid and d.deptype = 'a')
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = ? and c.relname = ? and c.relkind = 'r'""";
    /** Objects a schema holds directly that are not among the expected ones. */
    private static final String ADDED_MEMBERS = """
            select string_agg(pg_describe_object(d.classid, d.objid, 0), ', ' order by d.objid)
              from pg_depend d join pg_namespace n on n.oid = d.refobjid
             where d.refclassid = 'pg_namespace'::regclass and n.nspname = ?
               and not (d.classid::text || ':' || d.objid::text = any (?::text[]))""";
    /**
     * Objects outside a schema that depend on something in it: what DROP SCHEMA ... CASCADE would reach beyond it.
     * The schema's objects are what it holds directly and, transitively, what is part of those (indexes,
     * constraints, rules, triggers, defaults, row types, TOAST tables: automatic and internal dependencies).
     */
    private static final String OUTSIDE_DEPENDENTS = """
            with recursive member(classid, objid) as (
                select d.classid, d.objid from pg_depend d join pg_namespace n on n.oid = d.refobjid
                 where d.refclassid = 'pg_namespace'::regclass and n.nspname = ?
              union
                select d.classid, d.objid from pg_depend d
                  join member m on d.refclassid = m.classid and d.refobjid = m.objid
                 where d.deptype in ('a', 'i')
            )
            select string_agg(distinct pg_describe_object(d.classid, d.objid, 0), ', ')
              from pg_depend d join member m on d.refclassid = m.classid and d.refobjid = m.objid
             where d.deptype = 'n'
               and not exists (select 1 from member x where x.classid = d.classid and x.objid = d.objid)""";
    /** Relations in a schema, locked so that nothing new comes to depend on them until the purge ends. */
    private static final String LOCK_RELATIONS = """
            select coalesce(format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', string_agg(c.oid::regclass::text, ', ')),
                            'select 1')
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = ? and c.relkind in ('r', 'p', 'v')""";

    private InDatabaseBin() {
    }

    public static String binName(UUID entryId) {
        return BIN_PREFIX + entryId.toString().replace("-", "").substring(0, 12);
    }

    /** Schemas the bin never takes: the system's and its own. */
    public static boolean isSystemSchema(String schema) {
        return schema.startsWith("pg_") || schema.equals("information_schema") || schema.equals(BIN_SCHEMA)
                || schema.startsWith(BIN_PREFIX);
    }

    /** Moves a table into the bin. The session is connected to the table's database. */
    public static BinRecord recycleTable(NodeSession session, String schema, String table, UUID entryId,
            Duration retention, String droppedBy) throws SQLException {
        return inTransaction(session, connection -> {
            ensureBin(connection);
            String database = connection.getCatalog();
            String qualified = qualifiedTable(connection, schema, table).orElseThrow(() -> new BinRefusal(
                    BinRefusal.Reason.NOT_FOUND, "database " + database + " has no table " + schema + "." + table));
            if (isPartitioned(connection, qualified)) {
                throw new BinRefusal(BinRefusal.Reason.NOT_SUPPORTED, "table " + schema + "." + table
                        + " is partitioned or a partition; the bin takes ordinary tables");
            }
            String dependents = dependents(connection, qualified);
            if (dependents != null) {
                throw new BinRefusal(BinRefusal.Reason.CONFLICT, "table " + schema + "." + table + " is used by "
                        + dependents + "; a DROP TABLE would need CASCADE too: drop those first");
            }
            long size = single(connection, "select pg_total_relation_size(?::regclass)", qualified);
            String bin = binName(entryId);
            session.executeFormatted("select format('CREATE SCHEMA %I', ?::text)", bin);
            session.executeFormatted("select format('ALTER TABLE %I.%I SET SCHEMA %I', ?::text, ?::text, ?::text)",
                    schema, table, bin);
            BinRecord record = new BinRecord(entryId, ObjectKind.TABLE, database, schema, table, bin,
                    Instant.now(), Instant.now().plus(retention), droppedBy, size);
            insert(connection, record);
            return record;
        });
    }

    /** Renames a schema into the bin. The session is connected to the schema's database. */
    public static BinRecord recycleSchema(NodeSession session, String schema, UUID entryId, Duration retention,
            String droppedBy) throws SQLException {
        return inTransaction(session, connection -> {
            ensureBin(connection);
            if (!schemaExists(connection, schema)) {
                throw new BinRefusal(BinRefusal.Reason.NOT_FOUND, "database " + connection.getCatalog()
                        + " has no schema " + schema);
            }
            long size = single(connection, "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind in "
                    + "('r', 'm', 'p')", schema);
            String bin = binName(entryId);
            session.executeFormatted("select format('ALTER SCHEMA %I RENAME TO %I', ?::text, ?::text)", schema, bin);
            BinRecord record = new BinRecord(entryId, ObjectKind.SCHEMA, connection.getCatalog(), null, schema, bin,
                    Instant.now(), Instant.now().plus(retention), droppedBy, size);
            insert(connection, record);
            try (PreparedStatement contents = connection.prepareStatement("update drsuite_recyclebin.entries set "
                    + "contents = array(" + SCHEMA_MEMBERS + ") where id = ?")) {
                contents.setString(1, bin);
                contents.setObject(2, entryId);
                contents.executeUpdate();
            }
            return record;
        });
    }

    /**
     * Closes a database to new connections, ends the ones it has and renames it into the bin; its record goes into
     * the bin of the session's database (the cluster's {@code postgres} database).
     */
    public static BinRecord recycleDatabase(NodeSession session, String database, UUID entryId, Duration retention,
            String droppedBy) throws SQLException {
        Connection connection = session.connection();
        if (!databaseExists(connection, database)) {
            throw new BinRefusal(BinRefusal.Reason.NOT_FOUND, "the cluster has no database " + database);
        }
        long size = single(connection, "select pg_database_size(?::text)", database);
        session.executeFormatted("select format('ALTER DATABASE %I WITH ALLOW_CONNECTIONS false', ?::text)",
                database);
        try {
            String bin = binName(entryId);
            renameDatabase(session, database, bin);
            return inTransaction(session, tx -> {
                ensureBin(tx);
                BinRecord record = new BinRecord(entryId, ObjectKind.DATABASE, database, null, database, bin, Instant.now(),
                        Instant.now().plus(retention), droppedBy, size);
                insert(tx, record);
                return record;
            });
        } catch (SQLException | RuntimeException e) {
            reopenDatabase(session, database, binName(entryId));
            throw e;
        }
    }

    /** Puts a table back under its schema, as {@code name}. */
    public static void restoreTable(NodeSession session, BinRecord record, String name) throws SQLException {
        inTransaction(session, connection -> {
            requireRecord(connection, record);
            if (!schemaExists(connection, record.originalSchema())) {
                throw new BinRefusal(BinRefusal.Reason.CONFLICT, "schema " + record.originalSchema()
                        + " does not exist any more; create it, then restore");
            }
            if (qualifiedTable(connection, record.originalSchema(), name).isPresent()) {
                throw new BinRefusal(BinRefusal.Reason.CONFLICT, "a table " + record.originalSchema() + "." + name
                        + " exists; restore under another name");
            }
            if (!name.equals(record.originalName())) {
                session.executeFormatted("select format('ALTER TABLE %I.%I RENAME TO %I', ?::text, ?::text, "
                        + "?::text)", record.bin(), record.originalName(), name);
            }
            renameClashingCompanions(session, record, name);
            session.executeFormatted("select format('ALTER TABLE %I.%I SET SCHEMA %I', ?::text, ?::text, ?::text)",
                    record.bin(), name, record.originalSchema());
            session.executeFormatted("select format('DROP SCHEMA %I', ?::text)", record.bin());
            delete(connection, record.id());
            return null;
        });
    }

    /**
     * The table's indexes and owned sequences move with it and share the schema's namespace: one whose name is
     * taken there now (a table recreated meanwhile has an index of the same name) gets a free name, as PostgreSQL
     * itself picks for a clash ({@code <name>_<n>} within 63 bytes).
     */
    private static void renameClashingCompanions(NodeSession session, BinRecord record, String table)
            throws SQLException {
        Connection connection = session.connection();
        List<String[]> companions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select c.relname, c.relkind from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname <> ? "
                + "and c.relkind in ('i', 'S') and exists (select 1 from pg_class t join pg_namespace tn "
                + "on tn.oid = t.relnamespace where tn.nspname = ? and t.relname = c.relname)")) {
            query.setString(1, record.bin());
            query.setString(2, table);
            query.setString(3, record.originalSchema());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    companions.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        for (String[] companion : companions) {
            String free = freeName(connection, record.originalSchema(), companion[0]);
            session.executeFormatted("i".equals(companion[1])
                    ? "select format('ALTER INDEX %I.%I RENAME TO %I', ?::text, ?::text, ?::text)"
                    : "select format('ALTER SEQUENCE %I.%I RENAME TO %I', ?::text, ?::text, ?::text)",
                    record.bin(), companion[0], free);
        }
    }

    private static String freeName(Connection connection, String schema, String name) throws SQLException {
        for (int suffix = 1; ; suffix++) {
            String tail = "_" + suffix;
            String base = name.length() + tail.length() > 63 ? name.substring(0, 63 - tail.length()) : name;
            if (!relationExists(connection, schema, base + tail)) {
                return base + tail;
            }
        }
    }

    public static void restoreSchema(NodeSession session, BinRecord record, String name) throws SQLException {
        inTransaction(session, connection -> {
            requireRecord(connection, record);
            if (schemaExists(connection, name)) {
                throw new BinRefusal(BinRefusal.Reason.CONFLICT, "a schema " + name + " exists; restore under "
                        + "another name");
            }
            session.executeFormatted("select format('ALTER SCHEMA %I RENAME TO %I', ?::text, ?::text)",
                    record.bin(), name);
            delete(connection, record.id());
            return null;
        });
    }

    /** The session is on the database holding the record ({@code postgres}). */
    public static void restoreDatabase(NodeSession session, BinRecord record, String name) throws SQLException {
        Connection connection = session.connection();
        requireRecord(connection, record);
        if (databaseExists(connection, name)) {
            throw new BinRefusal(BinRefusal.Reason.CONFLICT, "a database " + name + " exists; restore under "
                    + "another name");
        }
        renameDatabase(session, record.bin(), name);
        session.executeFormatted("select format('ALTER DATABASE %I WITH ALLOW_CONNECTIONS true', ?::text)", name);
        inTransaction(session, tx -> {
            delete(tx, record.id());
            return null;
        });
    }

    /**
     * Destroys what the record holds, for good, and removes the record. Only the bin object the suite itself names
     * after the entry ({@link BinRecord#bin()}) is touched, never a name read back from the database, and only while
     * it is what the recycle left there: a table's bin schema holds that table and the sequences it owns, a recycled
     * schema holds nothing put into it since, nothing outside depends on either, and a recycled database is still
     * closed to connections. Anything else is refused ({@link BinRefusal}) with nothing dropped, rather than
     * cascading into objects that were never recycled. A bin object that is gone already just ends the record.
     */
    public static void purge(NodeSession session, BinRecord record) throws SQLException {
        if (record.kind() == ObjectKind.DATABASE) {
            purgeDatabase(session, record);
            return;
        }
        String bin = record.bin();
        inTransaction(session, connection -> {
            ensureBin(connection);
            requireOnlyRecordOf(connection, record);
            if (schemaExists(connection, bin)) {
                session.executeFormatted(LOCK_RELATIONS, bin);
                String[] expected = record.kind() == ObjectKind.TABLE ? tableMembers(connection, record)
                        : recordedMembers(connection, record);
                String added = added(connection, bin, expected);
                String dependents = text(connection, OUTSIDE_DEPENDENTS, bin);
                if (added != null || dependents != null) {
                    throw new BinRefusal(BinRefusal.Reason.CONFLICT, "bin " + bin + " of entry " + record.id()
                            + " is not purged: a purge drops only what the recycle put there, and "
                            + (added == null ? "" : "it now also holds " + added + (dependents == null ? "" : "; "))
                            + (dependents == null ? "" : "objects outside it depend on it: " + dependents)
                            + "; remove or move those, then purge again");
                }
                if (record.kind() == ObjectKind.TABLE) {
                    session.executeFormatted("select format('DROP TABLE %I.%I', ?::text, ?::text)", bin,
                            record.originalName());
                    session.executeFormatted("select format('DROP SCHEMA %I', ?::text)", bin);
                } else {
                    session.executeFormatted("select format('DROP SCHEMA %I CASCADE', ?::text)", bin);
                }
            }
            delete(connection, record.id());
            return null;
        });
    }

    /** DROP DATABASE cannot run in a transaction: checks, the drop, then the record. */
    private static void purgeDatabase(NodeSession session, BinRecord record) throws SQLException {
        String bin = record.bin();
        inTransaction(session, connection -> {
            ensureBin(connection);
            requireOnlyRecordOf(connection, record);
            return null;
        });
        Connection connection = session.connection();
        try (PreparedStatement query = connection.prepareStatement(
                "select datallowconn from pg_database where datname = ?")) {
            query.setString(1, bin);
            try (ResultSet row = query.executeQuery()) {
                if (row.next() && row.getBoolean(1)) {
                    throw new BinRefusal(BinRefusal.Reason.CONFLICT, "database " + bin + " of entry " + record.id()
                            + " accepts connections again, so it was reopened after the recycle and is not purged; "
                            + "close it (ALTER DATABASE " + bin + " WITH ALLOW_CONNECTIONS false) or restore it");
                }
            }
        }
        session.executeFormatted("select format('DROP DATABASE IF EXISTS %I WITH (FORCE)', ?::text)", bin);
        inTransaction(session, tx -> {
            delete(tx, record.id());
            return null;
        });
    }

    /** Bin names are short: another record whose id starts the same way would name the same object. */
    private static void requireOnlyRecordOf(Connection connection, BinRecord record) throws SQLException {
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

    private static String[] tableMembers(Connection connection, BinRecord record) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TABLE_MEMBERS)) {
            query.setString(1, record.bin());
            query.setString(2, record.originalName());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new BinRefusal(BinRefusal.Reason.CONFLICT, "bin " + record.bin() + " of entry "
                            + record.id() + " no longer holds table " + record.originalName() + " (renamed or moved "
                            + "after the recycle); not purged");
                }
                return (String[]) row.getArray(1).getArray();
            }
        }
    }

    private static String[] recordedMembers(Connection connection, BinRecord record) throws SQLException {
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

    private static String added(Connection connection, String bin, String[] expected) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ADDED_MEMBERS)) {
            query.setString(1, bin);
            query.setArray(2, connection.createArrayOf("text", expected));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static String text(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** The bin's records in the session's database; none when it has no bin. Works on a standby too. */
    public static List<BinRecord> records(NodeSession session) throws SQLException {
        Connection connection = session.connection();
        List<BinRecord> records = new ArrayList<>();
        if (single(connection, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = ? and c.relname = 'entries'", BIN_SCHEMA) == 0) {
            return records;
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "select id, kind, database_name, original_schema, original_name, bin_name, dropped_at, expires_at, "
                        + "dropped_by, size_bytes from drsuite_recyclebin.entries")) {
            while (row.next()) {
                records.add(new BinRecord(row.getObject(1, UUID.class), ObjectKind.fromWire(row.getString(2)), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getTimestamp(7).toInstant(),
                        row.getTimestamp(8).toInstant(), row.getString(9), row.getLong(10)));
            }
        }
        return records;
    }

    /**
     * Installs {@code drsuite_recyclebin.recycle_table(regclass)} and, when schemas are named, the guard: an event
     * trigger that refuses a plain DROP TABLE in those schemas with a message naming the function.
     */
    public static void installSqlFunctions(NodeSession session, Duration retention, List<String> guardedSchemas)
            throws SQLException {
        inTransaction(session, connection -> {
            ensureBin(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(FUNCTIONS_DDL);
                statement.execute("delete from drsuite_recyclebin.guarded_schemas");
                statement.execute("drop event trigger if exists drsuite_recyclebin_guard");
            }
            writeRetention(connection, retention);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into drsuite_recyclebin.guarded_schemas values (?)")) {
                for (String schema : guardedSchemas) {
                    insert.setString(1, schema);
                    insert.executeUpdate();
                }
            }
            if (!guardedSchemas.isEmpty()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create event trigger drsuite_recyclebin_guard on sql_drop "
                            + "when tag in ('DROP TABLE') execute function drsuite_recyclebin.guard_drop()");
                }
            }
            return null;
        });
    }

    /** Removes the functions and the guard; the bin and what it holds stay. */
    public static void uninstallSqlFunctions(NodeSession session) throws SQLException {
        inTransaction(session, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop event trigger if exists drsuite_recyclebin_guard");
                statement.execute("drop function if exists drsuite_recyclebin.guard_drop()");
                statement.execute("drop function if exists drsuite_recyclebin.recycle_table(regclass)");
                statement.execute("revoke usage on schema drsuite_recyclebin from public");
            }
            return null;
        });
    }

    /** The retention recycle_table() uses, where the functions are installed. */
    public static void updateRetention(NodeSession session, Duration retention) throws SQLException {
        inTransaction(session, connection -> {
            ensureBin(connection);
            writeRetention(connection, retention);
            return null;
        });
    }

    private static void writeRetention(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("insert into drsuite_recyclebin.settings "
                + "(retention) values (make_interval(secs => ?)) on conflict (only_row) do update set retention = "
                + "excluded.retention")) {
            upsert.setLong(1, retention.toSeconds());
            upsert.executeUpdate();
        }
    }

    /** ALTER DATABASE RENAME needs the database to have no sessions; ended ones take a moment to go. */
    private static void renameDatabase(NodeSession session, String from, String to) throws SQLException {
        Connection connection = session.connection();
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement terminate = connection.prepareStatement("select pg_terminate_backend(pid) from "
                    + "pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                terminate.setString(1, from);
                terminate.executeQuery().close();
            }
            try {
                session.executeFormatted("select format('ALTER DATABASE %I RENAME TO %I', ?::text, ?::text)", from,
                        to);
                return;
            } catch (SQLException busy) {
                if (!"55006".equals(busy.getSQLState()) || attempt == 50) {
                    throw busy;
                }
                sleep();
            }
        }
    }

    private static void reopenDatabase(NodeSession session, String database, String bin) {
        try {
            String current = databaseExists(session.connection(), database) ? database : bin;
            session.executeFormatted("select format('ALTER DATABASE %I WITH ALLOW_CONNECTIONS true', ?::text)",
                    current);
        } catch (SQLException ignored) {
            // the original failure is what the caller reports
        }
    }

    private static void requireRecord(Connection connection, BinRecord record) throws SQLException {
        if (single(connection, "select count(*) from drsuite_recyclebin.entries where id = ?::uuid",
                record.id().toString()) == 0) {
            throw new BinRefusal(BinRefusal.Reason.NOT_FOUND, "entry " + record.id() + " is no longer in the bin of "
                    + "database " + connection.getCatalog());
        }
    }

    private static void ensureBin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(BIN_DDL);
        }
    }

    private static void insert(Connection connection, BinRecord record) throws SQLException {
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

    private static void delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from drsuite_recyclebin.entries where id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }

    /** {@code "schema"."table"} as regclass text when it is a table, so it can be cast back safely. */
    private static Optional<String> qualifiedTable(Connection connection, String schema, String table)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select format('%I.%I', n.nspname, c.relname) "
                + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ? "
                + "and c.relkind in ('r', 'p')")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static boolean isPartitioned(Connection connection, String qualified) throws SQLException {
        return single(connection, "select count(*) from pg_class where oid = ?::regclass "
                + "and (relkind = 'p' or relispartition)", qualified) > 0;
    }

    private static String dependents(Connection connection, String qualified) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(DEPENDENTS)) {
            query.setString(1, qualified);
            query.setString(2, qualified);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static boolean relationExists(Connection connection, String schema, String relation)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?")) {
            query.setString(1, schema);
            query.setString(2, relation);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    private static boolean schemaExists(Connection connection, String schema) throws SQLException {
        return single(connection, "select count(*) from pg_namespace where nspname = ?", schema) > 0;
    }

    private static boolean databaseExists(Connection connection, String database) throws SQLException {
        return single(connection, "select count(*) from pg_database where datname = ?", database) > 0;
    }

    private static long single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static <T> T inTransaction(NodeSession session, Work<T> work) throws SQLException {
        Connection connection = session.connection();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String resource(String path) {
        try (InputStream in = InDatabaseBin.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("missing resource " + path, e));
        }
    }
}
