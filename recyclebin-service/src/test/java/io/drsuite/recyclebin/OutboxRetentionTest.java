package io.drsuite.recyclebin;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.drsuite.platform.outbox.OutboxRetention;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox retention every service runs, tested once here on recyclebin-service against its real database: events
 * published longer ago than the retention are deleted, in batches; recent and unpublished ones stay.
 */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    AgroalDataSource database;

    @Inject
    OutboxRetention retention;

    @Test
    void eventsPublishedBeforeTheRetentionAreDeletedInBatchesAndTheOthersStay() throws SQLException {
        Instant now = Instant.now();
        try (Connection relayHeldOff = database.getConnection(); Connection rows = database.getConnection()) {
            // The relay's own lock, held so that it leaves the unpublished test event alone.
            relayHeldOff.setAutoCommit(false);
            relayHeldOff.createStatement()
                    .execute("select pg_advisory_xact_lock(hashtext(current_schema() || '.event_outbox'))");
            List<UUID> expired = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                expired.add(insert(rows, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8))));
            }
            UUID recent = insert(rows, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(1)));
            UUID unpublished = insert(rows, now.minus(Duration.ofDays(30)), null);

            long removed = retention.prunePublishedBefore(now.minus(Duration.ofDays(7)), 2);

            assertThat(removed).as("five expired events, two at a time").isGreaterThanOrEqualTo(5);
            assertThat(expired).noneMatch(id -> present(rows, id));
            assertThat(present(rows, recent)).as("published a day ago").isTrue();
            assertThat(present(rows, unpublished)).as("never published").isTrue();

            try (PreparedStatement delete = relayHeldOff
                    .prepareStatement("delete from event_outbox where event_id = any(?)")) {
                delete.setArray(1, relayHeldOff.createArrayOf("uuid", new Object[] {recent, unpublished}));
                delete.executeUpdate();
            }
            relayHeldOff.commit();
        }
    }

    private static UUID insert(Connection connection, Instant occurredAt, Instant publishedAt) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("insert into event_outbox "
                + "(event_id, topic, aggregate_id, event_type, payload, occurred_at, published_at, attempts) "
                + "values (?, 'drsuite.recyclebin', 'outbox-retention-test', 'test', '{}', ?, ?, 1)")) {
            insert.setObject(1, eventId);
            insert.setTimestamp(2, Timestamp.from(occurredAt));
            insert.setTimestamp(3, publishedAt == null ? null : Timestamp.from(publishedAt));
            insert.executeUpdate();
        }
        return eventId;
    }

    private static boolean present(Connection connection, UUID eventId) {
        try (PreparedStatement select = connection.prepareStatement("select 1 from event_outbox where event_id = ?")) {
            select.setObject(1, eventId);
            return select.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
