package io.drsuite.task.drill;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the row count and checksum of every ordinary table in every database that accepts connections. Names come
 * from the server's catalogs and go back into SQL only through {@code format('%I')} on the server.
 */
final class TableChecksums {

    private static final String DATABASES = "select datname from pg_database where datallowconn and not datistemplate "
            + "order by datname";
    private static final String TABLES = """
            select n.nspname, c.relname, c.relpages
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
               and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
             order by n.nspname, c.relname""";
    private static final String COUNT = "select format('select count(*) from %I.%I', ?::text, ?::text)";
    private static final String CHECKSUM = "select format('select coalesce(sum(hashtextextended(t::text, 0)), 0)::text"
            + " from %I.%I as t', ?::text, ?::text)";
    private static final String SAMPLED_CHECKSUM = "select format('select coalesce(sum(hashtextextended(t::text, 0)),"
            + " 0)::text from %I.%I as t tablesample system (%L) repeatable (0)', ?::text, ?::text, ?::text)";

    /** Tables with more pages than this are checksummed over a sample of {@code samplePercent} of their pages. */
    record Sampling(long abovePages, double percent) {
    }

    private final NodeConnector connector;
    private final Sampling sampling;

    TableChecksums(NodeConnector connector, Sampling sampling) {
        this.connector = connector;
        this.sampling = sampling;
    }

    List<TableChecksum> read(NodeEndpoint node, Login login) throws SQLException {
        List<TableChecksum> tables = new ArrayList<>();
        for (String database : databases(node, login)) {
            try (NodeSession session = connector.open(node, login, database)) {
                for (String[] table : tables(session)) {
                    boolean sampled = Long.parseLong(table[2]) > sampling.abovePages();
                    long rows = Long.parseLong(single(session, COUNT, table[0], table[1]));
                    String checksum = sampled
                            ? single(session, SAMPLED_CHECKSUM, table[0], table[1], String.valueOf(sampling.percent()))
                            : single(session, CHECKSUM, table[0], table[1]);
                    tables.add(new TableChecksum(database, table[0], table[1], rows, checksum, sampled));
                }
            }
        }
        return tables;
    }

    private List<String> databases(NodeEndpoint node, Login login) throws SQLException {
        List<String> databases = new ArrayList<>();
        try (NodeSession session = connector.open(node, login); Statement statement = session.connection()
                .createStatement(); ResultSet rows = statement.executeQuery(DATABASES)) {
            while (rows.next()) {
                databases.add(rows.getString(1));
            }
        }
        return databases;
    }

    private static List<String[]> tables(NodeSession session) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement statement = session.connection().createStatement();
                ResultSet rows = statement.executeQuery(TABLES)) {
            while (rows.next()) {
                tables.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        return tables;
    }

    /** Builds the query on the server from {@code formatQuery} and the names, runs it and returns its one value. */
    private static String single(NodeSession session, String formatQuery, String... arguments) throws SQLException {
        String sql;
        try (PreparedStatement statement = session.connection().prepareStatement(formatQuery)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setString(i + 1, arguments[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                sql = row.getString(1);
            }
        }
        try (Statement statement = session.connection().createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
