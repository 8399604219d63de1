package io.drsuite.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event waiting in (or already relayed from) the transactional outbox.
 */
@Entity
@Table(name = "event_outbox")
public class OutboxEvent extends PanacheEntityBase {

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The origin of the change announced: relayed as the {@code ce_correlationid} and {@code ce_requestedby}. */
    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    static List<OutboxEvent> nextPending(int limit) {
        return find("publishedAt is null order by id").page(0, limit).list();
    }

    static long countPending() {
        return count("publishedAt is null");
    }

    void markPublished(Instant at) {
        attempts++;
        publishedAt = at;
        lastError = null;
    }

    void markFailedAttempt(String error) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
    }
}
