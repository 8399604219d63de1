package io.drsuite.relationship.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The webhook calls as the API lists them: state, attempts and the last answer, never the key. */
@ApplicationScoped
public class WebhookDeliveries {

    private final ObjectMapper json;

    WebhookDeliveries(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDeliveryView> list(String cluster, UUID relationship, PageRequest page) {
        return WebhookDelivery.page(cluster, relationship, page).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebhookDeliveryView> get(long id) {
        return WebhookDelivery.<WebhookDelivery>findByIdOptional(id).map(this::view);
    }

    private WebhookDeliveryView view(WebhookDelivery delivery) {
        RoleChangedCall change;
        try {
            change = json.readValue(delivery.payload, RoleChangedCall.class);
        } catch (JsonProcessingException e) {
            change = null;
        }
        return new WebhookDeliveryView(delivery.id, new RoutingView.Owner(delivery.ownerKind.wireName(),
                delivery.ownerId, delivery.ownerName), delivery.url, delivery.state.wireName(), delivery.attempts,
                delivery.state == DeliveryState.PENDING ? delivery.nextAttemptAt : null, delivery.lastStatus,
                delivery.lastError, delivery.createdAt, delivery.deliveredAt, change);
    }
}
