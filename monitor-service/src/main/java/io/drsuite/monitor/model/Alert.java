package io.drsuite.monitor.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert: raised once, resolved once. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    /** Firing until resolved. */
    public enum State {
        FIRING, RESOLVED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String rule;

    @Column(nullable = false)
    public String subject;

    @Column(name = "relationship_id")
    public UUID relationshipId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public String detail;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public static List<Alert> firing() {
        return list("state", State.FIRING);
    }

    public void setAsResolved() {
        state = State.RESOLVED;
        resolvedAt = Instant.now();
    }
}
