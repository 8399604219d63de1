package io.drsuite.relationship.routing;

import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One webhook call for one role change, in the webhooks' outbox: recorded with the change, made by
 * {@link WebhookRelay}, retried with a doubling wait until the webhook answers 2xx or the attempts run out.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** The longest an error kept for the API may be. */
    private static final int ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    public OwnerKind ownerKind;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "owner_name", nullable = false)
    public String ownerName;

    @Column(nullable = false)
    public String url;

    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;

    /** The role change as JSON; the body sent is this with the delivery's id added. */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    /** The task whose role change this delivery announces. */
    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    static WebhookDelivery due(OwnerKind kind, UUID ownerId, String ownerName, Webhook webhook, UUID taskId,
            String payload, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.taskId = taskId;
        delivery.ownerKind = kind;
        delivery.ownerId = ownerId;
        delivery.ownerName = ownerName;
        delivery.url = webhook.url;
        delivery.secretSealed = webhook.secretSealed;
        delivery.payload = payload;
        delivery.state = DeliveryState.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    /** Whether the webhook of this owner was already told of the task's role change. */
    static boolean announced(UUID ownerId, String url, UUID taskId) {
        return taskId != null && count("ownerId = ?1 and url = ?2 and taskId = ?3", ownerId, url, taskId) > 0;
    }

    /**
     * Newest first, optionally of one owner: a cluster by name, a relationship by id.
     */
    public static Page<WebhookDelivery> page(String cluster, UUID relationship, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (cluster != null) {
            query.append(" and ownerKind = :clusterKind and ownerName = :cluster");
            parameters.put("clusterKind", OwnerKind.CLUSTER);
            parameters.put("cluster", cluster);
        }
        if (relationship != null) {
            query.append(" and ownerKind = :relationshipKind and ownerId = :relationship");
            parameters.put("relationshipKind", OwnerKind.RELATIONSHIP);
            parameters.put("relationship", relationship);
        }
        if (page.after() != null) {
            query.append(" and id < :after");
            parameters.put("after", page.afterNumber());
        }
        List<WebhookDelivery> rows = find(query + " order by id desc", parameters).page(0, page.limit() + 1).list();
        return Page.of(rows, page, delivery -> String.valueOf(delivery.id));
    }

    /** The webhook answered 2xx. */
    void markDelivered(int status, Instant at) {
        state = DeliveryState.DELIVERED;
        lastStatus = status;
        lastError = null;
        deliveredAt = at;
    }

    /**
     * The attempt failed (a status other than 2xx, or no answer): the call is due again after a wait that doubles
     * with each attempt, up to the longest wait, or given up after the last attempt.
     */
    void markFailedAttempt(Integer status, String error, Instant at, WebhookConfig config) {
        lastStatus = status;
        lastError = error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
        if (attempts >= config.maxAttempts()) {
            state = DeliveryState.FAILED;
            return;
        }
        nextAttemptAt = at.plus(retryAfter(attempts, config));
    }

    /** Given up at once: the call cannot be made at all (its key does not open). */
    void markFailed(String error, Instant at) {
        lastError = error;
        state = DeliveryState.FAILED;
        nextAttemptAt = at;
    }

    static Duration retryAfter(int attemptsMade, WebhookConfig config) {
        Duration wait = config.firstRetryAfter();
        for (int i = 1; i < attemptsMade && wait.compareTo(config.maxRetryAfter()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : wait;
    }
}
