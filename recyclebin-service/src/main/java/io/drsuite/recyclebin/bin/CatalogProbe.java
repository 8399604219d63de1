package io.drsuite.recyclebin.bin;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Questions to a managed database's catalog about the objects the bin moves: do they exist, how big are they, what
 * depends on them, what a bin schema holds. It reads and never changes anything.
 */
@ApplicationScoped
public class CatalogProbe {

    /** An index or a sequence that moves with a table. */
    public record Companion(String name, boolean index) {
    }

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
    /**
     * The objects a schema holds directly (tables, views, sequences, functions, types...), each as
     * {@code '<catalog oid>:<object oid>'}: how a bin's expected contents are written.
     */
    private static final String SCHEMA_MEMBERS = "select array(select d.classid::text || ':' || d.objid::text "
            + "from pg_depend d join pg_namespace n on n.oid = d.refobjid "
            + "where d.refclassid = 'pg_namespace'::regclass and n.nspname = ?)";
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
    /** Indexes and sequences in a bin schema, but its table, whose names are taken in another schema. */
    private static final String CLASHING_COMPANIONS = "select c.relname, c.relkind = 'i' from pg_class c "
            + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname <> ? "
            + "and c.relkind in ('i', 'S') and exists (select 1 from pg_class t join pg_namespace tn "
            + "on tn.oid = t.relnamespace where tn.nspname = ? and t.relname = c.relname)";
    private static final int MAX_NAME_BYTES = 63;

    /** {@code "schema"."table"} as regclass text when it is a table, so it can be cast back safely. */
    public Optional<String> qualifiedTable(Connection connection, String schema, String table) throws SQLException {
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

    public boolean isPartitioned(Connection connection, String qualifiedTable) throws SQLException {
        return SingleValue.number(connection, "select count(*) from pg_class where oid = ?::regclass "
                + "and (relkind = 'p' or relispartition)", qualifiedTable) > 0;
    }

    /** Foreign keys and views that use the table, which a DROP TABLE would need CASCADE for; null when none. */
    public String dependents(Connection connection, String qualifiedTable) throws SQLException {
        return SingleValue.text(connection, DEPENDENTS, qualifiedTable, qualifiedTable);
    }

    public long tableSize(Connection connection, String qualifiedTable) throws SQLException {
        return SingleValue.number(connection, "select pg_total_relation_size(?::regclass)", qualifiedTable);
    }

    public long schemaSize(Connection connection, String schema) throws SQLException {
        return SingleValue.number(connection, "select coalesce(sum(pg_total_relation_size(c.oid)), 0) "
                + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? "
                + "and c.relkind in ('r', 'm', 'p')", schema);
    }

    public long databaseSize(Connection connection, String database) throws SQLException {
        return SingleValue.number(connection, "select pg_database_size(?::text)", database);
    }

    public boolean schemaExists(Connection connection, String schema) throws SQLException {
        return SingleValue.number(connection, "select count(*) from pg_namespace where nspname = ?", schema) > 0;
    }

    public boolean relationExists(Connection connection, String schema, String relation) throws SQLException {
        return SingleValue.number(connection, "select count(*) from pg_class c join pg_namespace n "
                + "on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?", schema, relation) > 0;
    }

    /** A name free in the schema, as PostgreSQL itself picks for a clash: {@code <name>_<n>} within 63 bytes. */
    public String freeName(Connection connection, String schema, String name) throws SQLException {
        for (int suffix = 1; ; suffix++) {
            String tail = "_" + suffix;
            String base = name.length() + tail.length() > MAX_NAME_BYTES
                    ? name.substring(0, MAX_NAME_BYTES - tail.length()) : name;
            if (!relationExists(connection, schema, base + tail)) {
                return base + tail;
            }
        }
    }

    /** The indexes and sequences that moved with {@code table} into {@code bin} whose names {@code schema} uses. */
    public List<Companion> clashingCompanions(Connection connection, String bin, String table, String schema)
            throws SQLException {
        List<Companion> companions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(CLASHING_COMPANIONS)) {
            query.setString(1, bin);
            query.setString(2, table);
            query.setString(3, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    companions.add(new Companion(rows.getString(1), rows.getBoolean(2)));
                }
            }
        }
        return companions;
    }

    /** What the schema holds directly now, as the ledger records a recycled schema's contents. */
    public String[] schemaMembers(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SCHEMA_MEMBERS)) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return (String[]) row.getArray(1).getArray();
            }
        }
    }

    /** The table of a table's bin and the sequences it owns, as {@link #schemaMembers} writes them. */
    public String[] tableMembers(Connection connection, BinRecord record) throws SQLException {
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

    /** What the schema holds directly beyond the expected members, described; null when nothing. */
    public String addedMembers(Connection connection, String schema, String[] expected) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ADDED_MEMBERS)) {
            query.setString(1, schema);
            query.setArray(2, connection.createArrayOf("text", expected));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Objects outside the schema that depend on what is in it, described; null when none. */
    public String outsideDependents(Connection connection, String schema) throws SQLException {
        return SingleValue.text(connection, OUTSIDE_DEPENDENTS, schema);
    }
}
