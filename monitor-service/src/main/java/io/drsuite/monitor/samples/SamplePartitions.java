package io.drsuite.monitor.samples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The time partitions of the sample tables: which exist, creating them, emptying the default partition into them and
 * dropping them. Every method runs in the caller's transaction, after {@link #lock} said this replica maintains the
 * table now.
 *
 * <p>A row whose time no partition covers lands in the table's default partition rather than failing the poll's
 * transaction (and with it the poll's alerts and failover decisions). That happens only when maintenance fell behind
 * (the control-plane database was unreachable for longer than the partitions made ahead last) or on the first start
 * after the migration, which moved the old rows there. Maintenance then moves those rows into time partitions
 * ({@link #emptyDefault}), so the default partition stays empty, attaching a partition never scans rows there, and
 * retention never has rows it cannot drop.
 *
 * <p>Partition names and bounds are built here from instants, never from input; names are still quoted. A new
 * partition is created apart and attached, which locks the parent only against other schema changes: polls keep
 * writing meanwhile. Dropping one locks the parent briefly; {@link #LOCK_TIMEOUT} bounds how long polls may queue
 * behind a drop that waits for a long reader.
 */
@ApplicationScoped
public class SamplePartitions {

    private static final String LOCK_TIMEOUT = "2s";

    private static final String LIST = """
            select c.relname, bound[1]::timestamptz, bound[2]::timestamptz
              from pg_inherits i
              join pg_class c on c.oid = i.inhrelid
             cross join lateral regexp_match(pg_get_expr(c.relpartbound, c.oid),
                                             'FROM \\(''([^'']+)''\\) TO \\(''([^'']+)''\\)') bound
             where i.inhparent = cast(? as regclass) and bound is not null
             order by 2""";

    private final EntityManager entityManager;

    SamplePartitions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Whether this transaction may maintain the table's partitions: one replica at a time (a transaction-scoped
     * advisory lock; false when another holds it). Also bounds the transaction's waits for table locks.
     */
    public boolean lock(SampleTable table) {
        return jdbc(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.' || ? || '.partitions'))")) {
                statement.setString(1, table.table());
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getBoolean(1);
                }
            }
        });
    }

    /** The table's time partitions, oldest first (not the default partition). */
    public List<SamplePartition> list(SampleTable table) {
        return jdbc(connection -> list(connection, table));
    }

    /** Creates time partitions for the parts of the range no partition covers yet. */
    public void cover(SampleTable table, PartitionRange range) {
        jdbc(connection -> {
            List<PartitionRange> existing = ranges(list(connection, table));
            for (PartitionRange part : range.uncoveredBy(existing)) {
                create(connection, table, part);
            }
            return null;
        });
    }

    /**
     * Moves the rows of the default partition, if any, into time partitions of the given width (created as needed).
     * Writers of rows for uncovered times wait meanwhile; everyone else goes on.
     */
    public int emptyDefault(SampleTable table, Duration width) {
        return jdbc(connection -> {
            String defaultPartition = quoted(table.defaultPartition());
            try (Statement statement = connection.createStatement()) {
                statement.execute("lock table " + defaultPartition + " in exclusive mode");
                try (ResultSet row = statement.executeQuery("select count(*) from " + defaultPartition)) {
                    row.next();
                    if (row.getInt(1) == 0) {
                        return 0;
                    }
                }
                statement.execute("create temporary table drained_samples on commit drop as select * from "
                        + defaultPartition);
                statement.execute("truncate " + defaultPartition);
            }
            List<PartitionRange> existing = new ArrayList<>(ranges(list(connection, table)));
            for (PartitionRange slot : slotsOfDrained(connection, width)) {
                for (PartitionRange part : slot.uncoveredBy(existing)) {
                    create(connection, table, part);
                    existing.add(part);
                }
            }
            try (Statement statement = connection.createStatement()) {
                int moved = statement.executeUpdate("insert into " + quoted(table.table())
                        + " overriding system value select * from drained_samples");
                statement.execute("drop table drained_samples");
                return moved;
            }
        });
    }

    /** Drops the partition with its rows. */
    public void drop(SamplePartition partition) {
        jdbc(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table " + quoted(partition.name()));
            }
            return null;
        });
    }

    private static List<SamplePartition> list(Connection connection, SampleTable table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LIST)) {
            statement.setString(1, table.table());
            List<SamplePartition> partitions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    partitions.add(new SamplePartition(row.getString(1), new PartitionRange(
                            row.getObject(2, OffsetDateTime.class).toInstant(),
                            row.getObject(3, OffsetDateTime.class).toInstant())));
                }
            }
            return partitions;
        }
    }

    private static List<PartitionRange> slotsOfDrained(Connection connection, Duration width) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select distinct floor(extract(epoch from sampled_at) / ?)::bigint from drained_samples order by 1")) {
            statement.setLong(1, width.toSeconds());
            List<PartitionRange> slots = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    slots.add(PartitionRange.slotOf(Instant.ofEpochSecond(row.getLong(1) * width.toSeconds()), width));
                }
            }
            return slots;
        }
    }

    /** Created apart and attached: attaching takes only a share-update-exclusive lock on the parent. */
    private static void create(Connection connection, SampleTable table, PartitionRange range) throws SQLException {
        String partition = quoted(table.partitionFrom(range.from()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + partition + " (like " + quoted(table.table())
                    + " including defaults including constraints)");
            statement.execute("alter table " + quoted(table.table()) + " attach partition " + partition
                    + " for values from (" + literal(range.from()) + ") to (" + literal(range.to()) + ")");
        }
    }

    private static List<PartitionRange> ranges(List<SamplePartition> partitions) {
        return partitions.stream().map(SamplePartition::range).toList();
    }

    private <T> T jdbc(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A partition bound takes no bind parameter; an instant prints as digits, '-', ':', '.', 'T' and 'Z' only. */
    private static String literal(Instant instant) {
        return "'" + instant + "'";
    }
}
