package io.drsuite.monitor.model;

import io.drsuite.platform.paging.Keyset;
import io.drsuite.platform.paging.KeysetQuery;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** An alert: raised once, resolved once. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    /** Firing until resolved; shown by its {@link #wireName()}. */
    public enum State {
        FIRING, RESOLVED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
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

    /** A page of alerts, newest first (the id breaks ties), in one state when it is given. */
    public static Page<Alert> newestFirst(State state, PageRequest page) {
        KeysetQuery query = KeysetQuery.newestFirst("raisedAt", "id").whereEqual("state", state)
                .after(Keyset.after(page, UUID::fromString));
        return Page.of(Alert.<Alert>find(query.jpql(), query.parameters()).page(0, page.limit() + 1).list(), page,
                alert -> Keyset.key(alert.raisedAt, alert.id));
    }

    public static List<Alert> firing() {
        return list("state", State.FIRING);
    }

    public void setAsResolved() {
        state = State.RESOLVED;
        resolvedAt = Instant.now();
    }
}
