package io.drsuite.relationship.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drsuite.platform.secrets.SealedSecretRefusedException;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Makes the webhook calls that are due ({@link WebhookDelivery}), every second.
 *
 * <p>A pass claims due calls in a short transaction ({@code FOR UPDATE SKIP LOCKED}, so two instances never claim
 * the same one) and moves each claimed call's next attempt past the time a call can take, so a crashed instance's
 * claims become due again. The calls then run at the same time, outside any transaction, each bounded by the
 * timeout; each outcome is written in its own short transaction. A webhook's calls are made in the order of the
 * changes: a call waits while an earlier one to the same URL is still pending (being retried).
 */
@ApplicationScoped
public class WebhookRelay {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);
    /** Beyond the call's timeout, how long a claim holds before another pass may take the call again. */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
    private static final String CLAIM = """
            select d.id from webhook_delivery d
            where d.state = 'PENDING' and d.next_attempt_at <= now()
              and not exists (select 1 from webhook_delivery e
                              where e.state = 'PENDING' and e.owner_id = d.owner_id and e.url = d.url
                                and e.id < d.id)
            order by d.id
            limit :batch
            for update skip locked""";

    private final WebhookConfig config;
    private final SecretSealer sealer;
    private final ObjectMapper json;
    private final EntityManager entityManager;
    private final HttpClient http;
    private final Counter delivered;
    private final Counter failedAttempts;

    WebhookRelay(WebhookConfig config, SecretSealer sealer, ObjectMapper json, EntityManager entityManager,
            MeterRegistry registry) {
        this.config = config;
        this.sealer = sealer;
        this.json = json;
        this.entityManager = entityManager;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.delivered = Counter.builder("drsuite.webhooks.delivered")
                .description("Webhook calls answered 2xx").register(registry);
        this.failedAttempts = Counter.builder("drsuite.webhooks.failed.attempts")
                .description("Webhook call attempts that failed (no answer or not 2xx)").register(registry);
    }

    /** A call claimed for one attempt: everything it needs, read in the claiming transaction. */
    record Claim(long id, UUID ownerId, String url, String secretSealed, byte[] body, int attempt) {
    }

    @Scheduled(every = "${drsuite.webhooks.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayDue() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claimDue);
        if (claims.isEmpty()) {
            return;
        }
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (Claim claim : claims) {
                running.add(calls.submit(() -> attempt(claim)));
            }
            for (Future<?> call : running) {
                try {
                    call.get();
                } catch (Exception e) {
                    LOG.warnf("A webhook call ended unexpectedly: %s", e.getMessage());
                }
            }
        }
    }

    private List<Claim> claimDue() {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery(CLAIM).setParameter("batch", config.batchSize())
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        Instant heldUntil = Instant.now().plus(config.timeout()).plus(CLAIM_MARGIN);
        for (Number id : ids) {
            WebhookDelivery delivery = WebhookDelivery.findById(id.longValue());
            delivery.attempts++;
            delivery.nextAttemptAt = heldUntil;
            claims.add(new Claim(delivery.id, delivery.ownerId, delivery.url, delivery.secretSealed,
                    body(delivery), delivery.attempts));
        }
        return claims;
    }

    private void attempt(Claim claim) {
        String secret;
        try {
            secret = sealer.open(claim.secretSealed(), SecretBinding.webhookSecret(claim.ownerId()));
        } catch (SealedSecretRefusedException e) {
            LOG.warnf("Webhook call %d to %s given up: its key does not open (%s)", claim.id(), claim.url(),
                    e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> WebhookDelivery.<WebhookDelivery>findByIdOptional(claim.id())
                    .ifPresent(delivery -> delivery.markFailed("the webhook's key does not open: "
                            + e.getMessage(), Instant.now())));
            return;
        }
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(claim.url())).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "DR-Suite-Webhooks")
                    .header(WebhookSignature.EVENT_HEADER, RoleChangedCall.EVENT)
                    .header(WebhookSignature.DELIVERY_HEADER, String.valueOf(claim.id()))
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(Instant.now().getEpochSecond()))
                    .header(WebhookSignature.HEADER, WebhookSignature.of(claim.body(), secret))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(claim.body())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            error = status / 100 == 2 ? null : "HTTP " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (IllegalArgumentException e) {
            error = "not a URL the client can call: " + e.getMessage();
        }
        record(claim, status, error);
    }

    private void record(Claim claim, Integer status, String error) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(claim.id());
            if (delivery == null || delivery.state.isDone()) {
                return;
            }
            if (error == null) {
                delivery.markDelivered(status, now);
                delivered.increment();
                LOG.infof("Webhook call %d to %s delivered (HTTP %d, attempt %d)", claim.id(), claim.url(), status,
                        claim.attempt());
            } else {
                delivery.markFailedAttempt(status, error, now, config);
                failedAttempts.increment();
                LOG.warnf("Webhook call %d to %s failed, attempt %d of %d: %s%s", claim.id(), claim.url(),
                        claim.attempt(), config.maxAttempts(), error, delivery.state == DeliveryState.FAILED
                                ? "; given up" : "; next attempt at " + delivery.nextAttemptAt);
            }
        });
    }

    /** The payload with the delivery's id, as sent (the same bytes on every attempt). */
    private byte[] body(WebhookDelivery delivery) {
        try {
            ObjectNode body = (ObjectNode) json.readTree(delivery.payload);
            body.put("deliveryId", delivery.id);
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("webhook call " + delivery.id + " has a payload that is not JSON", e);
        }
    }
}
