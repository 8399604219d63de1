package io.drsuite.system;

import io.drsuite.testing.PostgresInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady writer for point-in-time tests: one row every few milliseconds into {@code ledger} on whichever node of
 * the cluster is the primary now (it follows a switchover). It can be paused, so a test can take a point (a time, an
 * LSN, a restore point) with no commit near it and note exactly what was committed before it.
 */
final class LedgerWriter implements AutoCloseable {

    static final String TABLE = "create table ledger (id bigint primary key, at timestamptz not null default "
            + "clock_timestamp(), amount int not null)";

    private final List<PostgresInstance> nodes;
    private final Thread thread;
    private final AtomicLong committed = new AtomicLong();
    private volatile boolean paused;
    private volatile boolean writing;
    private volatile boolean stopped;

    LedgerWriter(List<PostgresInstance> nodes) {
        this.nodes = nodes;
        this.thread = new Thread(this::write, "ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    long committed() {
        return committed.get();
    }

    /** Stops writing once the statement in flight has ended; nothing is written until {@link #resume()}. */
    void pause() throws InterruptedException {
        paused = true;
        while (writing) {
            Thread.sleep(5);
        }
    }

    void resume() {
        paused = false;
    }

    /** The rows and a checksum of their contents, on the node that is the primary now. */
    static String contents(PostgresInstance node) throws SQLException {
        try (Connection connection = node.connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*), coalesce(md5(string_agg(id || ':' || "
                        + "amount, ',' order by id)), '') from ledger")) {
            rows.next();
            return rows.getLong(1) + " rows, md5 " + rows.getString(2);
        }
    }

    PostgresInstance primary() throws SQLException {
        for (PostgresInstance node : nodes) {
            if (node.answers() && !node.inRecovery()) {
                return node;
            }
        }
        throw new SQLException("no node of " + nodes + " is a primary now");
    }

    private void write() {
        long next = 1;
        Connection connection = null;
        while (!stopped) {
            if (paused) {
                sleep(5);
                continue;
            }
            writing = true;
            try {
                if (connection == null) {
                    connection = primary().connect("postgres");
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into ledger (id, amount) values (?, ?)")) {
                    insert.setLong(1, next);
                    insert.setInt(2, (int) (next * 7 % 1000));
                    insert.executeUpdate();
                }
                committed.set(next++);
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    committed.set(next++); // committed before the connection broke, acknowledged too late
                }
                close(connection);
                connection = null;
                sleep(100);
            } finally {
                writing = false;
            }
            sleep(4);
        }
        close(connection);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the node went away; the next statement opens a new connection
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }
}
